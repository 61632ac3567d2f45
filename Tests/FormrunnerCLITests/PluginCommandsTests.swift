import Foundation
import Testing

/// `formrunner plugins list`, choosing plugins, and the webhook plugin end to end.
@Suite("External plugins from the command line")
struct PluginCommandsTests {
    /// A folder of plugin executables to put on PATH, removed afterwards.
    final class PluginFolder {
        let path = NSTemporaryDirectory() + "formrunner-path-" + UUID().uuidString

        init() throws {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }

        func add(_ name: String, _ script: String = "cat > /dev/null", executable: Bool = true) throws {
            let file = path + "/" + name
            try ("#!/bin/sh\n" + script + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: file)
        }

        /// PATH with this folder first, then the system's folders.
        var searchPath: String { path + ":/usr/local/bin:/usr/bin:/bin" }
    }

    static let answers = ["--set", "desired_day=10", "--set", "what_happened=Our cash flow closes on the 5th."]
    static let form = ["tickets", "create", "--form", "financial.change-monthly-invoice-expiration-date", "--requester", "ana@example.com"]

    @Test("plugins list shows kind, name and path, the first on PATH winning; --json for scripts")
    func list() throws {
        let first = try PluginFolder(), second = try PluginFolder()
        try first.add("formrunner-notifier-webhook")
        try second.add("formrunner-notifier-webhook")
        try second.add("formrunner-auth-ldap")
        try second.add("formrunner-notifier-pager", executable: false)
        let path = "\(first.path):\(second.path)"
        let run = try CommandRunner.run(["plugins", "list"], environment: ["PATH": path])
        #expect(run.status == 0)
        #expect(run.stdout == """
            auth      ldap     \(second.path)/formrunner-auth-ldap
            notifier  pager    \(second.path)/formrunner-notifier-pager  (not executable: run chmod +x \(second.path)/formrunner-notifier-pager)
            notifier  webhook  \(first.path)/formrunner-notifier-webhook

            """)
        let json = try CommandRunner.run(["plugins", "list", "--json"], environment: ["PATH": path])
        let plugins = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(plugins.map { $0["name"] as? String } == ["ldap", "pager", "webhook"])
        #expect(plugins.map { $0["kind"] as? String } == ["auth", "notifier", "notifier"])
        #expect(plugins.map { $0["executable"] as? Bool } == [true, false, true])
        #expect(plugins[2]["path"] as? String == "\(first.path)/formrunner-notifier-webhook")
        let none = try CommandRunner.run(["plugins", "list"], environment: ["PATH": try PluginFolder().path])
        #expect(none.status == 0 && none.stdout.isEmpty)
        #expect(none.stderr == "no plugins on PATH (executables named formrunner-notifier-NAME or formrunner-auth-NAME)\n")
    }

    @Test("a missing or non-executable plugin is refused before anything is filed")
    func unusablePlugins() throws {
        let folder = try PluginFolder()
        try folder.add("formrunner-notifier-webhook")
        try folder.add("formrunner-notifier-pager", executable: false)
        let store = ["FORMRUNNER_STORE": "memory:", "PATH": folder.searchPath]
        let missing = try CommandRunner.run(Self.form + Self.answers + ["--notifier", "plugin:webhok"], environment: store)
        #expect(missing.status == 1)
        #expect(missing.stderr == "formrunner: no notifier plugin 'webhok': no executable named formrunner-notifier-webhok on PATH; "
                + "did you mean 'webhook'? (`formrunner plugins list` shows the installed plugins)\n")
        let plain = try CommandRunner.run(Self.form + Self.answers + ["--notifier", "plugin:pager"], environment: store)
        #expect(plain.status == 1)
        #expect(plain.stderr == "formrunner: the notifier plugin 'pager' at \(folder.path)/formrunner-notifier-pager is not "
                + "executable; run chmod +x \(folder.path)/formrunner-notifier-pager\n")
    }

    @Test("a missing notifier plugin stops only the commands that deliver")
    func missingPluginOnlyStopsDelivery() throws {
        let folder = try PluginFolder()
        let environment = ["FORMRUNNER_STORE": "memory:", "FORMRUNNER_NOTIFIER": "plugin:missing", "PATH": folder.searchPath]
        let list = try CommandRunner.run(["tickets", "list"], environment: environment)
        #expect(list.status == 0, "\(list.stderr)")
        let create = try CommandRunner.run(Self.form + Self.answers, environment: environment)
        #expect(create.status == 1)
        #expect(create.stderr == "formrunner: no notifier plugin 'missing': no executable named formrunner-notifier-missing on PATH "
                + "(`formrunner plugins list` shows the installed plugins)\n")
    }

    @Test("a notifier or timeout that cannot be read is a usage error")
    func usage() throws {
        let bogus = try CommandRunner.run(["deliver", "--notifier", "smtp"], environment: ["FORMRUNNER_STORE": "memory:"])
        #expect(bogus.status == 64)
        #expect(bogus.stderr.hasPrefix("Error: unknown notifier 'smtp'; use maildir:DIR, sendmail:COMMAND, console, none or plugin:NAME\n"))
        let timeout = try CommandRunner.run(["deliver"], environment: ["FORMRUNNER_STORE": "memory:", "FORMRUNNER_PLUGIN_TIMEOUT": "soon"])
        #expect(timeout.status == 64)
        #expect(timeout.stderr.hasPrefix(
            "Error: FORMRUNNER_PLUGIN_TIMEOUT is 'soon'; give seconds such as 10, or a duration such as 30s or 2m\n"))
    }

    @Test("a plugin that hangs is stopped after FORMRUNNER_PLUGIN_TIMEOUT and its message kept for later")
    func hangingPlugin() throws {
        let folder = try PluginFolder()
        try folder.add("formrunner-notifier-stuck", "cat > /dev/null; echo 'waiting for the gateway' >&2; sleep 300")
        let environment = ["FORMRUNNER_STORE": "memory:", "PATH": folder.searchPath, "FORMRUNNER_NOTIFIER": "plugin:stuck",
                           "FORMRUNNER_PLUGIN_TIMEOUT": "1s"]
        let run = try CommandRunner.run(Self.form + Self.answers, environment: environment)
        #expect(run.status == 0)
        #expect(run.stderr == "formrunner: a message could not be delivered yet and stays in the outbox: plugin:stuck: "
                + "formrunner-notifier-stuck did not finish within 1 s and was stopped (stderr: waiting for the gateway) (attempt 1 of 12)\n")
    }

    @Test("a failing plugin leaves the message in the outbox with its stderr, and the next delivery retries it")
    func failingPlugin() throws {
        let folder = try PluginFolder()
        try folder.add("formrunner-notifier-flaky", """
            cat > /dev/null
            if [ -e "$0.fixed" ]; then exit 0; fi
            echo "the pager service is down" >&2
            exit 1
            """)
        let database = NSTemporaryDirectory() + "formrunner-plugin-" + UUID().uuidString + ".sqlite"
        defer { try? FileManager.default.removeItem(atPath: database) }
        let environment = ["FORMRUNNER_STORE": "sqlite:" + database, "PATH": folder.searchPath,
                           "FORMRUNNER_NOTIFIER": "plugin:flaky"]
        let created = try CommandRunner.run(Self.form + Self.answers + ["--now", "2026-11-25T10:00:00-03:00"], environment: environment)
        #expect(created.status == 0)
        #expect(created.stderr == "formrunner: a message could not be delivered yet and stays in the outbox: plugin:flaky: "
                + "formrunner-notifier-flaky exited with status 1 (stderr: the pager service is down) (attempt 1 of 12)\n")
        let shown = try CommandRunner.run(["tickets", "show", "1", "--json"], environment: environment)
        let ticket = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let message = try #require((ticket["messages"] as? [[String: Any]])?.first)
        #expect(message["last_error"] as? String
                == "plugin:flaky: formrunner-notifier-flaky exited with status 1 (stderr: the pager service is down)")
        #expect(message["delivered_at"] == nil)
        try "".write(toFile: folder.path + "/formrunner-notifier-flaky.fixed", atomically: true, encoding: .utf8)
        let retried = try CommandRunner.run(["deliver", "--now", "2026-11-25T10:05:00-03:00"], environment: environment)
        #expect(retried.status == 0 && retried.stderr.isEmpty)
        let after = try CommandRunner.run(["tickets", "show", "1", "--json"], environment: environment)
        let delivered = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        #expect((delivered["messages"] as? [[String: Any]])?.first?["delivered_at"] as? String != nil)
    }
}
