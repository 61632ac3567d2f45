import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerPlugins

/// What the entry flows sign people in with, for every front end that runs them.
extension Desk {
    /// The demo user a front end's demo mode signs in as, with an e-mailed code (no password is set).
    public static func demoUser(at now: Date) -> UserRecord {
        UserRecord(email: "demo@example.com", name: "Demo Requester", accounts: ["demostore", "demostore-br"],
                   country: "BR", permissions: ["support"], createdAt: now)
    }

    /// The Google ID token check, when a client id and a key set file are given (else from
    /// `FORMRUNNER_GOOGLE_CLIENT_ID` and `FORMRUNNER_GOOGLE_KEYS`); `nil` when neither is.
    /// - Throws: ``DeskSettingError``: usage when only one of the two is given, failure when the key
    ///   set cannot be read or used.
    public func googleVerifier(clientID: String?, keysPath: String?) throws(DeskSettingError) -> GoogleIDTokenVerifier? {
        let clientID = clientID ?? settings.environment["FORMRUNNER_GOOGLE_CLIENT_ID"]
        let keysPath = keysPath ?? settings.environment["FORMRUNNER_GOOGLE_KEYS"]
        guard let clientID, let keysPath else {
            if clientID != nil || keysPath != nil {
                throw .usage("Google sign-in needs both --google-client-id and --google-keys")
            }
            return nil
        }
        guard let data = FileManager.default.contents(atPath: keysPath) else {
            throw .failure("cannot read the Google key set '\(keysPath)'")
        }
        do {
            return GoogleIDTokenVerifier(clientID: clientID, keys: try JSONWebKeySet(json: data))
        } catch {
            throw .failure("the Google key set '\(keysPath)' is not usable: \(error)")
        }
    }

    /// The `formrunner-auth-NAME` plugin that checks passwords against the desk's users, when `name`
    /// (else `FORMRUNNER_AUTH_PLUGIN`) names one; its timeout is ``pluginTimeout``.
    /// - Throws: ``DeskSettingError`` (failure) when the plugin is missing or not executable, or the
    ///   users cannot be opened.
    public func passwordPlugin(name: String?) throws -> (any Authenticator)? {
        guard let name = name ?? settings.environment["FORMRUNNER_AUTH_PLUGIN"] else { return nil }
        let plugin: InstalledPlugin
        do {
            plugin = try PluginLocator().plugin(.auth, named: name)
        } catch {
            throw DeskSettingError.failure(error.description)
        }
        return ExternalAuthenticator(plugin: plugin, directory: try identity().directory, timeout: pluginTimeout)
    }
}
