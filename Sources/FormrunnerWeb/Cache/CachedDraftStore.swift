import Foundation
import FormrunnerCore

/// The portal's view of the draft store (its sessions and the flows' drafts): reads by a request
/// that presented a ``StateTag`` are answered from a ``StateCache`` when it holds the value for
/// that tag; every write goes to the store and gives the browser a new tag.
struct CachedDraftStore: DraftStore {
    /// The store that holds the drafts.
    let store: any DraftStore
    /// What was read or written lately.
    let cache: StateCache<CachedDraft>
    /// The real clock the cache's lifetime is counted on.
    let clock: @Sendable () -> Date

    /// A draft as the cache keeps it: its payload (nil: none) and when it expires.
    struct CachedDraft: Sendable {
        var payload: Data?
        var expiresAt: Date?
    }

    func save(key: String, payload: Data, expiresAt: Date) async throws {
        try await store.save(key: key, payload: payload, expiresAt: expiresAt)
        remember(CachedDraft(payload: payload, expiresAt: expiresAt), key: key)
    }

    func load(key: String, now: Date) async throws -> Data? {
        guard let tag = StateTag.current?.presented else { return try await store.load(key: key, now: now) }
        if let cached = cache.value(key, tag: tag, now: clock()),
           cached.expiresAt.map({ $0 > now }) ?? true {
            return cached.payload
        }
        let payload = try await store.load(key: key, now: now)
        // The expiry of a draft read from the store is not known here: it is kept only briefly
        // anyway, and an expired draft is found by the next read after the cache's lifetime.
        cache.store(CachedDraft(payload: payload, expiresAt: nil), key: key, tag: tag, now: clock())
        return payload
    }

    @discardableResult
    func delete(key: String) async throws -> Bool {
        let deleted = try await store.delete(key: key)
        remember(CachedDraft(payload: nil, expiresAt: nil), key: key)
        return deleted
    }

    @discardableResult
    func deleteExpiredDrafts(now: Date) async throws -> Int {
        let deleted = try await store.deleteExpiredDrafts(now: now)
        cache.removeAll()
        return deleted
    }

    /// After a write: kept for the request's new tag, or forgotten outside a portal request.
    private func remember(_ draft: CachedDraft, key: String) {
        if let scope = StateTag.current {
            cache.store(draft, key: key, tag: scope.tagForWrite(), now: clock())
        } else {
            cache.remove(key)
        }
    }
}
