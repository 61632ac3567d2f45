import Foundation

/// Where unfinished answers wait between sessions: the draft storage protocol.
///
/// A draft is an opaque payload (the caller's encoding of the answers so far) under a key the
/// caller chooses, such as the workflow and the user's e-mail.
///
/// ## Contract (every implementation passes the same conformance suite)
/// - **save** stores the payload under `key`, replacing any earlier draft and its expiry.
/// - **load** returns the payload if the draft expires after `now`; a draft whose expiry is at or
///   before `now` is deleted and nil returned, as for a key never saved.
/// - **delete** removes the draft and says whether there was one (expired or not).
/// - **deleteExpiredDrafts(now:)** removes every draft whose expiry is at or before `now` and returns
///   how many it removed.
/// - **Canonical form**: instants are kept to the millisecond (rounded to the nearest); payloads
///   are returned byte for byte.
public protocol DraftStore: Sendable {
    /// Stores (or replaces) the draft under `key`.
    func save(key: String, payload: Data, expiresAt: Date) async throws

    /// The draft under `key` unless it has expired (an expired draft is deleted).
    func load(key: String, now: Date) async throws -> Data?

    /// Deletes the draft under `key`; returns whether there was one.
    @discardableResult
    func delete(key: String) async throws -> Bool

    /// Deletes every draft that expired at or before `now`; returns how many.
    @discardableResult
    func deleteExpiredDrafts(now: Date) async throws -> Int
}
