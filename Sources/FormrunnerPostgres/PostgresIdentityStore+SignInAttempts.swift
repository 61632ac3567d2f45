import Foundation
import FormrunnerCore
import PostgresNIO

extension PostgresIdentityStore: SignInAttemptStore {
    public func signInAttempts(for key: String) async throws -> SignInAttempts {
        try await read { rows in try await Self.attempts(key, rows: rows, locking: false) }
    }

    public func recordSignInFailure(for key: String, now: Date, limits: SignInAttemptLimits) async throws -> SignInAttempts {
        try await transaction { rows in
            // Failures racing in from several processes: the advisory lock on the key makes them take
            // turns even for a key's first row, so every one is counted.
            try await rows.run("SELECT pg_advisory_xact_lock(\(Self.codeLockClass), hashtext(\("attempt:" + key)))")
            let counted = try await Self.attempts(key, rows: rows, locking: true).counting(failureAt: now, limits: limits)
            let last = counted.lastFailureAt?.millisecondsSince1970 ?? now.millisecondsSince1970
            let locked = counted.lockedUntil?.millisecondsSince1970
            try await rows.run("""
                INSERT INTO sign_in_attempt (key, failures, last_failure_at, locked_until)
                VALUES (\(key), \(counted.failures), \(last), \(locked))
                ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures,
                    last_failure_at = EXCLUDED.last_failure_at, locked_until = EXCLUDED.locked_until
                """)
            return counted
        }
    }

    @discardableResult
    public func clearSignInAttempts(for key: String) async throws -> Bool {
        try await read { rows in
            try await rows.run("DELETE FROM sign_in_attempt WHERE key = \(key) RETURNING key").collect().count > 0
        }
    }

    private static func attempts(_ key: String, rows: PostgresRows, locking: Bool) async throws -> SignInAttempts {
        let found = try await (locking
            ? rows.run("SELECT failures, last_failure_at, locked_until FROM sign_in_attempt WHERE key = \(key) FOR UPDATE")
            : rows.run("SELECT failures, last_failure_at, locked_until FROM sign_in_attempt WHERE key = \(key)"))
            .collect().first
        guard let found else { return .none }
        let (failures, last, locked) = try found.decode((Int, Int64, Int64?).self)
        return SignInAttempts(failures: failures, lastFailureAt: Date(millisecondsSince1970: last),
                              lockedUntil: locked.map { Date(millisecondsSince1970: $0) })
    }
}
