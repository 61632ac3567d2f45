import Foundation
import FormrunnerCore
import PostgresNIO

/// A create's first statement when it picks no agent itself: the next ticket number (the counter row,
/// locked until commit, so creates take turns), the ticket already filed with the submission key, the
/// team's cursor read and locked (`FOR UPDATE`, its newest version, for least open's pick in
/// ``PostgresRows/assign(_:by:cursor:)``; `NULL` without a row or team) and the directory's change count.
/// Prepared once on each connection.
///
/// Its binds are never `NULL` where PostgreSQL could fold one into a plan of its own (`team = NULL`
/// is false): such a plan looks cheaper than the prepared, generic one, and PostgreSQL then plans every
/// create anew (a version of this statement with a `NULL` team and a `CASE` around the change count
/// did: ~60 µs of planning a create). So a create without a team binds `''` (a team's id is never
/// empty), and the change count is always read (one row, by its key).
struct PostgresCounterStatement: PostgresPreparedStatement {
    typealias Row = PostgresRows.CounterRow

    static let name = "formrunner_take_counter_v1"

    static let sql = """
        WITH \(recentPart)
        UPDATE ticket_counter SET last_number = last_number + 1
        RETURNING last_number, (SELECT number FROM ticket WHERE submission_key = $1::text),
            (SELECT last_assignee FROM team_cursor WHERE team = $2::text FOR UPDATE),
            (SELECT count FROM user_change WHERE id = 1), \(recentColumns)
        """

    static let bindingDataTypes: [PostgresDataType] = [.text, .text, .text, .int8]

    var submissionKey: String?
    var assignment: AssignmentRequest?
    var check: RecentTicketsCheck?

    func makeBindings() -> PostgresBindings {
        var binds = PostgresBindings(capacity: 4)
        binds.append(submissionKey)
        binds.append(assignment?.team ?? "")
        appendRecent(check, to: &binds)
        return binds
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try PostgresRows.CounterRow(row)
    }
}

/// A create's first statement when it picks the agent itself (``PostgresRows/picksInCounter(_:)``):
/// as ``PostgresCounterStatement``, and the team's cursor moved to the next candidate after it in byte
/// order (as ``AssignmentRequest/rotation(after:)`` orders them) by an `UPDATE` run after the
/// counter's (its `WHERE` waits for it), which reads the cursor's newest version even after waiting
/// for the counter: the pick costs no statement of its own and no separate row lock. Its row's cursor
/// is the agent picked, `NULL` when the team has no cursor row yet.
struct PostgresPickingCounterStatement: PostgresPreparedStatement {
    typealias Row = PostgresRows.CounterRow

    static let name = "formrunner_take_counter_picking_v1"

    static let sql = """
        WITH \(recentPart),
        counter AS (UPDATE ticket_counter SET last_number = last_number + 1 RETURNING last_number),
        picked AS (UPDATE team_cursor SET last_assignee = COALESCE(
                (SELECT min(agent COLLATE "C") FROM unnest($5::text[]) AS agent
                 WHERE agent COLLATE "C" > team_cursor.last_assignee),
                ($5::text[])[1])
            WHERE team = $2::text AND EXISTS (SELECT FROM counter)
            RETURNING last_assignee)
        SELECT last_number, (SELECT number FROM ticket WHERE submission_key = $1::text),
            (SELECT last_assignee FROM picked), (SELECT count FROM user_change WHERE id = 1), \(recentColumns)
        FROM counter
        """

    static let bindingDataTypes: [PostgresDataType] = [.text, .text, .text, .int8, .textArray]

    var submissionKey: String?
    var assignment: AssignmentRequest
    var check: RecentTicketsCheck?

    func makeBindings() -> PostgresBindings {
        var binds = PostgresBindings(capacity: 5)
        binds.append(submissionKey)
        binds.append(assignment.team)
        appendRecent(check, to: &binds)
        binds.append(assignment.candidates)
        return binds
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try PostgresRows.CounterRow(row)
    }
}

/// The requester's latest tickets, read by both counter statements for a create's duplicate check
/// (``RecentTicketsCheck``): their binds are `$3` (the requester as stored, `''` without a check: a
/// stored requester is never empty) and `$4` (how many).
private let recentPart = """
    recent AS (SELECT number, form_id, created_at FROM ticket WHERE requester_key = $3::text
               ORDER BY number DESC LIMIT $4::bigint)
    """

/// The latest tickets' numbers, forms and creation instants, newest first, as three arrays (`NULL` for none).
private let recentColumns = """
    (SELECT array_agg(number ORDER BY number DESC) FROM recent),
    (SELECT array_agg(form_id ORDER BY number DESC) FROM recent),
    (SELECT array_agg(created_at ORDER BY number DESC) FROM recent)
    """

private func appendRecent(_ check: RecentTicketsCheck?, to binds: inout PostgresBindings) {
    binds.append(check?.requester ?? "")
    binds.append(Int64(check?.limit ?? 0))
}

extension PostgresRows.CounterRow {
    /// The row of either counter statement: number, existing ticket, cursor, change count, then the
    /// requester's latest tickets.
    init(_ row: PostgresRow) throws {
        let (number, existing, cursor, count, numbers, forms, created) = try row.decode(
            (Int64, Int64?, String?, Int64?, [Int64]?, [String]?, [Int64]?).self)
        let recent = zip(numbers ?? [], zip(forms ?? [], created ?? [])).map { number, rest in
            PostgresRows.RecentTicket(number: number, formID: rest.0, createdAt: Date(millisecondsSince1970: rest.1))
        }
        self.init(number: number, existing: existing, cursor: cursor, directoryCount: count, recent: recent)
    }
}
