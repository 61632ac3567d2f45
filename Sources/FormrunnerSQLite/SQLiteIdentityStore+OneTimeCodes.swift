import Foundation
import FormrunnerCore
import GRDB

extension SQLiteIdentityStore: OneTimeCodeStore {
    public func issue(for key: String, codeHash: String, expiresAt: Date, now: Date, resendAfter: TimeInterval) async throws {
        let nowMs = now.millisecondsSince1970
        try await write { db in
            if let sentAt = try Int64.fetchOne(
                db, sql: "SELECT sent_at FROM one_time_code WHERE key = ? AND consumed_at IS NULL", arguments: [key]) {
                let retryAt = Date(millisecondsSince1970: sentAt).addingTimeInterval(resendAfter).roundedToMilliseconds
                if nowMs < retryAt.millisecondsSince1970 { throw IdentityStoreError.tooSoon(retryAt: retryAt) }
            }
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO one_time_code (key, code_hash, expires_at, attempts, consumed_at, sent_at)
                    VALUES (?, ?, ?, 0, NULL, ?)
                    """,
                arguments: [key, codeHash, expiresAt.millisecondsSince1970, nowMs])
        }
    }

    public func verify(key: String, codeHash: String, now: Date, maxAttempts: Int) async throws -> OneTimeCodeCheck {
        let nowMs = now.millisecondsSince1970
        return try await write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM one_time_code WHERE key = ?", arguments: [key]),
                  (row["consumed_at"] as Int64?) == nil else { return .noCode }
            guard nowMs < row["expires_at"] as Int64 else { return .expired }
            let attempts: Int = row["attempts"]
            guard attempts < maxAttempts else { return .locked }
            if ConstantTime.equal(row["code_hash"] as String, codeHash) {
                try db.execute(sql: "UPDATE one_time_code SET consumed_at = ? WHERE key = ?", arguments: [nowMs, key])
                return .accepted
            }
            try db.execute(sql: "UPDATE one_time_code SET attempts = attempts + 1 WHERE key = ?", arguments: [key])
            let remaining = maxAttempts - attempts - 1
            return remaining > 0 ? .wrong(remaining: remaining) : .locked
        }
    }

    @discardableResult
    public func deleteExpiredCodes(now: Date) async throws -> Int {
        let nowMs = now.millisecondsSince1970
        return try await write { db in
            try db.execute(sql: "DELETE FROM one_time_code WHERE expires_at <= ?", arguments: [nowMs])
            return db.changesCount
        }
    }
}
