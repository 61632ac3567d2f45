import FormrunnerAuth
import FormrunnerCore
import FormrunnerSQLite

/// Users, one-time codes and drafts, kept beside the tickets: in the same SQLite file (with the
/// TOTP secrets sealed by the key file `<database>.key`), or in memory for a `memory:` store.
public struct IdentityStores: Sendable {
    /// Who may sign in.
    public let directory: any UserDirectory
    /// The one-time codes sent to sign in.
    public let codes: any OneTimeCodeStore
    /// The answers of unfinished runs.
    public let drafts: any DraftStore

    /// Opens the stores beside the tickets at `location`.
    /// - Throws: ``DeskSettingError`` (failure) when the SQLite file cannot be opened, or for a
    ///   PostgreSQL store, which does not keep users yet.
    public init(_ location: TicketStoreURL) throws(DeskSettingError) {
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
            throw .failure("users and drafts are kept in SQLite stores only for now; use --store sqlite:PATH")
        }
    }
}
