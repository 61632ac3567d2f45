import Foundation
import FormrunnerCore
import PostgresNIO

extension PostgresTicketStore: AssistantSessionStore {
    public func saveAssistantSession(_ session: AssistantSession) async throws {
        let shown = try Self.json(session.shown)
        let opened = try Self.json(session.opened)
        let started = session.startedAt.millisecondsSince1970
        let updated = session.updatedAt.millisecondsSince1970
        let outcome = session.outcome.rawValue
        try await read { rows in
            _ = try await rows.run("""
                INSERT INTO assistant_session (id, workflow, requester, language, started_at, updated_at, shown, opened,
                                               outcome, answered_by)
                VALUES (\(session.id), \(session.workflowID), \(session.requester), \(session.language), \(started),
                        \(updated), \(shown), \(opened), \(outcome), \(session.answeredBy))
                ON CONFLICT (id) DO UPDATE SET language = EXCLUDED.language, updated_at = EXCLUDED.updated_at,
                    shown = EXCLUDED.shown, opened = EXCLUDED.opened, outcome = EXCLUDED.outcome,
                    answered_by = EXCLUDED.answered_by
                """).collect()
        }
    }

    public func assistantSessions(from: Date?, to: Date?) async throws -> [AssistantSession] {
        let fromMs = from?.millisecondsSince1970 ?? Int64.min
        let toMs = to?.millisecondsSince1970 ?? Int64.max
        return try await read { rows in
            let found = try await rows.run("""
                SELECT id, workflow, requester, language, started_at, updated_at, shown, opened, outcome, answered_by
                FROM assistant_session WHERE started_at >= \(fromMs) AND started_at < \(toMs) ORDER BY started_at, id
                """).collect()
            return try found.map(Self.session)
        }
    }

    private static func session(_ row: PostgresRow) throws -> AssistantSession {
        let decoder = JSONDecoder()
        let (id, workflow, requester, language, started, updated, shown, opened, outcome, answeredBy) =
            try row.decode((String, String, String, String, Int64, Int64, String, String, String, String?).self)
        return AssistantSession(
            id: id, workflowID: workflow, requester: requester, language: language,
            startedAt: Date(millisecondsSince1970: started),
            shown: try decoder.decode([String].self, from: Data(shown.utf8)),
            opened: try decoder.decode([String].self, from: Data(opened.utf8)),
            outcome: AssistantSession.Outcome(rawValue: outcome) ?? .open, answeredBy: answeredBy,
            updatedAt: Date(millisecondsSince1970: updated))
    }

    private static func json(_ ids: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
    }
}
