import FormrunnerCore
import GRDB

/// Round robin's turn in one statement: the team's cursor moves to the first candidate after it
/// (the candidates sorted by their UTF-8 bytes, as SQLite's `BINARY` collation compares text),
/// wrapping round to the first, and the statement returns the agent it moved to — the choice of
/// ``AssignmentRequest/choose(last:openCounts:)`` without reading the cursor in a statement of its own.
enum RoundRobinCursor {
    /// The agent whose turn it is in `request`'s team, the cursor moved to them; `nil` when there is
    /// no candidate.
    static func advance(_ request: AssignmentRequest, in db: Database) throws -> String? {
        guard let first = request.candidates.first else { return nil }
        // One statement per number of candidates, kept in the connection's cache.
        let statement = try db.cachedStatement(sql: sql(candidates: request.candidates.count))
        var values: MultiRowStatements.Values = [request.team, first]
        values.reserveCapacity(2 + request.candidates.count)
        for candidate in request.candidates { values.append(candidate) }
        // Stepped to its end (not `fetchOne`), so that GRDB sees the write finish.
        let rows = try String.fetchCursor(statement, arguments: StatementArguments(values))
        var agent: String?
        while let next = try rows.next() { agent = next }
        return agent
    }

    /// The upsert for `count` candidates (made once for up to 16).
    static func sql(candidates count: Int) -> String {
        count < prepared.count ? prepared[count] : make(candidates: count)
    }

    private static let prepared = (0...16).map(make(candidates:))

    /// The upsert for `count` candidates: `?1` the team, `?2` the first candidate, then the candidates.
    private static func make(candidates count: Int) -> String {
        let listed = (0..<count).map { "(?\($0 + 3))" }.joined(separator: ", ")
        return """
            INSERT INTO team_cursor (team, last_assignee) VALUES (?1, ?2)
            ON CONFLICT (team) DO UPDATE SET last_assignee = coalesce(
                (SELECT min(column1) FROM (VALUES \(listed)) WHERE column1 > team_cursor.last_assignee), ?2)
            RETURNING last_assignee
            """
    }
}
