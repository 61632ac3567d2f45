import Foundation
import FormrunnerCore
import PostgresNIO

extension PostgresIdentityStore: OneTimeCodeStore {
    /// The first key of the transaction-level advisory locks `issue` takes, one per code key (the
    /// second is the key's hash); two-key locks never meet the one-key migration lock.
    static let codeLockClass: Int32 = 0x6F74_6370

    public func issue(for key: String, codeHash: String, expiresAt: Date, now: Date, resendAfter: TimeInterval) async throws {
        let nowMs = now.millisecondsSince1970
        let expiresMs = expiresAt.millisecondsSince1970
        try await transaction { rows in
            // Two processes asking for the same key's first code at once: the second waits here, then
            // sees the first one's code and its cool-down.
            try await rows.run("SELECT pg_advisory_xact_lock(\(Self.codeLockClass), hashtext(\(key)))")
            let sent = try await rows.run("""
                SELECT sent_at FROM one_time_code WHERE key = \(key) AND consumed_at IS NULL FOR UPDATE
                """).collect().first?.decode(Int64.self)
            if let sent {
                let retryAt = Date(millisecondsSince1970: sent).addingTimeInterval(resendAfter).roundedToMilliseconds
                if nowMs < retryAt.millisecondsSince1970 { throw IdentityStoreError.tooSoon(retryAt: retryAt) }
            }
            try await rows.run("""
                INSERT INTO one_time_code (key, code_hash, expires_at, attempts, consumed_at, sent_at)
                VALUES (\(key), \(codeHash), \(expiresMs), 0, NULL, \(nowMs))
                ON CONFLICT (key) DO UPDATE SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at,
                    attempts = 0, consumed_at = NULL, sent_at = EXCLUDED.sent_at
                """)
        }
    }

    public func verify(key: String, codeHash: String, now: Date, maxAttempts: Int) async throws -> OneTimeCodeCheck {
        let nowMs = now.millisecondsSince1970
        return try await transaction { rows in
            // The row stays locked until the transaction ends: a second check waits for this one's verdict.
            let found = try await rows.run("""
                SELECT code_hash, expires_at, attempts, consumed_at FROM one_time_code WHERE key = \(key) FOR UPDATE
                """).collect().first
            guard let found else { return .noCode }
            let (storedHash, expiresMs, attempts, consumedMs) = try found.decode((String, Int64, Int, Int64?).self)
            guard consumedMs == nil else { return .noCode }
            guard nowMs < expiresMs else { return .expired }
            guard attempts < maxAttempts else { return .locked }
            if ConstantTime.equal(storedHash, codeHash) {
                try await rows.run("UPDATE one_time_code SET consumed_at = \(nowMs) WHERE key = \(key)")
                return .accepted
            }
            try await rows.run("UPDATE one_time_code SET attempts = attempts + 1 WHERE key = \(key)")
            let remaining = maxAttempts - attempts - 1
            return remaining > 0 ? .wrong(remaining: remaining) : .locked
        }
    }

    @discardableResult
    public func deleteExpiredCodes(now: Date) async throws -> Int {
        let nowMs = now.millisecondsSince1970
        return try await read { rows in
            try await rows.run("DELETE FROM one_time_code WHERE expires_at <= \(nowMs) RETURNING key").collect().count
        }
    }
}
