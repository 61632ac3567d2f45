import FormrunnerCore
import GRDB

/// Automatic assignment inside the creating transaction: the team's cursor (the agent its last
/// automatically assigned ticket went to) and, for `least_open`, the candidates' open tickets are
/// read, the choice is made by ``AssignmentRequest``, and the new ticket records it. SQLite runs one
/// write transaction at a time, so concurrent creates take turns.
///
/// The cursor is not a row written by every create. Each ticket the rule assigns keeps the team and
/// its pick in `ticket.auto_team` and `auto_assignee` (written with the ticket's own row, which the
/// create writes anyway; never changed afterwards, so a later `tickets assign` does not move the
/// turn; the request's team, which is the ticket's when the desk asks), and `team_cursor` is a
/// checkpoint — the team's last pick as of ticket `ticket_number` — written on the team's first pick
/// and then, for every team at once, by the insert of each ticket whose number is a multiple of
/// ``checkpointInterval`` (``checkpointEveryTeam(at:in:)``). The cursor is the `auto_assignee` of the
/// newest ticket after the checkpoint with the team's `auto_team`, else the checkpoint's. The
/// writer connection remembers it between creates (``TeamCursorMemory``); when the file changed, it
/// is read again by walking the tickets after the checkpoint backwards by number (the table's own
/// B-tree, no index of its own: an index would cost the page this saves) until the team's newest pick.
/// Since every team's checkpoint is at most one interval behind the newest ticket, that walk visits
/// fewer than ``checkpointInterval`` tickets, however few of them are the team's own (a quiet team
/// among busy ones, filed by a command line that remembers nothing).
enum TeamCursor {
    /// Every how many ticket numbers every team's checkpoint is moved up to the newest ticket: the
    /// most tickets a read of the cursor walks.
    static let checkpointInterval: Int64 = 512

    /// A team's cursor: the last agent its rule picked, and the ticket number the file's checkpoint
    /// row was at when read or first written (`nil`: the team has no row, which its next pick writes).
    struct Position: Equatable, Sendable {
        var lastAssignee: String?
        var checkpoint: Int64?
    }

    /// The choice for a new ticket: its team, the agent, and the team's cursor before the ticket's
    /// number is known (see ``record(_:number:memory:in:)``).
    struct Choice {
        var team: String
        var agent: String
        var position: Position
    }

    /// The agent `request` picks for a new ticket, with the team's cursor as it stands; `nil` when
    /// there is no candidate. Nothing is written: the ticket's insert records the pick
    /// (`auto_team`, `auto_assignee`), then ``record(_:number:memory:in:)``.
    static func choose(by request: AssignmentRequest, memory: TeamCursorMemory, in db: Database) throws -> Choice? {
        guard !request.candidates.isEmpty else { return nil }
        let position = try memory.position(of: request.team, in: db) ?? storedPosition(of: request.team, in: db)
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
        guard let agent = request.choose(last: position.lastAssignee, openCounts: open) else { return nil }
        return Choice(team: request.team, agent: agent, position: position)
    }

    /// After the insert of ticket `number` picked by `choice`: writes the team's checkpoint when it has
    /// none (later ones are moved by ``checkpointEveryTeam(at:in:)``), and notes the new cursor in
    /// `memory`, which keeps it once the transaction commits.
    static func record(_ choice: Choice, number: Int64, memory: TeamCursorMemory, in db: Database) throws {
        var checkpoint = choice.position.checkpoint
        if checkpoint == nil {
            // Cached, and bound straight to SQLite.
            var upsert = DirectBindings(try db.cachedStatement(sql: """
                INSERT INTO team_cursor (team, last_assignee, ticket_number) VALUES (?, ?, ?)
                ON CONFLICT (team) DO UPDATE SET last_assignee = excluded.last_assignee, ticket_number = excluded.ticket_number
                """))
            upsert.append(choice.team)
            upsert.append(choice.agent)
            upsert.append(number)
            try upsert.execute(in: db)
            checkpoint = number
        }
        memory.chose(Position(lastAssignee: choice.agent, checkpoint: checkpoint), for: choice.team)
    }

    /// After the insert of ticket `number`, when it is a multiple of ``checkpointInterval``: moves the
    /// checkpoint of every team that has one up to `number`, with the team's last pick as of it (its
    /// newest pick after its checkpoint, else the checkpoint's), in one statement. Each team's walk
    /// stops at its previous checkpoint, at most one interval back. Called for every ticket the store
    /// inserts (a create, an import), so no multiple is passed without it.
    static func checkpointEveryTeam(at number: Int64, in db: Database) throws {
        guard number % checkpointInterval == 0 else { return }
        try db.cachedStatement(sql: checkpointEveryTeamSQL).execute(arguments: [number])
    }

    /// ``checkpointEveryTeam(at:in:)``'s statement: each team's newest pick up to the number, walked
    /// as in ``newestPickSQL``; a team with none keeps its last assignee.
    static let checkpointEveryTeamSQL = """
        UPDATE team_cursor SET
            last_assignee = COALESCE((SELECT auto_assignee FROM ticket NOT INDEXED
                                      WHERE number > team_cursor.ticket_number AND number <= ?1
                                        AND auto_team = team_cursor.team
                                      ORDER BY number DESC LIMIT 1), last_assignee),
            ticket_number = ?1
        WHERE ticket_number < ?1
        """

    /// The cursor of `team` as the file holds it: the pick of the team's newest ticket after its
    /// checkpoint, else the checkpoint's.
    static func storedPosition(of team: String, in db: Database) throws -> Position {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT last_assignee, ticket_number FROM team_cursor WHERE team = ?"),
                                   arguments: [team])
        let checkpoint: Int64? = row?["ticket_number"]
        let pick = try String.fetchOne(db.cachedStatement(sql: newestPickSQL), arguments: [checkpoint ?? 0, team])
        return Position(lastAssignee: pick ?? row?["last_assignee"], checkpoint: checkpoint)
    }

    /// The pick of the newest ticket numbered above the first argument that the team's rule assigned:
    /// `NOT INDEXED` walks the table's rowids backwards from the newest (no index holds `auto_team`);
    /// `SQLiteTeamCursorTests` checks the plan.
    static let newestPickSQL = """
        SELECT auto_assignee FROM ticket NOT INDEXED
        WHERE number > ? AND auto_team = ? ORDER BY number DESC LIMIT 1
        """
}
