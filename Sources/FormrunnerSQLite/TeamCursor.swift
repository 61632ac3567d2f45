import FormrunnerCore
import GRDB

/// Automatic assignment inside the creating transaction: the team's cursor (`team_cursor`, remembered
/// by the writer connection while the file does not change under it) and the candidates' open tickets
/// are read, the choice is made by ``AssignmentRequest``, and the cursor moves. SQLite runs one write
/// transaction at a time, so concurrent creates take turns.
enum TeamCursor {
    /// `ticket` assigned by `request`, with its history line; `nil` when there is no candidate.
    ///
    /// The team's last assignee is taken from `memory` when this connection wrote it and nothing else
    /// changed the file since (see ``TeamCursorMemory``), else read; the new one is written to the file
    /// (other processes read it there) and noted in `memory`, which keeps it once the transaction commits.
    static func assign(_ ticket: Ticket, by request: AssignmentRequest, memory: TeamCursorMemory,
                       in db: Database) throws -> (ticket: Ticket, entry: HistoryEntry)? {
        guard !request.candidates.isEmpty else { return nil }
        let last = try memory.lastAssignee(of: request.team, in: db) ?? storedLastAssignee(of: request.team, in: db)
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
        // Cached, and bound straight to SQLite: this runs in every create of a team with agents.
        var upsert = DirectBindings(try db.cachedStatement(sql: """
            INSERT INTO team_cursor (team, last_assignee) VALUES (?, ?)
            ON CONFLICT (team) DO UPDATE SET last_assignee = excluded.last_assignee
            """))
        upsert.append(request.team)
        upsert.append(agent)
        try upsert.execute(in: db)
        memory.chose(agent, for: request.team)
        return request.assign(ticket, to: agent)
    }

    /// The last assignee of `team` as the file holds it; `nil` before the team's first assignment.
    private static func storedLastAssignee(of team: String, in db: Database) throws -> String? {
        var select = DirectBindings(try db.cachedStatement(sql: "SELECT last_assignee FROM team_cursor WHERE team = ?"))
        select.append(team)
        return try select.fetchStrings(in: db).first
    }
}
