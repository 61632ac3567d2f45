import FormrunnerCore
import GRDB

/// Automatic assignment inside the creating transaction: the team's cursor (`team_cursor`) and the
/// candidates' open tickets are read, the choice is made by ``AssignmentRequest``, and the cursor moves.
/// SQLite runs one write transaction at a time, so concurrent creates take turns.
enum TeamCursor {
    /// `ticket` assigned by `request`, with its history line; `nil` when there is no candidate.
    static func assign(_ ticket: Ticket, by request: AssignmentRequest,
                       in db: Database) throws -> (ticket: Ticket, entry: HistoryEntry)? {
        guard !request.candidates.isEmpty else { return nil }
        // Cached statements: these two run in every create of a team with agents.
        let last = try String.fetchOne(db.cachedStatement(sql: "SELECT last_assignee FROM team_cursor WHERE team = ?"),
                                       arguments: [request.team])
        var open: [String: Int] = [:]
        if request.rule == .leastOpen {
            let settled = request.settledStatuses
            let sql = """
                SELECT assignee, COUNT(*) AS open FROM ticket
                WHERE assignee IN (\(databaseQuestionMarks(count: request.candidates.count)))
                \(settled.isEmpty ? "" : "AND status NOT IN (\(databaseQuestionMarks(count: settled.count)))")
                GROUP BY assignee
                """
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(request.candidates + settled)) {
                open[row["assignee"]] = row["open"]
            }
        }
        guard let agent = request.choose(last: last, openCounts: open) else { return nil }
        try db.cachedStatement(sql: """
            INSERT INTO team_cursor (team, last_assignee) VALUES (?, ?)
            ON CONFLICT (team) DO UPDATE SET last_assignee = excluded.last_assignee
            """).execute(arguments: [request.team, agent])
        return request.assign(ticket, to: agent)
    }
}
