import Foundation
import FormrunnerCore
import PostgresNIO

extension PostgresIdentityStore: DraftStore {
    public func save(key: String, payload: Data, expiresAt: Date) async throws {
        let expiresMs = expiresAt.millisecondsSince1970
        try await read { rows in
            _ = try await rows.run("""
                INSERT INTO draft (key, payload, expires_at) VALUES (\(key), \(payload), \(expiresMs))
                ON CONFLICT (key) DO UPDATE SET payload = EXCLUDED.payload, expires_at = EXCLUDED.expires_at
                """)
        }
    }

    /// One SELECT in the usual case; a DELETE only when the draft has expired.
    public func load(key: String, now: Date) async throws -> Data? {
        let nowMs = now.millisecondsSince1970
        return try await read { rows in
            guard let row = try await rows.run("SELECT payload, expires_at FROM draft WHERE key = \(key)").collect().first else {
                return nil
            }
            let (payload, expiresAt) = try row.decode((Data, Int64).self)
            guard nowMs < expiresAt else {
                _ = try await rows.run("DELETE FROM draft WHERE key = \(key) AND expires_at <= \(nowMs)")
                return nil
            }
            return payload
        }
    }

    @discardableResult
    public func delete(key: String) async throws -> Bool {
        try await read { rows in
            try await rows.run("DELETE FROM draft WHERE key = \(key) RETURNING key").collect().count > 0
        }
    }

    @discardableResult
    public func deleteExpiredDrafts(now: Date) async throws -> Int {
        let nowMs = now.millisecondsSince1970
        return try await read { rows in
            try await rows.run("DELETE FROM draft WHERE expires_at <= \(nowMs) RETURNING key").collect().count
        }
    }
}
