import Foundation
import Testing

/// `formrunner run --auth-plugin NAME`: passwords checked by an external `formrunner-auth-NAME`.
@Suite("formrunner run with an authenticator plugin")
struct AuthPluginRunTests {
    /// A plugin that accepts Ana with the password `letmein` and refuses everything else.
    static let plugin = """
        #!/bin/sh
        input=$(cat)
        case "$input" in
          *'"password":"letmein"'*) echo '{"ok":true,"email":"ana@example.com"}' ;;
          *) echo '{"ok":false,"error":"the directory says no"}' ;;
        esac
        """

    @Test("the plugin refuses a wrong password with its reason, then signs Ana in; the ticket is filed")
    func signInThroughPlugin() throws {
        let directory = try UsersCommandTests.Directory()
        let bin = directory.folder + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try Self.plugin.write(toFile: bin + "/formrunner-auth-ldap", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/formrunner-auth-ldap")
        try directory.run(["users", "add", "ana@example.com", "--name", "Ana Souza", "--account", "lojaana"])
        let environment = ["FORMRUNNER_STORE": "sqlite:\(directory.database)", "FORMRUNNER_NOTIFIER": "none",
                           "PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
        let input = ["password", "ana@example.com", "guess", "password", "ana@example.com", "letmein",
                     "", "lojaana", "invoice_expiration_date", "We need more time to pay", ".", "20", "", "send", ""]
        let run = try CommandRunner.run(["run", "financial-support", "--auth-plugin", "ldap", "--plain"],
                                        environment: environment, input: input.joined(separator: "\n"))
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("the sign-in was refused: the directory says no"))
        #expect(run.stdout.contains("Signed in as Ana Souza <ana@example.com>."))
        #expect(run.stdout.contains("Ticket 1 created: "))
        #expect(!run.stdout.contains("letmein"))
    }

    @Test("a plugin that is not on PATH is named in the error")
    func missingPlugin() throws {
        let directory = try UsersCommandTests.Directory()
        try directory.run(["users", "add", "ana@example.com", "--name", "Ana Souza", "--account", "lojaana"])
        let run = try CommandRunner.run(["run", "financial-support", "--auth-plugin", "nowhere", "--plain"],
                                        environment: ["FORMRUNNER_STORE": "sqlite:\(directory.database)",
                                                      "FORMRUNNER_NOTIFIER": "none"], input: "")
        #expect(run.status == 1)
        #expect(run.stderr == "formrunner: no authenticator plugin 'nowhere': no executable named formrunner-auth-nowhere "
                + "on PATH (`formrunner plugins list` shows the installed plugins)\n")
    }
}
