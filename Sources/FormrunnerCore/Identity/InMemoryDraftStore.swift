import Foundation

/// Drafts kept in memory for as long as the store lives: for tests and `memory:`.
/// It follows the ``DraftStore`` contract exactly like the SQLite store.
public actor InMemoryDraftStore: DraftStore {
    private var drafts: [String: (payload: Data, expiresAt: Date)] = [:]

    /// An empty store.
    public init() {}

    public func save(key: String, payload: Data, expiresAt: Date) async throws {
        drafts[key] = (payload, expiresAt.roundedToMilliseconds)
    }

    public func load(key: String, now: Date) async throws -> Data? {
        guard let draft = drafts[key] else { return nil }
        guard now.roundedToMilliseconds < draft.expiresAt else {
            drafts.removeValue(forKey: key)
            return nil
        }
        return draft.payload
    }

    @discardableResult
    public func delete(key: String) async throws -> Bool {
        drafts.removeValue(forKey: key) != nil
    }

    @discardableResult
    public func deleteExpiredDrafts(now: Date) async throws -> Int {
        let now = now.roundedToMilliseconds
        let expired = drafts.filter { $0.value.expiresAt <= now }.map(\.key)
        for key in expired { drafts.removeValue(forKey: key) }
        return expired.count
    }
}
