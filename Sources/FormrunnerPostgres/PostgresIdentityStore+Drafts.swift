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

    public func load(key: String, now: Date) async throws -> Data? {
        let nowMs = now.millisecondsSince1970
        return try await read { rows in
            try await rows.run("DELETE FROM draft WHERE key = \(key) AND expires_at <= \(nowMs)")
            return try await rows.run("SELECT payload FROM draft WHERE key = \(key) AND expires_at > \(nowMs)")
                .collect().first?.decode(Data.self)
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
