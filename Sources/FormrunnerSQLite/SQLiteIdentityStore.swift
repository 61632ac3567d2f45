import Foundation
import FormrunnerCore
import GRDB

/// Users, one-time codes and drafts in the same SQLite file as the tickets.
///
/// Opening follows ``SQLiteTicketStore``: the shared migrator (ticket and identity migrations) runs
/// under the `flock` on `<path>.lock`, writes are immediate transactions, and a busy database is
/// waited for up to ``SQLiteTicketStore/busyTimeout``.
///
/// Secrets at rest: passwords are stored only as the slow salted hashes callers put in
/// ``UserRecord/passwordHash``; one-time codes only as the hashes callers give; TOTP secrets are
/// sealed with `secrets` (bound to the user's e-mail). The file is created with mode 0600 and set to
/// 0600 with its `-wal` and `-shm` files whenever it opens (by either store, see `DatabaseFile`).
public final class SQLiteIdentityStore: Sendable {
    /// The database file.
    public let path: String

    let pool: DatabasePool
    let secrets: any SecretSealing

    /// Opens the identity tables of the database at `path` (relative to the working directory),
    /// creating the file, its parent folders and the schema when missing. TOTP secrets are sealed
    /// and opened with `secrets` (for example `KeyFileSecretSealer.forDatabase(at:)`).
    public init(path: String, secrets: any SecretSealing) throws {
        let file = URL(fileURLWithPath: path).standardizedFileURL
        self.path = file.path
        self.secrets = secrets
        self.pool = try SQLiteIdentityStore.translated {
            try DatabaseFile.openPool(at: file, label: "formrunner.identity")
        }
    }

    /// Runs `updates` in an immediate transaction, reporting database failures as ``IdentityStoreError``.
    func write<T: Sendable>(_ updates: @Sendable (Database) throws -> T) async throws -> T {
        try await SQLiteIdentityStore.translated { try await pool.write(updates) }
    }

    /// Runs `value` in a read transaction, reporting database failures as ``IdentityStoreError``.
    func read<T: Sendable>(_ value: @Sendable (Database) throws -> T) async throws -> T {
        try await SQLiteIdentityStore.translated { try await pool.read(value) }
    }
}
