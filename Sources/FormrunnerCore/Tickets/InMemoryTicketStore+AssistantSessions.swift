import Foundation

extension InMemoryTicketStore: AssistantSessionStore {
    public func saveAssistantSession(_ session: AssistantSession) async throws {
        assistantSessionsByID[session.id] = session
    }

    public func assistantSessions(from: Date?, to: Date?) async throws -> [AssistantSession] {
        assistantSessionsByID.values
            .filter { session in from.map { session.startedAt >= $0 } ?? true && to.map { session.startedAt < $0 } ?? true }
            .sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
    }
}
