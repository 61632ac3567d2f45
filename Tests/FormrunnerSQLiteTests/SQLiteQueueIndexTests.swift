import Foundation
import FormrunnerCore
import FormrunnerSQLite
import GRDB
import Testing

/// The "v9 queue index" migration: a team's queue is read in order from an index, and tickets written
/// before the migration get their queue columns.
@Suite("SQLite queue index")
struct SQLiteQueueIndexTests {
    @Test("a team's queue branch reads the (team, status, queue_due, number) index in order, without sorting")
    func teamQueueIndex() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
            let other = try DatabaseQueue(path: store.path)
            let plan = try await other.read { db in
                try Row.fetchAll(db, sql: """
                    EXPLAIN QUERY PLAN SELECT number, queue_due FROM ticket WHERE team = 'technical' AND status = 'open'
                    ORDER BY queue_due, number LIMIT 50
                    """).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("ticket_queue_team") })
            #expect(!plan.contains { $0.contains("TEMP B-TREE") })
        }
    }

    @Test("(team, status) and (assignee, status) are dropped: the queue's indexes answer their queries")
    func redundantIndexesDropped() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
            let other = try DatabaseQueue(path: store.path)
            let (indexes, plan) = try await other.read { db in
                let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ticket'")
                // The least-open count of the assignment (`TeamCursor`).
                let plan = try Row.fetchAll(db, sql: """
                    EXPLAIN QUERY PLAN SELECT assignee, COUNT(*) AS open FROM ticket
                    WHERE assignee IN ('a@example.com', 'b@example.com') AND status NOT IN ('closed', 'solved') GROUP BY assignee
                    """).map { $0["detail"] as String }
                return (indexes, plan)
            }
            #expect(!indexes.contains("ticket_team_status"))
            #expect(!indexes.contains("ticket_assignee_status"))
            #expect(indexes.contains("ticket_queue_team") && indexes.contains("ticket_queue_assignee"))
            #expect(plan.contains { $0.contains("COVERING INDEX ticket_queue_assignee") })
        }
    }

    @Test("tickets written before the migration are queued by their SLA due instant")
    func backfill() async throws {
        try await withScratchFolder { folder in
            let path = folder.appendingPathComponent("tickets.sqlite").path
            do {
                let store = try SQLiteTicketStore(path: path)
                for (title, due) in [("Later", 900.0), ("Sooner", 300.0)] {
                    var ticket = Samples.ticket(title: title)
                    ticket.team = "technical"
                    var clock = SLAClock(kind: .firstResponse, priority: "high", startedAt: Samples.instant(0), targetSeconds: 3_600)
                    clock.dueAt = Samples.instant(due)
                    ticket.sla = clock
                    try await Samples.create(ticket, in: store)
                }
            }
            // Back to the schema before v8: no columns, no indexes, migration not applied.
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                try db.execute(sql: """
                    DROP INDEX ticket_queue_team;
                    DROP INDEX ticket_queue_assignee;
                    DROP INDEX ticket_queue_status;
                    ALTER TABLE ticket DROP COLUMN queue_due;
                    ALTER TABLE ticket DROP COLUMN sla_alert;
                    DELETE FROM grdb_migrations WHERE identifier = 'v9 queue index';
                    """)
            }
            try queue.close()
            let store = try SQLiteTicketStore(path: path)
            let found = try await store.queue(TicketQueueQuery(statuses: ["open"], teams: ["technical"]))
            #expect(found.map(\.title) == ["Sooner", "Later"])
            let breaching = try await store.queue(TicketQueueQuery(statuses: ["open"], breachingAt: Samples.instant(600)))
            #expect(breaching.map(\.title) == ["Sooner"])
        }
    }
}
