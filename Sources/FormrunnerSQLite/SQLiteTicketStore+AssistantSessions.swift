import Foundation
import FormrunnerCore
import GRDB

extension SQLiteTicketStore: AssistantSessionStore {
    public func saveAssistantSession(_ session: AssistantSession) async throws {
        let shown = try AssistantSessionRows.json(session.shown)
        let opened = try AssistantSessionRows.json(session.opened)
        try await write { db in
            try db.cachedStatement(sql: """
                INSERT INTO assistant_session (id, workflow, requester, language, started_at, updated_at, shown, opened,
                                               outcome, answered_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at,
                    shown = excluded.shown, opened = excluded.opened, outcome = excluded.outcome,
                    answered_by = excluded.answered_by
                """).execute(arguments: [
                    session.id, session.workflowID, session.requester, session.language,
                    session.startedAt.millisecondsSince1970, session.updatedAt.millisecondsSince1970,
                    shown, opened, session.outcome.rawValue, session.answeredBy,
                ])
        }
    }

    public func assistantSessions(from: Date?, to: Date?) async throws -> [AssistantSession] {
        let fromMs = from?.millisecondsSince1970 ?? Int64.min
        let toMs = to?.millisecondsSince1970 ?? Int64.max
        return try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, workflow, requester, language, started_at, updated_at, shown, opened, outcome, answered_by
                FROM assistant_session WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id
                """, arguments: [fromMs, toMs]).map(AssistantSessionRows.session)
        }
    }
}

/// Assistant sessions to and from the columns of `assistant_session`.
enum AssistantSessionRows {
    static func json(_ ids: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
    }

    static func session(_ row: Row) throws -> AssistantSession {
        let decoder = JSONDecoder()
        let shown: String = row["shown"]
        let opened: String = row["opened"]
        let outcome: String = row["outcome"]
        return AssistantSession(
            id: row["id"], workflowID: row["workflow"], requester: row["requester"], language: row["language"],
            startedAt: Date(millisecondsSince1970: row["started_at"]),
            shown: try decoder.decode([String].self, from: Data(shown.utf8)),
            opened: try decoder.decode([String].self, from: Data(opened.utf8)),
            outcome: AssistantSession.Outcome(rawValue: outcome) ?? .open, answeredBy: row["answered_by"],
            updatedAt: Date(millisecondsSince1970: row["updated_at"]))
    }
}
