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
/// rolled-back choice is never reused. The user directory's change count, kept in the same file, is
/// remembered the same way: a create that assigns need not read it while nothing else was committed.
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
    /// The user directory's change count (``AssignmentRequest/directoryCount``) as the last commit that
    /// moved ``cursors`` found it, as of ``version``: while no other commit comes between, the file holds
    /// it still, and a create that expects it need not read it again.
    private var directoryCount: Int64?
    /// The directory count the running transaction found, remembered when it commits.
    private var checkedCount: Int64?

    /// The cursor of `team` as of the running transaction in `db`, when this connection knows it;
    /// `nil` when it must be read from the file.
    func position(of team: String, in db: Database) -> TeamCursor.Position? {
        let current = Self.dataVersion(of: db)
        return lock.withLock {
            guard let current, current == version else {
                forgetAll()
                return nil
            }
            return cursors[team]
        }
    }

    /// The user directory's change count as the file holds it in the running transaction in `db`, when
    /// this connection knows it (its last commit found it and nothing was committed since); `nil` when
    /// it must be read.
    func directoryCount(in db: Database) -> Int64? {
        let current = Self.dataVersion(of: db)
        return lock.withLock {
            guard let current, current == version else {
                forgetAll()
                return nil
            }
            return directoryCount
        }
    }

    /// Notes that the running transaction found the directory's change count to be `count`.
    func checkedDirectory(count: Int64) {
        lock.withLock { checkedCount = count }
    }

    /// Notes that the running transaction moved `team`'s cursor to `position`.
    func chose(_ position: TeamCursor.Position, for team: String) {
        lock.withLock { chosen[team] = position }
    }

    /// After a commit on `db`: the cursors chosen in it are what the file holds, as of the pager's new
    /// data version. Nothing is remembered from a transaction that chose no cursor.
    /// The directory count it found is remembered with them (or none, when it checked none).
    func committed(in db: Database) {
        lock.withLock {
            let checked = checkedCount
            checkedCount = nil
            guard !chosen.isEmpty else { return }
            cursors.merge(chosen) { _, chosen in chosen }
            chosen = [:]
            directoryCount = checked
            version = Self.dataVersion(of: db)
        }
    }

    /// After a transaction that did not commit: nothing it chose happened, and nothing is trusted.
    func rolledBack() {
        lock.withLock { forgetAll() }
    }

    /// Forgets everything: what the file held, and what the running transaction found. Called with the lock held.
    private func forgetAll() {
        chosen = [:]
        cursors = [:]
        directoryCount = nil
        checkedCount = nil
        version = nil
    }

    /// The data version of `db`'s main database file; `nil` if SQLite does not report it.
    static func dataVersion(of db: Database) -> UInt32? {
        guard let connection = db.sqliteConnection else { return nil }
        var version: UInt32 = 0
        guard sqlite3_file_control(connection, "main", SQLITE_FCNTL_DATA_VERSION, &version) == SQLITE_OK else { return nil }
        return version
    }
}
