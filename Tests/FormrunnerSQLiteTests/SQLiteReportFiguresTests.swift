import Foundation
import FormrunnerCore
import FormrunnerSQLite
import GRDB
import Testing

/// The "v11 report figures" migration: a database made before it gains the report's columns, filled
/// from what each ticket row already holds (its SLA clock, its survey answer).
@Suite("SQLite report figures")
struct SQLiteReportFiguresTests {
    @Test("a database from before the report's columns is migrated and its first responses and survey answers backfilled")
    func migration() async throws {
        try await withScratchFolder { folder in
            let path = folder.appendingPathComponent("tickets.sqlite").path
            do {
                let store = try SQLiteTicketStore(path: path)
                var ticket = Samples.ticket(title: "Old", answers: [
                    SurveyKeys.rating: .choice("4"), SurveyKeys.answeredAt: .text("2026-01-02T10:00:00.000Z"),
                ])
                var clock = SLAClock(kind: .firstResponse, priority: "high", startedAt: Samples.instant(), targetSeconds: 14_400)
                clock.firstResponseAt = Samples.instant(3_600)
                clock.answeredAt = clock.firstResponseAt
                clock.firstResponseDue = Samples.instant(14_400)
                clock.firstResponseSeconds = 3_600
                ticket.sla = clock
                try await Samples.create(ticket, in: store)
            }
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                for index in ["opened", "solved", "closed", "backlog", "survey"] {
                    try db.execute(sql: "DROP INDEX ticket_report_\(index)")
                }
                for column in ["first_response_state", "first_response_due", "first_response_seconds", "solved_at", "closed_at",
                               "reopens", "survey_rating", "survey_at"] {
                    try db.execute(sql: "ALTER TABLE ticket DROP COLUMN \(column)")
                }
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v11 report figures'")
            }
            try queue.close()
            let store = try SQLiteTicketStore(path: path)
            #expect(try await store.ticket(1)?.title == "Old")
            #expect(try await store.ticket(1)?.figures == nil)
            let audit = try DatabaseQueue(path: path)
            let row = try audit.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT first_response_state, first_response_seconds, survey_rating, survey_at, reopens FROM ticket
                    """)
            }
            try audit.close()
            #expect(row?[0] as String? == "met")
            #expect(row?[1] as Int64? == 3_600)
            #expect(row?[2] as String? == "4")
            #expect(row?[3] as Int64? == 1_767_348_000_000)
            #expect(row?[4] as Int64? == nil)
        }
    }
}
