import FormrunnerCore
import PostgresNIO

extension PostgresRows {
    /// The create's first statement: the next ticket number (the counter row, locked until commit, so
    /// creates take turns), the ticket already filed with `submissionKey`, and — for a create that
    /// assigns — the `team`'s cursor, locked (`FOR UPDATE`, which reads its newest version even after
    /// waiting for the counter): `NULL` when the team has no cursor row yet, `''` before its first pick.
    static func counterQuery(submissionKey: String?, team: String?) -> PostgresQuery {
        var binds = PostgresBindings()
        binds.append(submissionKey)
        binds.append(team)
        return PostgresQuery(unsafeSQL: """
            UPDATE ticket_counter SET last_number = last_number + 1
            RETURNING last_number, (SELECT number FROM ticket WHERE submission_key = $1::text),
                (SELECT last_assignee FROM team_cursor WHERE team = $2::text FOR UPDATE)
            """, binds: binds)
    }

    /// `ticket` assigned by `request` inside the creating transaction, with its history line and the
    /// agent chosen; `nil` when there is no candidate. `cursor` is the team's cursor as the counter
    /// statement read it (``counterQuery(submissionKey:team:)``); a team without a cursor row gets one
    /// here first (two more statements, once per team). The caller moves the cursor to the agent in
    /// the statement that inserts the ticket.
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
