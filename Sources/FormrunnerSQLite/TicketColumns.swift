import GRDB

/// The columns of `ticket` that ``TicketRows/ticket(from:columns:timers:)`` reads.
enum TicketColumn: Int, CaseIterable {
    case number, formID, formVersion, workflowID, lifecycleID, status, title, requesterEmail, requesterName, account
    case answers, createdAt, updatedAt, lastInteractionAt, statusEnteredAt, version, team, priority, assignee, sla
    case language, mergedInto, solvedAt, closedAt, reopens

    /// The column's name in the table.
    var name: String {
        switch self {
        case .number: "number"
        case .formID: "form_id"
        case .formVersion: "form_version"
        case .workflowID: "workflow_id"
        case .lifecycleID: "lifecycle_id"
        case .status: "status"
        case .title: "title"
        case .requesterEmail: "requester_email"
        case .requesterName: "requester_name"
        case .account: "account"
        case .answers: "answers"
        case .createdAt: "created_at"
        case .updatedAt: "updated_at"
        case .lastInteractionAt: "last_interaction_at"
        case .statusEnteredAt: "status_entered_at"
        case .version: "version"
        case .team: "team"
        case .priority: "priority"
        case .assignee: "assignee"
        case .sla: "sla"
        case .language: "language"
        case .mergedInto: "merged_into"
        case .solvedAt: "solved_at"
        case .closedAt: "closed_at"
        case .reopens: "reopens"
        }
    }
}

/// Where each ``TicketColumn`` is in the rows of one `SELECT * FROM ticket`, found once for all of
/// them (an array by column): GRDB finds a column by name comparing lowercased names, and even a
/// dictionary of names cost a hash a value.
struct TicketColumns {
    /// The position of each column, by ``TicketColumn/rawValue``; `nil` for a column the rows lack.
    private let positions: [Int?]

    /// The columns of `row` (and of every row of its statement).
    init(_ row: Row) {
        var byName: [String: Int] = [:]
        for (index, name) in row.columnNames.enumerated() where byName[name] == nil { byName[name] = index }
        positions = TicketColumn.allCases.map { byName[$0.name] }
    }

    /// The position of `column` in the rows, if they have it.
    func position(of column: TicketColumn) -> Int? { positions[column.rawValue] }

    /// The value of `column` in `row`, as `row[column.name]` gives it.
    func value<Value: DatabaseValueConvertible & StatementColumnConvertible>(of column: TicketColumn, in row: Row) -> Value {
        guard let index = positions[column.rawValue] else { return row[column.name] }
        return row[index]
    }

    /// The value of `column` in `row`, `nil` for `NULL`, as `row[column.name]` gives it.
    func optional<Value: DatabaseValueConvertible & StatementColumnConvertible>(of column: TicketColumn, in row: Row) -> Value? {
        guard let index = positions[column.rawValue] else { return row[column.name] }
        return row.hasNull(atIndex: index) ? nil : row[index] as Value
    }
}
