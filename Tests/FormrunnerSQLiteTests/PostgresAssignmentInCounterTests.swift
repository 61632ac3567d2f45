import Foundation
import FormrunnerCore
import FormrunnerPostgres
import FormrunnerTestSupport
import Testing

/// On PostgreSQL the create's first statement (the ticket counter's) also checks the directory's change
/// count (`AssignmentRequest.directoryCount`) and moves a round robin team's cursor to its pick.
@Suite("PostgreSQL assignment in the counter statement")
struct PostgresAssignmentInCounterTests {
    /// A store on a new database of the throwaway server (made by `create`, a `CREATE DATABASE` statement
    /// for a name, when given), with the server and the database's name.
    private static func withStore(create: ((String) -> String)? = nil,
                                  _ body: (PostgresTicketStore, PostgresServer, String) async throws -> Void) async throws {
        let server = try PostgresServer.shared()
        var database = try server.makeDatabase()
        if let create {
            database += "_made"
            _ = try server.query(create(database), database: "postgres")
        }
        try await withScratchFolder { folder in
            let store = try await PostgresTicketStore.open(PostgresLocation(url: server.url(database: database),
                                                                            defaultAttachments: folder.appendingPathComponent("attachments")))
            do {
                try await body(store, server, database)
                await store.close()
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// What one-value `sql` printed in `database`, as an integer.
    private static func integer(_ sql: String, _ server: PostgresServer, _ database: String) throws -> Int64? {
        Int64(try server.query(sql, database: database).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func create(_ request: AssignmentRequest, in store: PostgresTicketStore) async throws -> Ticket {
        try await store.create(Samples.ticket(), history: [Samples.created()], submissionKey: nil, files: [:],
                               assignment: request) { ticket in [Samples.message("m\(ticket.number)")] }
    }

    @Test("a create made at another change count is refused before anything is written; at the database's, it assigns")
    func refusedWhenMoved() async throws {
        try await Self.withStore { store, server, database in
            let current = try #require(try Self.integer("SELECT count FROM user_change WHERE id = 1", server, database))
            var request = TeamCursorMemoryTests.request
            request.directoryCount = current + 1
            await #expect(throws: DirectoryMovedError(expected: current + 1, found: current)) {
                _ = try await Self.create(request, in: store)
            }
            #expect(try await store.count(status: nil) == 0)
            #expect(try Self.integer("SELECT count(*) FROM outbox", server, database) == 0)
            #expect(try Self.integer("SELECT count(*) FROM history", server, database) == 0)
            #expect(try Self.integer("SELECT last_number FROM ticket_counter", server, database) == 0)
            request.directoryCount = current
            #expect(try await Self.create(request, in: store).assignee == "ana@desk.example")
            // Refused after the team's first pick: its cursor stays where that pick left it.
            request.directoryCount = current - 1
            await #expect(throws: DirectoryMovedError.self) { _ = try await Self.create(request, in: store) }
            request.directoryCount = current
            let second = try await Self.create(request, in: store)
            #expect(second.number == 2)
            #expect(second.assignee == "bia@desk.example")
            #expect(try await store.history(2).last?.message == "assigned to bia@desk.example (round robin in team technical)")
            #expect(try Self.integer("SELECT count(*) FROM team_cursor", server, database) == 1)
        }
    }

    @Test("a request without a count to check assigns whatever the directory's count is")
    func notChecked() async throws {
        try await Self.withStore { store, server, database in
            _ = try server.query("UPDATE user_change SET count = count + 7 WHERE id = 1", database: database)
            #expect(try await Self.create(TeamCursorMemoryTests.request, in: store).assignee == "ana@desk.example")
        }
    }

    @Test("round robin takes the candidates in byte order, as AssignmentRequest does, whatever the database's collation")
    func byteOrderUnderAnotherCollation() async throws {
        // ICU's en-US puts "a" before "B"; bytes (and `AssignmentRequest.rotation`) put "B" first.
        try await Self.withStore(create: { name in
            "CREATE DATABASE \(name) TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'"
        }) { store, _, _ in
            let request = AssignmentRequest(team: "technical", rule: .roundRobin,
                                            candidates: ["a@desk.example", "B@desk.example"], settledStatuses: [])
            #expect(request.candidates == ["B@desk.example", "a@desk.example"])
            var picks: [String?] = []
            for _ in 0..<3 { picks.append(try await Self.create(request, in: store).assignee) }
            #expect(picks == ["B@desk.example", "a@desk.example", "B@desk.example"])
        }
    }
}
