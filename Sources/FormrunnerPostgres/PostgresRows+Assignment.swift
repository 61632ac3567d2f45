import FormrunnerCore
import PostgresNIO

extension PostgresRows {
    /// What the create's first statement (``counterQuery(submissionKey:assignment:)``) found.
    struct CounterRow {
        /// The new ticket's number.
        var number: Int64
        /// The ticket already filed with the submission key, if any.
        var existing: Int64?
        /// For a request the statement picks for (``picksInCounter(_:)``): the agent picked, the
        /// team's cursor already moved to them; `nil` when the team has no cursor row yet. For any
        /// other request: the team's cursor, locked (`NULL` without a row, `''` before its first pick).
        var cursor: String?
        /// The users' change count (`user_change`) when the request names one to check, else `nil`.
        var directoryCount: Int64?
    }

    /// Whether the create's first statement picks the agent of `request` itself: round robin over at
    /// least one candidate, the next after the team's cursor in byte order (as
    /// ``AssignmentRequest/rotation(after:)`` orders them), computed and written by one `UPDATE`.
    static func picksInCounter(_ request: AssignmentRequest) -> Bool {
        request.rule != .leastOpen && !request.candidates.isEmpty
    }

    /// The create's first statement: the next ticket number (the counter row, locked until commit, so
    /// creates take turns), the ticket already filed with `submissionKey`, the directory's change count
    /// when `assignment` names one to check, and for a create that assigns, the team's cursor:
    ///
    /// - round robin (``picksInCounter(_:)``): moved to the next candidate by an `UPDATE` run after the
    ///   counter's (its `WHERE` waits for it), which reads the cursor's newest version even after
    ///   waiting for the counter, so the pick costs no statement of its own and no separate row lock;
    /// - least open: read and locked (`FOR UPDATE`, also the newest version), for ``assign(_:by:cursor:)``.
    static func counterQuery(submissionKey: String?, assignment: AssignmentRequest?) -> PostgresQuery {
        var binds = PostgresBindings()
        binds.append(submissionKey)
        binds.append(assignment?.team)
        let count = assignment?.directoryCount == nil ? "NULL::bigint" : "(SELECT count FROM user_change WHERE id = 1)"
        guard let assignment, picksInCounter(assignment) else {
            return PostgresQuery(unsafeSQL: """
                UPDATE ticket_counter SET last_number = last_number + 1
                RETURNING last_number, (SELECT number FROM ticket WHERE submission_key = $1::text),
                    (SELECT last_assignee FROM team_cursor WHERE team = $2::text FOR UPDATE), \(count)
                """, binds: binds)
        }
        binds.append(assignment.candidates)
        return PostgresQuery(unsafeSQL: """
            WITH counter AS (UPDATE ticket_counter SET last_number = last_number + 1 RETURNING last_number),
            picked AS (UPDATE team_cursor SET last_assignee = COALESCE(
                    (SELECT min(agent COLLATE "C") FROM unnest($3::text[]) AS agent
                     WHERE agent COLLATE "C" > team_cursor.last_assignee),
                    ($3::text[])[1])
                WHERE team = $2::text AND EXISTS (SELECT FROM counter)
                RETURNING last_assignee)
            SELECT last_number, (SELECT number FROM ticket WHERE submission_key = $1::text),
                (SELECT last_assignee FROM picked), \(count)
            FROM counter
            """, binds: binds)
    }

    /// Runs ``counterQuery(submissionKey:assignment:)``.
    func takeCounter(submissionKey: String?, assignment: AssignmentRequest?) async throws -> CounterRow {
        let query = Self.counterQuery(submissionKey: submissionKey, assignment: assignment)
        guard let (number, existing, cursor, count) = try await run(query).collect().first?
            .decode((Int64, Int64?, String?, Int64?).self) else {
            throw TicketStoreError.unavailable("the ticket counter row is missing")
        }
        return CounterRow(number: number, existing: existing, cursor: cursor, directoryCount: count)
    }

    /// `ticket` assigned by `request` inside the creating transaction, with its history line and the
    /// agent chosen; `nil` when there is no candidate. `cursor` is the team's cursor as the counter
    /// statement read it (``counterQuery(submissionKey:assignment:)``) or `nil` when the team has no
    /// cursor row: one is made here first (two more statements, once per team). The caller moves the
    /// cursor to the agent in the statement that inserts the ticket.
    func assign(_ ticket: Ticket, by request: AssignmentRequest,
                cursor: String?) async throws -> (ticket: Ticket, entry: HistoryEntry, agent: String)? {
        guard !request.candidates.isEmpty else { return nil }
        var last = cursor
        if cursor == nil {
            try await run("INSERT INTO team_cursor (team, last_assignee) VALUES (\(request.team), '') ON CONFLICT (team) DO NOTHING")
            for try await value in try await run(
                "SELECT last_assignee FROM team_cursor WHERE team = \(request.team) FOR UPDATE").decode(String.self) {
                last = value
            }
        }
        if last?.isEmpty == true { last = nil }
        var open: [String: Int] = [:]
        if request.rule == .leastOpen {
            let candidates = request.candidates
            let settled = request.settledStatuses
            let query: PostgresQuery = """
                SELECT assignee, COUNT(*)::BIGINT FROM ticket
                WHERE assignee = ANY(\(candidates)) AND NOT (status = ANY(\(settled)))
                GROUP BY assignee
                """
            for try await (assignee, count) in try await run(query).decode((String, Int64).self) {
                open[assignee] = Int(count)
            }
        }
        guard let agent = request.choose(last: last, openCounts: open) else { return nil }
        let assigned = request.assign(ticket, to: agent)
        return (assigned.ticket, assigned.entry, agent)
    }
}
