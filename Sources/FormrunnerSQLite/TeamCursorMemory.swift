import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The team cursors (``TeamCursor``) as this store's writer connection last committed them, so that a
/// create that assigns need not read its team's cursor back from the file (its checkpoint row and the
/// team's newest pick after it).
///
/// What is remembered holds only while the file holds what this connection last committed. SQLite's
/// pager keeps a data version that moves with every commit to the file, this connection's own and any
/// other connection's or process's (`SQLITE_FCNTL_DATA_VERSION`, read without a statement): the version
/// is taken right after the commit that moved the cursors, and a transaction that finds another version
/// (another process assigned, a user changed, this connection wrote something else) forgets every cursor
/// and reads its team's from the file. A transaction that does not commit forgets every cursor too, so a
/// rolled-back choice is never reused.
///
/// Used only on the writer connection's queue, one transaction at a time; the lock makes it safe anyway.
final class TeamCursorMemory: @unchecked Sendable {
    private let lock = NSLock()
    /// The pager's data version right after the last commit that moved ``cursors``.
    private var version: UInt32?
    /// Each team's cursor, as of ``version``.
    private var cursors: [String: TeamCursor.Position] = [:]
    /// The cursors the running transaction chose, remembered when it commits.
    private var chosen: [String: TeamCursor.Position] = [:]

    /// The cursor of `team` as of the running transaction in `db`, when this connection knows it;
    /// `nil` when it must be read from the file.
    func position(of team: String, in db: Database) -> TeamCursor.Position? {
        let current = Self.dataVersion(of: db)
        return lock.withLock {
            guard let current, current == version else {
                version = nil
                cursors = [:]
                return nil
            }
            return cursors[team]
        }
    }

    /// Notes that the running transaction moved `team`'s cursor to `position`.
    func chose(_ position: TeamCursor.Position, for team: String) {
        lock.withLock { chosen[team] = position }
    }

    /// After a commit on `db`: the cursors chosen in it are what the file holds, as of the pager's new
    /// data version. Nothing is remembered from a transaction that chose no cursor.
    func committed(in db: Database) {
        lock.withLock {
            guard !chosen.isEmpty else { return }
            cursors.merge(chosen) { _, chosen in chosen }
            chosen = [:]
            version = Self.dataVersion(of: db)
        }
    }

    /// After a transaction that did not commit: nothing it chose happened, and nothing is trusted.
    func rolledBack() {
        lock.withLock {
            chosen = [:]
            cursors = [:]
            version = nil
        }
    }

    /// The data version of `db`'s main database file; `nil` if SQLite does not report it.
    static func dataVersion(of db: Database) -> UInt32? {
        guard let connection = db.sqliteConnection else { return nil }
        var version: UInt32 = 0
        guard sqlite3_file_control(connection, "main", SQLITE_FCNTL_DATA_VERSION, &version) == SQLITE_OK else { return nil }
        return version
    }
}
