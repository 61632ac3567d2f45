import Foundation
import FormrunnerCore
import FormrunnerSQLite
import GRDB
import Testing

/// `AssignmentRequest.directoryCount`: the SQLite store checks the users' change count of its own
/// file in the creating transaction.
@Suite("SQLite directory count checked in the create")
struct SQLiteDirectoryCountTests {
    /// A new store in `folder`, another connection to its file, and the file's change count.
    private static func storeWithCount(in folder: URL) async throws -> (SQLiteTicketStore, DatabaseQueue, Int64) {
        let store = try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
        let file = try DatabaseQueue(path: store.path)
        let count = try await file.read { db in try Int64.fetchOne(db, sql: "SELECT count FROM user_change WHERE id = 1") }
        return (store, file, try #require(count))
    }

    @Test("a create made at another change count is refused before anything is written; at the file's, it assigns")
    func refusedWhenMoved() async throws {
        try await withScratchFolder { folder in
            let (store, file, current) = try await Self.storeWithCount(in: folder)
            var request = TeamCursorMemoryTests.request
            request.directoryCount = current + 1
            await #expect(throws: DirectoryMovedError(expected: current + 1, found: current)) {
                _ = try await store.create(Samples.ticket(), history: [Samples.created()], submissionKey: nil, files: [:],
                                           assignment: request) { _ in [Samples.message("m1")] }
            }
            #expect(try await store.count(status: nil) == 0)
            #expect(try await file.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox") } == 0)
            request.directoryCount = current
            let created = try await store.create(Samples.ticket(), history: [Samples.created()], submissionKey: nil, files: [:],
                                                 assignment: request) { _ in [Samples.message("m1")] }
            #expect(created.assignee == "ana@desk.example")
        }
    }

    @Test("the count its last create found is trusted only while nothing else was committed to the file")
    func rememberedUntilAnotherCommit() async throws {
        try await withScratchFolder { folder in
            let (store, file, current) = try await Self.storeWithCount(in: folder)
            var request = TeamCursorMemoryTests.request
            request.directoryCount = current
            func create(_ title: String, expecting count: Int64) async throws -> Ticket {
                var asked = request
                asked.directoryCount = count
                return try await store.create(Samples.ticket(title: title), history: [Samples.created()], submissionKey: nil,
                                              files: [:], assignment: asked) { _ in [] }
            }
            #expect(try await create("first", expecting: current).assignee == "ana@desk.example")
            #expect(try await create("second", expecting: current).assignee == "bia@desk.example")
            // The count its last create found is not the one asked for: read, and refused.
            await #expect(throws: DirectoryMovedError(expected: current + 1, found: current)) {
                _ = try await create("refused", expecting: current + 1)
            }
            #expect(try await create("third", expecting: current).assignee == "caio@desk.example")
            // A user changed by another connection (another process): the count moved under the memory.
            try await file.write { db in try db.execute(sql: "UPDATE user_change SET count = count + 1 WHERE id = 1") }
            await #expect(throws: DirectoryMovedError(expected: current, found: current + 1)) {
                _ = try await create("stale", expecting: current)
            }
            #expect(try await create("fourth", expecting: current + 1).assignee == "davi@desk.example")
            #expect(try await create("fifth", expecting: current + 1).assignee == "ana@desk.example")
            await #expect(throws: DirectoryMovedError(expected: current, found: current + 1)) {
                _ = try await create("stale again", expecting: current)
            }
            #expect(try await store.count(status: nil) == 5)
        }
    }
}
