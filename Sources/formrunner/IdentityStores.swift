import FormrunnerAuth
import FormrunnerCore
import FormrunnerSQLite

/// Users, one-time codes and drafts, kept beside the tickets: in the same SQLite file (with the
/// TOTP secrets sealed by the key file `<database>.key`), or in memory for a `memory:` store.
struct IdentityStores {
    let directory: any UserDirectory
    let codes: any OneTimeCodeStore
    let drafts: any DraftStore

    /// The stores beside the tickets of the catalog in `options` (its formrunner.yaml included).
    static func open(_ options: GlobalOptions) throws -> IdentityStores {
        try IdentityStores(try options.storeLocation(try CatalogSession.load(options).configuration))
    }

    init(_ location: TicketStoreURL) throws {
        switch location {
        case .sqlite(let path):
            do {
                let store = try SQLiteIdentityStore(path: path, secrets: try KeyFileSecretSealer.forDatabase(at: path))
                (directory, codes, drafts) = (store, store, store)
            } catch {
                throw CommandFailure("cannot open the users and drafts in \(path): \(error)")
            }
        case .memory:
            (directory, codes, drafts) = (InMemoryUserDirectory(), InMemoryOneTimeCodeStore(), InMemoryDraftStore())
        case .postgres:
            throw CommandFailure("users and drafts are kept in SQLite stores only for now; use --store sqlite:PATH")
        }
    }
}
