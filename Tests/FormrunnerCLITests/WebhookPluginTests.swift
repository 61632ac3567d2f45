import Foundation
import Testing

/// The shipped webhook notifier (Plugins/formrunner-notifier-webhook) against a local HTTP server.
@Suite("The webhook notifier plugin, end to end")
struct WebhookPluginTests {
    @Test("the confirmation arrives as JSON; a 500 keeps the message in the outbox with the error until a later delivery")
    func endToEnd() throws {
        let server = try WebhookServer()
        try CommandRunner.withCatalogCopy { catalog in
            try """
            store: sqlite:desk.sqlite
            desk: {name: Acme Support, address: help@acme.example}
            notifiers:
              - kind: plugin
                plugin: webhook
                timeout: 30s
                settings:
                  url: \(server.url)
            """.write(toFile: catalog + "/formrunner.yaml", atomically: true, encoding: .utf8)
            let environment = ["PATH": CommandRunner.repository + "/Plugins:" + (ProcessInfo.processInfo.environment["PATH"] ?? ""),
                               "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"]
            let created = try CommandRunner.run(PluginCommandsTests.form + PluginCommandsTests.answers
                                                + ["--now", "2026-11-25T10:00:00-03:00"], in: catalog, environment: environment)
            #expect(created.status == 0, "\(created.stderr)")
            #expect(created.stderr.isEmpty)
            #expect(FileManager.default.fileExists(atPath: catalog + "/desk.sqlite"), "the store named in formrunner.yaml is used")
            let confirmation = try #require(try server.received().first)
            #expect(confirmation["ticket_number"] as? Int == 1)
            #expect(confirmation["address"] as? String == "ana@example.com")
            #expect(confirmation["recipient"] as? String == "requester")
            #expect((confirmation["subject"] as? String)?.contains("#1") == true)
            #expect(confirmation["attempt"] as? Int == 1)
            #expect(try server.key(1) == confirmation["id"] as? String)

            try server.answer(500)
            let solved = try CommandRunner.run(["tickets", "transition", "1", "solve", "--as", "agent", "--message", "Done.",
                                                "--now", "2026-11-25T11:00:00-03:00"], in: catalog, environment: environment)
            #expect(solved.status == 0)
            let error = "plugin:webhook: formrunner-notifier-webhook exited with status 1 "
                + "(stderr: \(server.url) answered HTTP 500 Internal Server Error)"
            #expect(solved.stderr == "formrunner: a message could not be delivered yet and stays in the outbox: \(error) (attempt 1 of 12)\n")
            let shown = try CommandRunner.run(["tickets", "show", "1", "--json"], in: catalog, environment: environment)
            let ticket = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
            let pending = try #require((ticket["messages"] as? [[String: Any]])?.last)
            #expect(pending["last_error"] as? String == error)
            #expect(pending["delivered_at"] == nil)
            #expect(try server.received().count == 1)

            try server.answer(200)
            let retried = try CommandRunner.run(["deliver", "--now", "2026-11-25T11:05:00-03:00"], in: catalog, environment: environment)
            #expect(retried.status == 0 && retried.stderr.isEmpty)
            let bodies = try server.received()
            #expect(bodies.count == 2)
            #expect(bodies.last?["id"] as? String == pending["id"] as? String)
            #expect(bodies.last?["attempt"] as? Int == 2)
        }
    }

    @Test("without a URL the plugin says how to give one")
    func noURL() throws {
        let environment = ["PATH": CommandRunner.repository + "/Plugins:" + (ProcessInfo.processInfo.environment["PATH"] ?? ""),
                           "FORMRUNNER_STORE": "memory:", "FORMRUNNER_NOTIFIER": "plugin:webhook"]
        let run = try CommandRunner.run(PluginCommandsTests.form + PluginCommandsTests.answers, environment: environment)
        #expect(run.status == 0)
        #expect(run.stderr.contains("formrunner-notifier-webhook exited with status 1 (stderr: no URL to POST to: set 'url' in "
                                    + "the notifier's settings in formrunner.yaml, or FORMRUNNER_WEBHOOK_URL)"))
    }
}
