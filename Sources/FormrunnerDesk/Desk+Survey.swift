import Foundation
import FormrunnerAuth
import FormrunnerCore

extension Desk {
    /// The key that signs satisfaction-survey links, derived (HKDF) from the desk's key file: the
    /// SQLite database's `<database>.key` (which also seals TOTP secrets), or for a PostgreSQL store
    /// `<catalog>/.formrunner/desk.key` (give every machine the same file); a key of this process
    /// only for a `memory:` store.
    static func surveyKey(for location: TicketStoreURL, catalog: String) throws(DeskSettingError) -> SurveyToken.Key {
        let database: String
        switch location {
        case .sqlite(let path): database = path
        case .postgres: database = (catalog as NSString).appendingPathComponent(".formrunner/desk")
        case .memory:
            var generator = SystemRandomNumberGenerator()
            return SurveyToken.Key(bytes: (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })!
        }
        do {
            let folder = (database as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            }
            return SurveyToken.Key.derived(from: try KeyFileSecretSealer.forDatabase(at: database))
        } catch {
            throw DeskSettingError.failure("cannot read or create the desk's key file \(database).key: \(error)")
        }
    }
}
