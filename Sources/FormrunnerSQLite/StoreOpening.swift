import FormrunnerCore

extension TicketStoreURL {
    /// What the command line says when asked for a PostgreSQL store.
    public static let postgresUnavailable = "PostgreSQL store is not available yet"

    /// Opens the store this location names: SQLite at its path (created when missing), or a new
    /// in-memory store. PostgreSQL locations throw ``TicketStoreError/unavailable(_:)`` with
    /// ``postgresUnavailable``.
    public func open() throws -> any TicketStore {
        switch self {
        case .sqlite(let path): return try SQLiteTicketStore(path: path)
        case .memory: return InMemoryTicketStore()
        case .postgres: throw TicketStoreError.unavailable(TicketStoreURL.postgresUnavailable)
        }
    }
}
