import Foundation
import FormrunnerPostgres
import FormrunnerSQLite
import FormrunnerVault

extension Desk {
    /// Removes the unfinished `.incoming-*` attachment copies older than an hour that a killed
    /// process left in the store's attachment folder (``AttachmentVault/sweepIncoming(olderThan:now:)``).
    /// File ages are read on the real clock, never `--now`.
    /// - Returns: How many were removed (0 for a store without an attachment folder).
    public func sweepIncomingAttachments() -> Int {
        let folder: URL
        switch store {
        case let sqlite as SQLiteTicketStore: folder = sqlite.attachmentsFolder
        case let postgres as PostgresTicketStore: folder = postgres.attachmentsFolder
        default: return 0
        }
        return AttachmentVault(root: folder).sweepIncoming()
    }
}
