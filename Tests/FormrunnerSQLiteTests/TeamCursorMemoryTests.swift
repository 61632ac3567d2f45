import Foundation
import FormrunnerCore
@testable import FormrunnerSQLite
import GRDB
import Testing

/// The team cursor a store's writer remembers between creates: the same turns as reading it every
/// time, whoever else writes the file, and nothing kept from a create that did not happen.
@Suite("SQLite team cursor memory")
struct TeamCursorMemoryTests {
    static let request = AssignmentRequest(team: "technical", rule: .roundRobin,
                                           candidates: ["ana@desk.example", "bia@desk.example", "caio@desk.example",
                                                        "davi@desk.example"],
                                           settledStatuses: [])

    private func create(_ index: Int, in store: SQLiteTicketStore, key: String? = nil) async throws -> String? {
        try await store.create(Samples.ticket(title: "Ticket \(index)"), history: [Samples.created()], submissionKey: key,
                               files: [:], assignment: Self.request) { _ in [] }.assignee
    }

    @Test("two stores on one file (two processes) take turns from the file's cursor, not their own")
    func twoWriters() async throws {
        try await withScratchFolder { folder in
            let path = folder.appendingPathComponent("tickets.sqlite").path
            let first = try SQLiteTicketStore(path: path), second = try SQLiteTicketStore(path: path)
            var picks: [String?] = []
            for index in 0..<10 {
                // Two in a row from the first store, then one from the second: each must see the other's moves.
                picks.append(try await create(index, in: index % 3 == 2 ? second : first))
            }
            let candidates = Self.request.candidates
            #expect(picks == (0..<10).map { Optional(candidates[$0 % candidates.count]) })
        }
    }

    @Test("a create that rolls back leaves the cursor where the file has it")
    func rollback() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
            #expect(try await create(0, in: store, key: "same") == "ana@desk.example")
            // The repeated submission key is refused by the ticket's insert, after the cursor moved in the transaction.
            await #expect(throws: (any Error).self) { _ = try await create(1, in: store, key: "same") }
            #expect(try await create(2, in: store) == "bia@desk.example")
            #expect(try await create(3, in: store) == "caio@desk.example")
        }
    }

    @Test("a cursor moved in the file by another connection is read again")
    func movedElsewhere() async throws {
        try await withScratchFolder { folder in
            let path = folder.appendingPathComponent("tickets.sqlite").path
            let store = try SQLiteTicketStore(path: path)
            #expect(try await create(0, in: store) == "ana@desk.example")
            #expect(try await create(1, in: store) == "bia@desk.example")
            let other = try DatabaseQueue(path: path)
            // Another writer's checkpoint, newer than every pick in the file.
            try await other.write { db in
                try db.execute(sql: "UPDATE team_cursor SET last_assignee = ?, ticket_number = (SELECT MAX(number) FROM ticket) WHERE team = ?",
                               arguments: ["davi@desk.example", "technical"])
            }
            #expect(try await create(2, in: store) == "ana@desk.example")
            #expect(try await create(3, in: store) == "bia@desk.example")
        }
    }

    @Test("the pager's data version moves with this connection's commits and with another's")
    func dataVersion() async throws {
        try await withScratchFolder { folder in
            let path = folder.appendingPathComponent("tickets.sqlite").path
            let queue = try DatabaseQueue(path: path)
            let other = try DatabaseQueue(path: path)
            // The version is the one of the transaction's snapshot: the read starts it.
            let version: @Sendable (Database) throws -> UInt32? = { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM t")
                return TeamCursorMemory.dataVersion(of: db)
            }
            try await queue.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
            let start = try await queue.read(version)
            let unchanged = try await queue.read(version)
            try await queue.write { db in try db.execute(sql: "INSERT INTO t VALUES (1)") }
            let own = try await queue.read(version)
            try await other.write { db in try db.execute(sql: "INSERT INTO t VALUES (2)") }
            let others = try await queue.read(version)
            #expect(start != nil)
            #expect(unchanged == start)
            #expect(own != start)
            #expect(others != own)
        }
    }
}
