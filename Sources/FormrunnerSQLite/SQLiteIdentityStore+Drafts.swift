import Foundation
import FormrunnerCore
import GRDB

extension SQLiteIdentityStore: DraftStore {
    public func save(key: String, payload: Data, expiresAt: Date) async throws {
        try await write { db in
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO draft (key, payload, expires_at) VALUES (?, ?, ?)")
                .execute(arguments: [key, payload, expiresAt.millisecondsSince1970])
        }
    }

    /// A read transaction (page views run concurrently under WAL); only a draft found expired
    /// takes the writer, to delete it.
    public func load(key: String, now: Date) async throws -> Data? {
        let nowMs = now.millisecondsSince1970
        let found = try await read { db in
            try Row.fetchOne(try db.cachedStatement(sql: "SELECT payload, expires_at FROM draft WHERE key = ?"), arguments: [key])
                .map { (payload: $0["payload"] as Data? ?? Data(), expiresAt: $0["expires_at"] as Int64) }
        }
        guard let found else { return nil }
        guard nowMs < found.expiresAt else {
            try await write { db in
                try db.execute(sql: "DELETE FROM draft WHERE key = ? AND expires_at <= ?", arguments: [key, nowMs])
            }
            return nil
        }
        return found.payload
    }

    @discardableResult
    public func delete(key: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM draft WHERE key = ?", arguments: [key])
            return db.changesCount > 0
        }
    }

    @discardableResult
    public func deleteExpiredDrafts(now: Date) async throws -> Int {
        let nowMs = now.millisecondsSince1970
        return try await write { db in
            try db.execute(sql: "DELETE FROM draft WHERE expires_at <= ?", arguments: [nowMs])
            return db.changesCount
        }
    }
}
