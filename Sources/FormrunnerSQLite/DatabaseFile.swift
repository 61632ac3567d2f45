import Foundation
import FormrunnerCore
import GRDB

/// Opening the shared database file: every store on it (tickets, identity) opens it the same way.
enum DatabaseFile {
    /// Opens a pool on `file`, creating its folder, and migrates it with ``Schema/migrator`` while
    /// holding the exclusive `flock` on `<file>.lock`, so concurrent openers migrate one at a time.
    ///
    /// Failures are reported as ``TicketStoreError/unavailable(_:)``.
    static func openPool(at file: URL, label: String, prepare: () throws -> Void = {}) throws -> DatabasePool {
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw TicketStoreError.unavailable("cannot create the folder \(folder.path): \(error.localizedDescription)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(SQLiteTicketStore.busyTimeout)
        configuration.label = label
        return try FileLock.withExclusiveLock(at: file.path + ".lock") {
            try prepare()
            return try SQLiteTicketStore.translated {
                let pool = try DatabasePool(path: file.path, configuration: configuration)
                try Schema.migrator.migrate(pool)
                return pool
            }
        }
    }
}
