import FormrunnerCore
import Foundation
import GRDB

/// Fills the reports' columns of tickets written before they existed, from what the ticket row
/// holds: the first response from the SLA clock, the survey from the answers. Solved, closed and
/// reopened are counted from the next write of each ticket on (they depend on the catalog's statuses).
enum ReportBackfill {
    static func run(in db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT number, sla, answers FROM ticket WHERE sla IS NOT NULL OR answers LIKE '%_survey.%'")
        let statement = try db.makeStatement(sql: """
            UPDATE ticket SET first_response_state = ?, first_response_due = ?, first_response_seconds = ?,
                              survey_rating = ?, survey_at = ? WHERE number = ?
            """)
        for row in rows {
            let clock = try (row["sla"] as String?).map(SLAClock.stored)
            let columns = ReportColumns(sla: clock, figures: nil, answers: try StoredAnswers.decode(row["answers"]))
            try statement.execute(arguments: [columns.firstResponse?.rawValue, columns.firstResponseDue,
                                              columns.firstResponseSeconds, columns.surveyRating, columns.surveyAt,
                                              row["number"] as Int64])
        }
    }
}
