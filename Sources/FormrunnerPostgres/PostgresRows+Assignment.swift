import FormrunnerCore
import PostgresNIO

extension PostgresRows {
    /// `ticket` assigned by `request` inside the creating transaction, with its history line; `nil`
    /// when there is no candidate. The team's cursor row is locked (`FOR UPDATE`) first, so that
    /// creates on several machines take turns and round robin stays fair.
    func assign(_ ticket: Ticket, by request: AssignmentRequest) async throws -> (ticket: Ticket, entry: HistoryEntry)? {
        guard !request.candidates.isEmpty else { return nil }
        try await run("INSERT INTO team_cursor (team, last_assignee) VALUES (\(request.team), '') ON CONFLICT (team) DO NOTHING")
        var last: String?
        for try await value in try await run(
            "SELECT last_assignee FROM team_cursor WHERE team = \(request.team) FOR UPDATE").decode(String.self) {
            last = value.isEmpty ? nil : value
        }
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
        try await run("UPDATE team_cursor SET last_assignee = \(agent) WHERE team = \(request.team)")
        return request.assign(ticket, to: agent)
    }
}
