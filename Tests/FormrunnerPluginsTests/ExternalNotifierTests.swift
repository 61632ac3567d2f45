import Foundation
import FormrunnerCore
import FormrunnerPlugins
import Testing

@Suite("External notifier plugins")
struct ExternalNotifierTests {
    /// The message the notifier fails with when `script` runs as plugin `name`.
    private func failure(_ script: String, name: String = "demo", timeout: TimeInterval = 10) async throws -> String {
        let plugins = try ScriptedPlugins()
        let notifier = ExternalNotifier(plugin: try plugins.notifier(name, script), timeout: timeout)
        do {
            try await notifier.deliver(ScriptedPlugins.message())
        } catch {
            return "\(error)"
        }
        return "delivered"
    }

    @Test("the plugin is given the message, its settings and the protocol version as JSON on standard input")
    func request() async throws {
        let plugins = try ScriptedPlugins()
        let plugin = try plugins.notifier("capture", #"cat > "$0.json""#)
        let notifier = ExternalNotifier(plugin: plugin, settings: ["url": "http://example.test/hook", "tags": ["a", "b"]])
        #expect(notifier.name == "plugin:capture")
        try await notifier.deliver(ScriptedPlugins.message())
        let sent = try String(contentsOfFile: plugin.path + ".json", encoding: .utf8)
        #expect(sent == #"{"action":"deliver","message":{"address":"ana@example.com","attempt":1,"body":"Hello Ana,\nwe got it.\n","#
                + #""created_at":"2026-09-21T14:13:20Z","id":"m-1","recipient":"requester","subject":"Ticket #7 received","#
                + #""template":"ticket-created","ticket_number":7},"settings":{"tags":["a","b"],"url":"http://example.test/hook"},"version":1}"#
                + "\n")
    }

    @Test("exit 0 with no output, or with {\"ok\": true}, is a delivery")
    func success() async throws {
        #expect(try await failure("cat > /dev/null") == "delivered")
        #expect(try await failure(#"cat > /dev/null; echo '{"ok": true, "id": "remote-1"}'"#) == "delivered")
    }

    @Test("exit 1 is a failure carrying the plugin's standard error, trimmed and on one line")
    func exitStatus() async throws {
        #expect(try await failure("echo '  HTTP 503 from the hook\n  retry later  ' >&2; exit 1")
                == "formrunner-notifier-demo exited with status 1 (stderr: HTTP 503 from the hook | retry later)")
        #expect(try await failure("exit 2") == "formrunner-notifier-demo exited with status 2")
        let long = try await failure("head -c 5000 /dev/zero | tr '\\0' 'x' >&2; exit 1")
        #expect(long == "formrunner-notifier-demo exited with status 1 (stderr: " + String(repeating: "x", count: 500) + "…)")
    }

    @Test("output that is not a JSON reply is a failure that quotes it")
    func invalidReply() async throws {
        #expect(try await failure("echo 'sent!'")
                == #"formrunner-notifier-demo printed a reply that is not a JSON object with "ok": 'sent!'"#)
        #expect(try await failure(#"echo '{"status": "sent"}'"#)
                == #"formrunner-notifier-demo printed a reply that is not a JSON object with "ok": '{"status": "sent"}'"#)
    }

    @Test("{\"ok\": false} is a failure with the plugin's reason")
    func refused() async throws {
        #expect(try await failure(#"echo '{"ok": false, "error": "mailbox full"}'"#)
                == "formrunner-notifier-demo reported a failure: mailbox full")
    }

    @Test("a plugin that runs too long is stopped")
    func timeout() async throws {
        #expect(try await failure("echo working >&2; sleep 300", timeout: 0.5)
                == "formrunner-notifier-demo did not finish within 0.5 s and was stopped (stderr: working)")
    }

    @Test("a plugin killed by a signal, or that cannot start, is a failure")
    func killedOrUnstartable() async throws {
        #expect(try await failure("kill -9 $$") == "formrunner-notifier-demo was ended by signal 9")
        let plugins = try ScriptedPlugins()
        let path = try plugins.write("formrunner-notifier-plain", "exit 0", executable: false)
        let notifier = ExternalNotifier(plugin: InstalledPlugin(name: "plain", kind: .notifier, path: path))
        await #expect(throws: PluginFailure(executable: "formrunner-notifier-plain", reason: .cannotStart("Permission denied"))) {
            try await notifier.deliver(ScriptedPlugins.message())
        }
        #expect(PluginFailure(executable: "formrunner-notifier-plain", reason: .cannotStart("Permission denied")).description
                == "formrunner-notifier-plain could not be started: Permission denied")
    }
}
