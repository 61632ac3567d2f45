import Foundation
import FormrunnerCore
import GRDB

/// Converts tickets to and from `ticket` rows (timers live in their own table).
enum TicketRows {
    /// The ticket columns written by `create` and `update`, in argument order.
    static let columns = [
        "form_id", "form_version", "workflow_id", "lifecycle_id", "status", "title", "requester_email",
        "requester_name", "account", "answers", "created_at", "updated_at", "last_interaction_at",
        "status_entered_at", "version", "requester_key", "team", "priority", "assignee", "sla", "language",
        "merged_into", "queue_due", "sla_alert",
    ] + ReportColumns.names

    /// The values of ``columns`` for `ticket`.
    static func arguments(_ ticket: Ticket) throws -> StatementArguments {
        // As optional existentials: GRDB's initializer for a sequence of values maps them through a
        // key path, which costs more than the insert's binding.
        let cells: [(any DatabaseValueConvertible)?] = try values(ticket, encodingJSON: true).map { $0 }
        return StatementArguments(cells)
    }

    /// The assignments and their values that turn the stored row of `previous` into that of `ticket`:
    /// only the columns whose values differ, so that SQLite leaves the indexes of the others alone;
    /// the answers and the SLA clock are encoded only when they changed.
    static func changes(_ ticket: Ticket, over previous: Ticket) throws -> (assignments: String, arguments: StatementArguments) {
        let new = try values(ticket, encodingJSON: false), old = try values(previous, encodingJSON: false)
        var assignments: [String] = [], arguments: [DatabaseValue] = []
        for (index, column) in columns.enumerated() {
            let value: DatabaseValue
            switch index {
            case answersIndex:
                guard ticket.answers != previous.answers else { continue }
                value = try StoredAnswers.encode(ticket.answers).databaseValue
            case slaIndex:
                guard ticket.sla != previous.sla else { continue }
                value = try ticket.sla?.storedJSON().databaseValue ?? .null
            default:
                guard new[index] != old[index] else { continue }
                value = new[index]
            }
            assignments.append("\(column) = ?")
            arguments.append(value)
        }
        return (assignments.joined(separator: ", "), StatementArguments(arguments))
    }

    private static let answersIndex = columns.firstIndex(of: "answers")!
    private static let slaIndex = columns.firstIndex(of: "sla")!

    /// The values of ``columns`` for `ticket`; without `encodingJSON`, the answers and the SLA clock are `NULL`.
    private static func values(_ ticket: Ticket, encodingJSON: Bool) throws -> [DatabaseValue] {
        let values: [(any DatabaseValueConvertible)?] = [
            ticket.formID, ticket.formVersion, ticket.workflowID, ticket.lifecycleID, ticket.status, ticket.title,
            ticket.requester.email, ticket.requester.name, ticket.account,
            try encodingJSON ? StoredAnswers.encode(ticket.answers) : nil,
            ticket.createdAt.millisecondsSince1970, ticket.updatedAt.millisecondsSince1970,
            ticket.lastInteractionAt.millisecondsSince1970, ticket.statusEnteredAt.millisecondsSince1970,
            ticket.version, UserRecord.normalizedEmail(ticket.requester.email), ticket.team, ticket.priority,
            ticket.assignee, try encodingJSON ? ticket.sla?.storedJSON() : nil, ticket.language, ticket.mergedInto,
            ticket.queueDueKey, ticket.slaAlertKey,
        ]
        let report = ReportColumns(ticket)
        let figures: [(any DatabaseValueConvertible)?] = [
            report.firstResponse?.rawValue, report.firstResponseDue, report.firstResponseSeconds, report.solvedAt,
            report.closedAt, report.reopens, report.surveyRating, report.surveyAt,
        ]
        return (values + figures).map { $0?.databaseValue ?? .null }
    }

    /// The ticket a `SELECT * FROM ticket` row holds, with `timers` in stored order.
    static func ticket(from row: Row, timers: [ArmedTimer]) throws -> Ticket {
        var ticket = Ticket(
            number: row["number"], formID: row["form_id"], formVersion: row["form_version"],
            workflowID: row["workflow_id"], lifecycleID: row["lifecycle_id"], status: row["status"],
            title: row["title"], requester: Requester(email: row["requester_email"], name: row["requester_name"]),
            account: row["account"], answers: try StoredAnswers.decode(row["answers"]),
            createdAt: Date(millisecondsSince1970: row["created_at"]), version: row["version"], timers: timers)
        ticket.updatedAt = Date(millisecondsSince1970: row["updated_at"])
        ticket.lastInteractionAt = Date(millisecondsSince1970: row["last_interaction_at"])
        ticket.statusEnteredAt = Date(millisecondsSince1970: row["status_entered_at"])
        ticket.team = row["team"]
        ticket.priority = row["priority"]
        ticket.assignee = row["assignee"]
        ticket.sla = try (row["sla"] as String?).map(SLAClock.stored)
        ticket.language = row["language"]
        ticket.mergedInto = row["merged_into"]
        ticket.figures = ReportColumns.figures(solvedAt: row["solved_at"], closedAt: row["closed_at"], reopens: row["reopens"])
        return ticket
    }

    /// The tickets the rows hold, in row order, each with its timers.
    static func tickets(from rows: [Row], in db: Database) throws -> [Ticket] {
        let numbers: [Int64] = rows.map { $0["number"] }
        let timers = try Timers.fetch(for: numbers, in: db)
        return try rows.map { row in try ticket(from: row, timers: timers[row["number"]] ?? []) }
    }

    /// The tickets with these numbers, in the order given (unknown numbers are skipped).
    static func tickets(numbered numbers: [Int64], in db: Database) throws -> [Ticket] {
        guard !numbers.isEmpty else { return [] }
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM ticket WHERE number IN (\(databaseQuestionMarks(count: numbers.count)))",
                                    arguments: StatementArguments(numbers))
        let byNumber = Dictionary(uniqueKeysWithValues: try tickets(from: rows, in: db).map { ($0.number, $0) })
        return numbers.compactMap { byNumber[$0] }
    }
}
