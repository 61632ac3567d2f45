import Foundation
import FormrunnerAuth
import FormrunnerCore

extension Desk {
    /// The key that signs satisfaction-survey links, derived (HKDF) from the desk's key file: the
    /// SQLite database's `<database>.key` (which also seals TOTP secrets), or for a PostgreSQL store
    /// `<catalog>/.formrunner/desk.key` (give every machine the same file); a key of this process
    /// only for a `memory:` store.
    static func surveyKey(for location: TicketStoreURL, catalog: String) throws(DeskSettingError) -> SurveyToken.Key {
        if case .memory = location {
            var generator = SystemRandomNumberGenerator()
            return SurveyToken.Key(bytes: (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })!
        }
        return SurveyToken.Key.derived(from: try keyFile(for: location, catalog: catalog))
    }

    /// The key the web portal derives anonymous visitors' CSRF tokens with (HKDF from the desk's key
    /// file, so every `serve` process sharing the store agrees); a key of this process only for a
    /// `memory:` store.
    static func webSessionKey(for location: TicketStoreURL, catalog: String) throws(DeskSettingError) -> [UInt8] {
        if case .memory = location {
            var generator = SystemRandomNumberGenerator()
            return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        }
        return try keyFile(for: location, catalog: catalog).derivedKey(purpose: "formrunner web anonymous session")
    }

    /// What seals `type: secret` answers: the desk's key file, or a key of this process only for a
    /// `memory:` store.
    static func answerSealer(for location: TicketStoreURL, catalog: String) throws(DeskSettingError) -> KeyFileSecretSealer {
        if case .memory = location { return KeyFileSecretSealer.ephemeral() }
        return try keyFile(for: location, catalog: catalog)
    }

    /// The desk's key file, created when missing: `<database>.key` beside a SQLite database, or
    /// `<catalog>/.formrunner/desk.key` for a PostgreSQL store (give every machine the same file).
    /// (A `memory:` store keeps no secrets: asked anyway, it gets the catalog's file.)
    static func keyFile(for location: TicketStoreURL, catalog: String) throws(DeskSettingError) -> KeyFileSecretSealer {
        let database: String
        switch location {
        case .sqlite(let path): database = path
        case .postgres, .memory: database = (catalog as NSString).appendingPathComponent(".formrunner/desk")
        }
        do {
            let folder = (database as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            }
            return try KeyFileSecretSealer.forDatabase(at: database)
        } catch {
            throw DeskSettingError.failure("cannot read or create the desk's key file \(database).key: \(error)")
        }
    }
}
