import FormrunnerCore
import PostgresNIO

/// A create's first statement when it picks no agent itself: the next ticket number (the counter row,
/// locked until commit, so creates take turns), the ticket already filed with the submission key, the
/// team's cursor read and locked (`FOR UPDATE`, its newest version, for least open's pick in
/// ``PostgresRows/assign(_:by:cursor:)``; `NULL` without a row or team) and the directory's change count.
/// Prepared once on each connection.
///
/// Its binds are never `NULL` where PostgreSQL would fold one into a plan of its own (`team = NULL`
/// is false): such a plan looks cheaper than the prepared, generic one, and PostgreSQL would then plan
/// every create anew. So a create without a team binds `''` (a team's id is never empty), and the
/// change count is always read (one row, by its key).
struct PostgresCounterStatement: PostgresPreparedStatement {
    typealias Row = PostgresRows.CounterRow

    static let name = "formrunner_take_counter_v1"

    static let sql = """
        UPDATE ticket_counter SET last_number = last_number + 1
        RETURNING last_number, (SELECT number FROM ticket WHERE submission_key = $1::text),
            (SELECT last_assignee FROM team_cursor WHERE team = $2::text FOR UPDATE),
            (SELECT count FROM user_change WHERE id = 1)
        """

    static let bindingDataTypes: [PostgresDataType] = [.text, .text]

    var submissionKey: String?
    var assignment: AssignmentRequest?

    func makeBindings() -> PostgresBindings {
        var binds = PostgresBindings(capacity: 2)
        binds.append(submissionKey)
        binds.append(assignment?.team ?? "")
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
        WITH counter AS (UPDATE ticket_counter SET last_number = last_number + 1 RETURNING last_number),
        picked AS (UPDATE team_cursor SET last_assignee = COALESCE(
                (SELECT min(agent COLLATE "C") FROM unnest($3::text[]) AS agent
                 WHERE agent COLLATE "C" > team_cursor.last_assignee),
                ($3::text[])[1])
            WHERE team = $2::text AND EXISTS (SELECT FROM counter)
            RETURNING last_assignee)
        SELECT last_number, (SELECT number FROM ticket WHERE submission_key = $1::text),
            (SELECT last_assignee FROM picked), (SELECT count FROM user_change WHERE id = 1)
        FROM counter
        """

    static let bindingDataTypes: [PostgresDataType] = [.text, .text, .textArray]

    var submissionKey: String?
    var assignment: AssignmentRequest

    func makeBindings() -> PostgresBindings {
        var binds = PostgresBindings(capacity: 3)
        binds.append(submissionKey)
        binds.append(assignment.team)
        binds.append(assignment.candidates)
        return binds
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try PostgresRows.CounterRow(row)
    }
}

extension PostgresRows.CounterRow {
    /// The row of either counter statement: number, existing ticket, cursor, change count.
    init(_ row: PostgresRow) throws {
        let (number, existing, cursor, count) = try row.decode((Int64, Int64?, String?, Int64?).self)
        self.init(number: number, existing: existing, cursor: cursor, directoryCount: count)
    }
}
