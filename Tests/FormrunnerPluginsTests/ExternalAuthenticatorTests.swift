import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerPlugins
import Testing

@Suite("External authenticator plugins")
struct ExternalAuthenticatorTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// A directory with Ana in it.
    private func directory() async throws -> InMemoryUserDirectory {
        let directory = InMemoryUserDirectory()
        try await directory.add(UserRecord(email: "ana@example.com", name: "Ana Souza", createdAt: now))
        return directory
    }

    /// A plugin that accepts the password "open sesame" for any e-mail and refuses the rest.
    private static let passwordScript = """
    request=$(cat)
    printf '%s' "$request" > "$0.request"
    case "$request" in
      *'"password":"open sesame"'*)
        email=$(printf '%s' "$request" | sed 's/.*"email":"\\([^"]*\\)".*/\\1/')
        printf '{"ok":true,"email":"%s"}\\n' "$email" ;;
      *) echo '{"ok":false,"error":"the directory says no"}' ;;
    esac
    """

    @Test("ok with an e-mail signs in the directory's user; the request carries the credentials and version")
    func signsIn() async throws {
        let plugins = try ScriptedPlugins()
        let plugin = try plugins.authenticator("ldap", Self.passwordScript)
        let authenticator = ExternalAuthenticator(plugin: plugin, directory: try await directory(), settings: ["realm": "EXAMPLE"])
        #expect(authenticator.name == "plugin:ldap")
        let user = try await authenticator.authenticate(
            .password(email: "Ana@Example.com", password: "open sesame", secondFactor: .totp("123456")), now: now)
        #expect(user.name == "Ana Souza")
        let request = try String(contentsOfFile: plugin.path + ".request", encoding: .utf8)
        #expect(request == #"{"action":"authenticate","credentials":{"email":"Ana@Example.com","method":"password","#
                + #""password":"open sesame","second_factor":{"code":"123456","kind":"totp"}},"settings":{"realm":"EXAMPLE"},"version":1}"#)
    }

    @Test("a refusal shows the plugin's words; a proven e-mail outside the directory has no access")
    func refusals() async throws {
        let plugins = try ScriptedPlugins()
        let authenticator = ExternalAuthenticator(plugin: try plugins.authenticator("ldap", Self.passwordScript),
                                                  directory: try await directory())
        await #expect(throws: AuthenticationFailure.refused("the directory says no")) {
            try await authenticator.authenticate(.password(email: "ana@example.com", password: "guess", secondFactor: nil), now: now)
        }
        #expect(AuthenticationFailure.refused("the directory says no").message == "the sign-in was refused: the directory says no")
        await #expect(throws: AuthenticationFailure.noAccess(email: "bo@example.com")) {
            try await authenticator.authenticate(.password(email: "bo@example.com", password: "open sesame", secondFactor: nil), now: now)
        }
    }

    @Test("a failing plugin makes signing in unavailable, with the reason")
    func failures() async throws {
        let plugins = try ScriptedPlugins()
        let cases: [(script: String, message: String)] = [
            ("echo 'directory down' >&2; exit 1",
             "signing in is not possible right now: the authenticator plugin 'x' failed: formrunner-auth-x exited with status 1 (stderr: directory down)"),
            ("cat > /dev/null",
             #"signing in is not possible right now: the authenticator plugin 'x' failed: formrunner-auth-x printed a reply that is not a JSON object with "ok": ''"#),
            ("echo '{\"ok\": true}'",
             #"signing in is not possible right now: the authenticator plugin 'x' answered "ok": true without an "email""#),
        ]
        for (script, message) in cases {
            let authenticator = ExternalAuthenticator(plugin: try plugins.authenticator("x", script), directory: try await directory())
            do {
                _ = try await authenticator.authenticate(.google(idToken: "token"), now: now)
                Issue.record("signed in with \(script)")
            } catch {
                #expect(error.message == message)
            }
        }
    }
}
