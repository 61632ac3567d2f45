import Foundation
import FormrunnerPlugins
import Testing

@Suite("Finding plugins on PATH")
struct PluginLocatorTests {
    @Test("lists notifier and authenticator plugins; the first folder on PATH wins, like git")
    func lists() throws {
        let plugins = try ScriptedPlugins()
        try plugins.write("formrunner-notifier-webhook", "exit 0", in: "a")
        try plugins.write("formrunner-notifier-webhook", "exit 0", in: "b")
        try plugins.write("formrunner-auth-ldap", "exit 0", in: "b")
        try plugins.write("formrunner-notifier-", "exit 0", in: "b")
        try plugins.write("formrunner-other-thing", "exit 0", in: "b")
        let locator = PluginLocator(path: "\(plugins.folder)/a:\(plugins.folder)/missing:\(plugins.folder)/b")
        #expect(locator.all() == [
            InstalledPlugin(name: "ldap", kind: .auth, path: "\(plugins.folder)/b/formrunner-auth-ldap"),
            InstalledPlugin(name: "webhook", kind: .notifier, path: "\(plugins.folder)/a/formrunner-notifier-webhook"),
        ])
        #expect(try locator.plugin(.notifier, named: "webhook").path == "\(plugins.folder)/a/formrunner-notifier-webhook")
    }

    @Test("a file that may not be run is skipped for a later executable, and listed when it is the only one")
    func notExecutable() throws {
        let plugins = try ScriptedPlugins()
        try plugins.write("formrunner-notifier-pager", "exit 0", executable: false, in: "a")
        try plugins.write("formrunner-notifier-pager", "exit 0", in: "b")
        try plugins.write("formrunner-notifier-sms", "exit 0", executable: false, in: "b")
        let locator = PluginLocator(path: "\(plugins.folder)/a:\(plugins.folder)/b")
        #expect(try locator.plugin(.notifier, named: "pager").path == "\(plugins.folder)/b/formrunner-notifier-pager")
        #expect(locator.all().map(\.isExecutable) == [true, false])
        #expect(throws: PluginLookupError.notExecutable(kind: .notifier, name: "sms", path: "\(plugins.folder)/b/formrunner-notifier-sms")) {
            try locator.plugin(.notifier, named: "sms")
        }
        let message = "the notifier plugin 'sms' at \(plugins.folder)/b/formrunner-notifier-sms is not executable; "
            + "run chmod +x \(plugins.folder)/b/formrunner-notifier-sms"
        #expect(PluginLookupError.notExecutable(kind: .notifier, name: "sms", path: "\(plugins.folder)/b/formrunner-notifier-sms")
            .description == message)
    }

    @Test("a missing plugin says what was looked for, with a did-you-mean")
    func missing() throws {
        let plugins = try ScriptedPlugins()
        try plugins.write("formrunner-notifier-webhook", "exit 0")
        let locator = PluginLocator(path: plugins.folder)
        #expect(Self.lookupError(locator, .notifier, "webhok") == "no notifier plugin 'webhok': no executable named "
                + "formrunner-notifier-webhok on PATH; did you mean 'webhook'? (`formrunner plugins list` shows the installed plugins)")
        #expect(Self.lookupError(locator, .auth, "ldap") == "no authenticator plugin 'ldap': no executable named "
                + "formrunner-auth-ldap on PATH (`formrunner plugins list` shows the installed plugins)")
    }

    /// The message of looking `name` up, or a note that it was found.
    private static func lookupError(_ locator: PluginLocator, _ kind: PluginKind, _ name: String) -> String {
        do {
            return "found \(try locator.plugin(kind, named: name).path)"
        } catch {
            return error.description
        }
    }
}
