import Foundation
import FormrunnerCore

/// An authenticator that asks an external plugin, `formrunner-auth-NAME`, whether credentials
/// prove an e-mail address, then finds that person in the user directory.
///
/// The plugin gets `{"version":1,"action":"authenticate","credentials":{…},"settings":{…}}` and
/// answers `{"ok":true,"email":"…"}` or `{"ok":false,"error":"…"}` (docs/plugins.md). A refusal is
/// shown with the plugin's words; a plugin that fails, times out or answers nonsense makes signing
/// in unavailable, with the reason. The plugin proves identity only: access still needs a record
/// in the directory.
public struct ExternalAuthenticator: Authenticator {
    /// The plugin's executable.
    public var plugin: InstalledPlugin
    /// Who may sign in.
    public var directory: any UserDirectory
    /// Settings passed to the plugin in every request.
    public var settings: [String: JSONValue]
    /// How long one request may take, in seconds.
    public var timeout: TimeInterval

    /// An authenticator running `plugin`, finding users in `directory`.
    public init(plugin: InstalledPlugin, directory: any UserDirectory, settings: [String: JSONValue] = [:],
                timeout: TimeInterval = ExternalNotifier.defaultTimeout) {
        self.plugin = plugin
        self.directory = directory
        self.settings = settings
        self.timeout = timeout
    }

    /// `plugin:NAME`.
    public var name: String { "plugin:\(plugin.name)" }

    /// The user the plugin says `credentials` prove.
    public func authenticate(_ credentials: Credentials, now: Date) async throws(AuthenticationFailure) -> UserRecord {
        let request = PluginProtocol.AuthenticateRequest(credentials: Self.wire(credentials), settings: settings)
        let reply: PluginProtocol.Reply?
        do {
            reply = try await PluginCall(plugin: plugin, timeout: timeout).send(request, replyRequired: true)
        } catch {
            if case .refused(let reason) = error.reason { throw .refused(reason) }
            throw .unavailable("the authenticator plugin '\(plugin.name)' failed: \(error)")
        }
        guard let email = reply?.email.map(UserRecord.normalizedEmail), !email.isEmpty else {
            throw .unavailable("the authenticator plugin '\(plugin.name)' answered \"ok\": true without an \"email\"")
        }
        let user: UserRecord?
        do { user = try await directory.user(email: email) } catch {
            throw .unavailable("the user directory cannot be read: \(error)")
        }
        guard let user else { throw .noAccess(email: email) }
        return user
    }

    /// The credentials as the plugin reads them: `method` plus the method's own members.
    static func wire(_ credentials: Credentials) -> [String: JSONValue] {
        var wire: [String: JSONValue] = ["method": .string(credentials.method.rawValue)]
        switch credentials {
        case .emailToken(let email, let code):
            wire["email"] = .string(email)
            wire["code"] = .string(code)
        case .password(let email, let password, let factor):
            wire["email"] = .string(email)
            wire["password"] = .string(password)
            if let factor {
                let code: String
                switch factor {
                case .totp(let text), .sms(let text): code = text
                }
                wire["second_factor"] = ["kind": .string(factor.kind.rawValue), "code": .string(code)]
            }
        case .google(let idToken):
            wire["id_token"] = .string(idToken)
        }
        return wire
    }
}
