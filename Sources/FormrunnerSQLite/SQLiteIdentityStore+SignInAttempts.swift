import Foundation
import FormrunnerCore
import GRDB

extension SQLiteIdentityStore: SignInAttemptStore {
    public func signInAttempts(for key: String) async throws -> SignInAttempts {
        try await read { db in try SQLiteIdentityStore.attempts(key, in: db) }
    }

    public func recordSignInFailure(for key: String, now: Date, limits: SignInAttemptLimits) async throws -> SignInAttempts {
        try await write { db in
            let counted = try SQLiteIdentityStore.attempts(key, in: db).counting(failureAt: now, limits: limits)
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO sign_in_attempt (key, failures, last_failure_at, locked_until)
                    VALUES (?, ?, ?, ?)
                    """,
                arguments: [key, counted.failures, counted.lastFailureAt?.millisecondsSince1970,
                            counted.lockedUntil?.millisecondsSince1970])
            return counted
        }
    }

    @discardableResult
    public func clearSignInAttempts(for key: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM sign_in_attempt WHERE key = ?", arguments: [key])
            return db.changesCount > 0
        }
    }

    private static func attempts(_ key: String, in db: Database) throws -> SignInAttempts {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sign_in_attempt WHERE key = ?", arguments: [key]) else {
            return .none
        }
        return SignInAttempts(failures: row["failures"],
                              lastFailureAt: Date(millisecondsSince1970: row["last_failure_at"]),
                              lockedUntil: (row["locked_until"] as Int64?).map { Date(millisecondsSince1970: $0) })
    }
}
