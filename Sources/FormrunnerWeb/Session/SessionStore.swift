import Foundation
import FormrunnerCore

/// Sessions kept in the desk's draft store (SQLite or PostgreSQL, shared by every `serve` process),
/// under the SHA-256 of their id; they expire when idle and after an absolute lifetime.
struct SessionStore: Sendable {
    let drafts: any DraftStore
    let policy: SessionPolicy

    private static let prefix = "web-session:"

    private func key(_ id: String) -> String { Self.keys.value(of: id) { Self.prefix + Token.digest($0) } }

    /// The store keys of the sessions seen lately: a SHA-256 per request was 2% of a page's CPU.
    private static let keys = BoundedMemo<String, String>(capacity: 4096)

    /// The session with this id, unless it expired.
    func load(_ id: String, now: Date) async throws -> WebSession? {
        guard id.count <= 64, let payload = try await drafts.load(key: key(id), now: now),
              let session = try? Self.decoded.value(of: payload, decode: { try Self.decoder.decode(WebSession.self, from: $0) })
        else { return nil }
        guard now.timeIntervalSince(session.createdAt) < policy.absoluteLifetime else {
            try await drafts.delete(key: key(id))
            return nil
        }
        return session
    }

    /// Writes the session; it expires after the idle lifetime, or at its absolute end if sooner.
    func save(_ session: WebSession, id: String, now: Date) async throws {
        let end = min(now.addingTimeInterval(policy.idleLifetime), session.createdAt.addingTimeInterval(policy.absoluteLifetime))
        try await drafts.save(key: key(id), payload: try Self.encoder.encode(session), expiresAt: end)
    }

    /// Ends the session.
    func delete(_ id: String) async throws {
        try await drafts.delete(key: key(id))
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }()

    /// Sessions decoded lately: every page reads its session.
    private static let decoded = DecodeMemo<WebSession>(capacity: 1024)

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()
}
