import Foundation
import FormrunnerCore
import FormrunnerSQLite
import GRDB
import Testing

/// `AssignmentRequest.directoryCount`: the SQLite store checks the users' change count of its own
/// file in the creating transaction.
@Suite("SQLite directory count checked in the create")
struct SQLiteDirectoryCountTests {
    @Test("a create made at another change count is refused before anything is written; at the file's, it assigns")
    func refusedWhenMoved() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
            let file = try DatabaseQueue(path: store.path)
            let count = try await file.read { db in try Int64.fetchOne(db, sql: "SELECT count FROM user_change WHERE id = 1") }
            let current = try #require(count)
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
}
