import Foundation
import FormrunnerCore
import GRDB

/// Opening the shared database file: every store on it (tickets, identity) opens it the same way.
enum DatabaseFile {
    /// Opens a pool on `file`, creating its folder, and migrates it with ``Schema/migrator`` while
    /// holding the exclusive `flock` on `<file>.lock`, so concurrent openers migrate one at a time.
    ///
    /// Failures are reported as ``TicketStoreError/unavailable(_:)``.
    ///
    /// The file holds tickets, answers and credentials: its folder is created with mode 0700, the file
    /// itself 0600 before SQLite first opens it, and the file, its `-wal`, `-shm` and lock files are
    /// set to 0600 at every opening, whatever the umask.
    static func openPool(at file: URL, label: String) throws -> DatabasePool {
        let folder = file.deletingLastPathComponent()
        do {
            try PrivateFiles.createFolder(folder.path)
        } catch {
            throw TicketStoreError.unavailable("\(error)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(SQLiteTicketStore.busyTimeout)
        configuration.label = label
        configuration.prepareDatabase { db in
            try WriterSettings.apply(to: db)
        }
        return try FileLock.withExclusiveLock(at: file.path + ".lock") {
            do {
                try PrivateFiles.createFile(file.path)
            } catch {
                throw TicketStoreError.unavailable("\(error)")
            }
            let pool = try SQLiteTicketStore.translated {
                let pool = try DatabasePool(path: file.path, configuration: configuration)
                try Schema.migrator.migrate(pool)
                return pool
            }
            do {
                try PrivateFiles.restrict(["", "-wal", "-shm", ".lock"].map { file.path + $0 })
            } catch {
                throw TicketStoreError.unavailable("\(error)")
            }
            return pool
        }
    }
}
