import Foundation
import FormrunnerCore
import FormrunnerPostgres
import FormrunnerSQLite

extension TicketStoreURL {
    /// The location for messages, with any password hidden.
    public var redacted: String {
        if case .postgres(let url) = self { return PostgresLocation.redacted(url) }
        return description
    }

    /// Opens the store this location names: SQLite at its path (created when missing), a new in-memory
    /// store, or a PostgreSQL database (migrated when needed) whose attachments are kept, unless its URL
    /// says `attachments=`, in `<catalog>/.formrunner/attachments`.
    public func open(catalog: String) async throws -> any TicketStore {
        switch self {
        case .sqlite(let path): return try SQLiteTicketStore(path: path)
        case .memory: return InMemoryTicketStore()
        case .postgres(let url):
            let attachments = URL(fileURLWithPath: (catalog as NSString).appendingPathComponent(".formrunner/attachments"),
                                  isDirectory: true)
            return try await PostgresTicketStore.open(PostgresLocation(url: url, defaultAttachments: attachments))
        }
    }
}
