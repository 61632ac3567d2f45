import Foundation
import FormrunnerCore
import GRDB

extension SQLiteIdentityStore: DraftStore {
    public func save(key: String, payload: Data, expiresAt: Date) async throws {
        try await write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO draft (key, payload, expires_at) VALUES (?, ?, ?)",
                           arguments: [key, payload, expiresAt.millisecondsSince1970])
        }
    }

    public func load(key: String, now: Date) async throws -> Data? {
        let nowMs = now.millisecondsSince1970
        return try await write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT payload, expires_at FROM draft WHERE key = ?",
                                             arguments: [key]) else { return nil }
            guard nowMs < row["expires_at"] as Int64 else {
                try db.execute(sql: "DELETE FROM draft WHERE key = ?", arguments: [key])
                return nil
            }
            return row["payload"] as Data? ?? Data()
        }
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
