import Foundation
import FormrunnerCore
import FormrunnerSQLite
import GRDB
import Testing

/// The "v16 partial report indexes" migration: `ticket_report_solved`, `_closed` and `_survey` hold
/// only the tickets with an instant in their first column, and the reports' queries still read them
/// alone (covering).
@Suite("SQLite partial report indexes")
struct SQLitePartialReportIndexTests {
    @Test("the solved, closed and survey indexes leave out the tickets without their instant")
    func indexesArePartial() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
            let other = try DatabaseQueue(path: store.path)
            let definitions = try await other.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ticket'
                    AND name IN ('ticket_report_solved', 'ticket_report_closed', 'ticket_report_survey')
                    """).reduce(into: [String: String]()) { $0[$1["name"]] = $1["sql"] }
            }
            #expect(definitions["ticket_report_solved"]?.hasSuffix("WHERE solved_at IS NOT NULL") == true)
            #expect(definitions["ticket_report_closed"]?.hasSuffix("WHERE closed_at IS NOT NULL") == true)
            #expect(definitions["ticket_report_survey"]?.hasSuffix("WHERE survey_at IS NOT NULL") == true)
        }
    }

    @Test("the reports' period queries are answered from the partial indexes alone", arguments: [
        ("ticket_report_solved", "SELECT team, priority, COUNT(*), SUM(CASE WHEN reopens > 0 THEN 1 ELSE 0 END) FROM ticket "
            + "INDEXED BY ticket_report_solved WHERE solved_at >= ? AND solved_at < ? AND team = ? GROUP BY team, priority"),
        ("ticket_report_solved", "SELECT solved_at / 3600000, COUNT(*) FROM ticket INDEXED BY ticket_report_solved "
            + "WHERE solved_at >= ? AND solved_at < ? GROUP BY 1"),
        ("ticket_report_closed", "SELECT team, priority, COUNT(*) FROM ticket INDEXED BY ticket_report_closed "
            + "WHERE closed_at >= ? AND closed_at < ? GROUP BY team, priority"),
        ("ticket_report_survey", "SELECT team, survey_rating, COUNT(*) FROM ticket INDEXED BY ticket_report_survey "
            + "WHERE survey_at >= ? AND survey_at < ? AND survey_rating IS NOT NULL GROUP BY team, survey_rating"),
    ])
    func periodQueriesCovered(index: String, query: String) async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
            let other = try DatabaseQueue(path: store.path)
            let plan = try await other.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query,
                                 arguments: StatementArguments(Array(repeating: 0, count: query.count { $0 == "?" })))
                    .map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("COVERING INDEX \(index)") })
        }
    }

    @Test("a ticket enters the closed index when it is closed, and only then")
    func closedTicketIndexed() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
            let created = Date(timeIntervalSince1970: 1_790_000_000)
            var ticket = try await store.create(
                Ticket(formID: "f", formVersion: 1, lifecycleID: "l", status: "solved", title: "T",
                       requester: Requester(email: "ana@example.com"), answers: [:], createdAt: created),
                history: [], submissionKey: nil, files: [:], outbox: { _ in [] })
            let other = try DatabaseQueue(path: store.path)
            let entries = { @Sendable in
                try await other.read { db in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket INDEXED BY ticket_report_closed WHERE closed_at >= 0") ?? -1
                }
            }
            #expect(try await entries() == 0)
            let previous = ticket.version
            ticket.status = "closed"
            ticket.figures = TicketFigures(solvedAt: created, closedAt: created.addingTimeInterval(60), reopens: 0)
            ticket.version += 1
            try await store.update(ticket, expectedVersion: previous, history: [], outbox: [])
            #expect(try await entries() == 1)
        }
    }
}
