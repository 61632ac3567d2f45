import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerPostgres
import FormrunnerSQLite

/// Users, one-time codes and drafts, kept beside the tickets: in the same SQLite file (with the
/// TOTP secrets sealed by the key file `<database>.key`), in the same PostgreSQL database (sealed by
/// the desk's key file `<catalog>/.formrunner/desk.key`, on the ticket store's connections), or in
/// memory for a `memory:` store.
public struct IdentityStores: Sendable {
    /// Who may sign in.
    public let directory: any UserDirectory
    /// The one-time codes sent to sign in.
    public let codes: any OneTimeCodeStore
    /// The answers of unfinished runs (and the web portal's sessions).
    public let drafts: any DraftStore

    /// Opens the stores beside the tickets at `location`, whose ticket store `tickets` is already
    /// open; `catalog` is the catalog folder (a PostgreSQL store's key file is kept in it).
    /// - Throws: ``DeskSettingError`` (failure) when the SQLite file or the key file cannot be
    ///   opened, or when `tickets` is not the PostgreSQL store a `postgres://` location names.
    public init(_ location: TicketStoreURL, beside tickets: any TicketStore, catalog: String) throws(DeskSettingError) {
        switch location {
        case .sqlite(let path):
            do {
                let store = try SQLiteIdentityStore(path: path, secrets: try KeyFileSecretSealer.forDatabase(at: path))
                (directory, codes, drafts) = (store, store, store)
            } catch {
                throw .failure("cannot open the users and drafts in \(path): \(error)")
            }
        case .memory:
            (directory, codes, drafts) = (InMemoryUserDirectory(), InMemoryOneTimeCodeStore(), InMemoryDraftStore())
        case .postgres:
            guard let tickets = tickets as? PostgresTicketStore else {
                throw .failure("the users and drafts of \(location.redacted) are kept beside its tickets, "
                    + "but the desk's ticket store is not that PostgreSQL database")
            }
            let store = PostgresIdentityStore(beside: tickets, secrets: try Desk.keyFile(for: location, catalog: catalog))
            (directory, codes, drafts) = (store, store, store)
        }
    }

    /// Whether the stores at `location` keep the users in the database of `store` itself: the SQLite
    /// file the store writes, or the PostgreSQL database whose connections they share. Such a store
    /// can check the directory's change count in its own transactions (``TicketDesk/directoryCheckedByStore``).
    public static func areKept(at location: TicketStoreURL, inDatabaseOf store: any TicketStore) -> Bool {
        switch location {
        case .sqlite(let path):
            guard let sqlite = store as? SQLiteTicketStore else { return false }
            return sqlite.path == URL(fileURLWithPath: path).standardizedFileURL.path
        case .postgres:
            return store is PostgresTicketStore
        case .memory:
            return false
        }
    }
}
