import Foundation
import FormrunnerCore
@testable import FormrunnerSQLite
import GRDB
import Testing

/// The team cursor kept in the tickets the rule assigned (`auto_team`, `auto_assignee`) with a
/// checkpoint row written only now and then ("v17 team cursor checkpoints"): the same turns as a
/// cursor written by every create, for this store, another store on the file, and after a migration.
@Suite("SQLite team cursor checkpoints")
struct SQLiteTeamCursorTests {
    static let request = TeamCursorMemoryTests.request

    private func create(_ index: Int, in store: SQLiteTicketStore) async throws -> String? {
        try await store.create(Samples.ticket(title: "Ticket \(index)"), history: [Samples.created()], submissionKey: nil,
                               files: [:], assignment: Self.request) { _ in [] }.assignee
    }

    /// The team's checkpoint row: its ticket number and last assignee.
    private func checkpoint(in path: String) async throws -> (number: Int64, last: String)? {
        try await DatabaseQueue(path: path).read { db in
            try Row.fetchOne(db, sql: "SELECT last_assignee, ticket_number FROM team_cursor WHERE team = 'technical'")
                .map { ($0["ticket_number"], $0["last_assignee"]) }
        }
    }

    @Test("the cursor's row is written by the first pick, then at each multiple of the interval; another store takes the next turn")
    func checkpointsAndTurns() async throws {
        try await withScratchFolder { folder in
            let path = folder.appendingPathComponent("tickets.sqlite").path
            let store = try SQLiteTicketStore(path: path)
            let candidates = Self.request.candidates
            let interval = Int(TeamCursor.checkpointInterval)
            for index in 0..<3 { #expect(try await create(index, in: store) == candidates[index % candidates.count]) }
            var row = try #require(try await checkpoint(in: path))
            #expect(row.number == 1)
            #expect(row.last == candidates[0])
            var picks: [String?] = []
            for index in 3..<(interval + 3) { picks.append(try await create(index, in: store)) }
            #expect(picks == (3..<(interval + 3)).map { Optional(candidates[$0 % candidates.count]) })
            // Ticket `interval` (index interval − 1) moved the checkpoint; the three after it did not.
            row = try #require(try await checkpoint(in: path))
            #expect(row.number == TeamCursor.checkpointInterval)
            #expect(row.last == candidates[(interval - 1) % candidates.count])
            // A second store (another process) reads the checkpoint and the picks after it.
            let second = try SQLiteTicketStore(path: path)
            #expect(try await create(interval + 3, in: second) == candidates[(interval + 3) % candidates.count])
            #expect(try await create(interval + 4, in: store) == candidates[(interval + 4) % candidates.count])
        }
    }

    @Test("a quiet team among busy ones: each multiple of the interval moves its checkpoint too, so a store that remembers nothing walks less than an interval, and the turns go on")
    func quietTeamCheckpointed() async throws {
        try await withScratchFolder { folder in
            let path = folder.appendingPathComponent("tickets.sqlite").path
            let busy = AssignmentRequest(team: "billing", rule: .roundRobin, candidates: ["eva@desk.example", "fabio@desk.example"],
                                         settledStatuses: [])
            let interval = TeamCursor.checkpointInterval
            let candidates = Self.request.candidates
            var quietPicks: [String?] = []
            var store = try SQLiteTicketStore(path: path)
            for index in 0..<(2 * Int(interval) + 10) {
                // Every 300th ticket is the quiet team's, each filed by a fresh store (a command line).
                if index % 300 == 0 {
                    store = try SQLiteTicketStore(path: path)
                    quietPicks.append(try await create(index, in: store))
                } else {
                    _ = try await store.create(Samples.ticket(title: "Busy \(index)"), history: [Samples.created()], submissionKey: nil,
                                               files: [:], assignment: busy) { _ in [] }
                }
            }
            #expect(quietPicks == (0..<quietPicks.count).map { Optional(candidates[$0 % candidates.count]) })
            let rows = try await DatabaseQueue(path: path).read { db in
                try Row.fetchAll(db, sql: "SELECT team, last_assignee, ticket_number FROM team_cursor ORDER BY team")
                    .map { [$0["team"] as String, $0["last_assignee"] as String, String($0["ticket_number"] as Int64)] }
            }
            // Both rows are at ticket 1,024: the quiet team's last pick was ticket 901 (its fourth), the
            // busy team's ticket 1,024, its 1,020th (tickets 1, 301, 601 and 901 were the quiet team's).
            #expect(rows == [["billing", busy.candidates[(1_020 - 1) % 2], String(2 * interval)],
                             ["technical", candidates[3], String(2 * interval)]])
            // The walk a fresh store makes for the quiet team stops at its checkpoint: within one interval.
            let newest = Int64(2 * Int(interval) + 10)
            #expect(try #require(Int64(rows[1][2])) > newest - interval)
        }
    }

    @Test("an agent assigned by hand later does not move the turn: the rule's own pick is kept with the ticket")
    func handAssignmentKeepsTheTurn() async throws {
        try await withScratchFolder { folder in
            let path = folder.appendingPathComponent("tickets.sqlite").path
            let store = try SQLiteTicketStore(path: path)
            #expect(try await create(0, in: store) == "ana@desk.example")
            #expect(try await create(1, in: store) == "bia@desk.example")
            // Ticket 2 given to davi by hand, through another connection (so the store reads the file again).
            try await DatabaseQueue(path: path).write { db in
                try db.execute(sql: "UPDATE ticket SET assignee = 'davi@desk.example' WHERE number = 2")
            }
            #expect(try await create(2, in: store) == "caio@desk.example")
            let stored = try await DatabaseQueue(path: path).read { db in
                try Row.fetchAll(db, sql: "SELECT auto_team, auto_assignee FROM ticket ORDER BY number")
                    .map { [$0["auto_team"] as String?, $0["auto_assignee"] as String?] }
            }
            #expect(stored == [["technical", "ana@desk.example"], ["technical", "bia@desk.example"],
                               ["technical", "caio@desk.example"]])
        }
    }

    @Test("a file migrated from a cursor written by every create goes on from that cursor")
    func migratedCursor() async throws {
        try await withScratchFolder { folder in
            let path = folder.appendingPathComponent("tickets.sqlite").path
            // The schema before v17, with a ticket and the cursor its create wrote.
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v16 partial report indexes")
            try await queue.write { db in
                try db.execute(sql: """
                    INSERT INTO ticket (form_id, form_version, lifecycle_id, status, title, requester_email, answers,
                                        created_at, updated_at, last_interaction_at, status_entered_at, version, team, assignee)
                    VALUES ('technical', 1, 'support', 'open', 'Old', 'ana@example.com', '{}', 0, 0, 0, 0, 1,
                            'technical', 'bia@desk.example');
                    INSERT INTO team_cursor (team, last_assignee) VALUES ('technical', 'bia@desk.example');
                    """)
            }
            try queue.close()
            let store = try SQLiteTicketStore(path: path)
            #expect(try await create(1, in: store) == "caio@desk.example")
            #expect(try await create(2, in: store) == "davi@desk.example")
            let row = try #require(try await checkpoint(in: path))
            #expect(row.number == 1)
            #expect(row.last == "bia@desk.example")
        }
    }

    @Test("reading the team's newest pick walks the table's rowids backwards from the newest, after the checkpoint")
    func newestPickPlan() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
            let plan = try await DatabaseQueue(path: store.path).read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + TeamCursor.newestPickSQL, arguments: [0, "technical"])
                    .map { $0["detail"] as String }
            }
            #expect(plan == ["SEARCH ticket USING INTEGER PRIMARY KEY (rowid>?)"])
        }
    }

    @Test("moving every team's checkpoint walks, for each team, the table's rowids between its checkpoint and the new one")
    func checkpointEveryTeamPlan() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
            let plan = try await DatabaseQueue(path: store.path).read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + TeamCursor.checkpointEveryTeamSQL, arguments: [512])
                    .map { $0["detail"] as String }
            }
            #expect(plan == ["SCAN team_cursor", "CORRELATED SCALAR SUBQUERY 1",
                             "SEARCH ticket USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"])
        }
    }
}
