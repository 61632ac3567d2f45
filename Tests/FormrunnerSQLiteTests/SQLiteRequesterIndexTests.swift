import Foundation
import FormrunnerCore
import FormrunnerSQLite
import GRDB
import Testing

/// The "v4 requester index" migration: a requester's tickets are found through an index on the
/// normalised e-mail, also for tickets written before the migration.
@Suite("SQLite requester index")
struct SQLiteRequesterIndexTests {
    @Test("listing a requester's tickets uses the requester index")
    func requesterIndex() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
            let other = try DatabaseQueue(path: store.path)
            let plan = try await other.read { db in
                try Row.fetchAll(db, sql: """
                    EXPLAIN QUERY PLAN SELECT * FROM ticket WHERE requester_key = 'ana@example.com' AND status = 'open'
                    ORDER BY number DESC LIMIT 5
                    """).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("ticket_requester_number") })
        }
    }

    @Test("tickets written before the migration are found by their normalised e-mail")
    func backfill() async throws {
        try await withScratchFolder { folder in
            let path = folder.appendingPathComponent("tickets.sqlite").path
            do {
                let store = try SQLiteTicketStore(path: path)
                var ticket = Samples.ticket(title: "Old")
                ticket.requester = Requester(email: "  Élodie@Example.COM\n")
                try await Samples.create(ticket, in: store)
            }
            // Back to the schema before v4: no column, no index, migration not applied.
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                try db.execute(sql: """
                    DROP INDEX ticket_requester_number;
                    ALTER TABLE ticket DROP COLUMN requester_key;
                    DELETE FROM grdb_migrations WHERE identifier = 'v4 requester index';
                    """)
            }
            try queue.close()
            let store = try SQLiteTicketStore(path: path)
            #expect(try await store.list(requester: "élodie@example.com", status: nil, before: nil, limit: 5)
                        .map(\.title) == ["Old"])
        }
    }
}
