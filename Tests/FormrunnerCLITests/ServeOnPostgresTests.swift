import Foundation
import FormrunnerTestSupport
import Testing

/// Two `formrunner serve` processes on one PostgreSQL database, as behind a load balancer: a browser
/// may reach either one at each request, because sessions, codes and users live in the database.
@Suite("formrunner serve: several processes on one PostgreSQL database")
struct ServeOnPostgresTests {
    @Test("a code asked for through one process signs in through the other; the session is seen by both")
    func signInAcrossProcesses() async throws {
        let folder = NSTemporaryDirectory() + "formrunner-serve-pg-" + UUID().uuidString
        let catalog = folder + "/catalog", mail = folder + "/mail"
        try FileManager.default.createDirectory(atPath: catalog, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["Forms", "Workflows", "schema"] {
            try FileManager.default.copyItem(atPath: CommandRunner.repository + "/" + name, toPath: catalog + "/" + name)
        }
        let server = try PostgresServer.shared()
        let store = server.url(database: try server.makeDatabase())
        let desk = ["--catalog", catalog, "--store", store, "--notifier", "maildir:" + mail]

        let added = try CommandRunner.run(["users", "add", "ana@example.com", "--name", "Ana Souza", "--account", "lojaana"] + desk,
                                          in: catalog)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("Added Ana Souza <ana@example.com>"))
        #expect(try CommandRunner.run(["users", "list"] + desk, in: catalog).stdout.contains("ana@example.com"))

        let servers = try ["a", "b"].map { name in
            // A runs its pages on NIO's event loops, B on Swift's own executor (the default).
            try ServeProcess(["--listen", "127.0.0.1:0"] + desk, in: catalog, logs: folder, name: name,
                             environment: name == "a" ? ["FORMRUNNER_EXECUTOR": "event-loops"] : [:])
        }
        let a = LoopbackHTTP(port: try await servers[0].port())
        let b = LoopbackHTTP(port: try await servers[1].port())

        let form = try a.get("/signin/email")
        #expect(form.status == 200)
        let anonymous = try #require(form.cookie("formrunner_session"))
        let csrf = try #require(Self.csrf(in: form.body), "no CSRF field in: \(form.body)")
        let asked = try a.post("/signin/email", form: [("_csrf", csrf), ("next", "/"), ("email", "ana@example.com")],
                               session: anonymous)
        #expect(asked.status == 303 && asked.header("Location") == "/signin/code?next=/", "\(asked.status) \(asked.body)")

        let code = try await Self.code(in: mail, to: "ana@example.com")
        let verified = try b.post("/signin/code", form: [("_csrf", csrf), ("next", "/"), ("code", code), ("_action", "verify")],
                                  session: anonymous)
        #expect(verified.status == 303 && verified.header("Location") == "/", "\(verified.status) \(verified.body)")
        let signedIn = try #require(verified.cookie("formrunner_session"))
        #expect(signedIn != anonymous)

        let home = try a.get("/", session: signedIn)
        #expect(home.status == 200)
        #expect(home.body.contains("Signed in as Ana Souza"), "\(home.body)")
        // The session the code was asked in ended at the sign-in: its cookie signs no one in, and a
        // visitor who only looks is not written to the store.
        let ended = try a.get("/", session: anonymous)
        #expect(!ended.body.contains("Signed in as"))
        #expect(ended.cookie("formrunner_session") == nil)

        for serve in servers { await serve.terminate() }
        for (name, serve) in zip(["A", "B"], servers) {
            #expect(serve.process.terminationReason == .exit, "process \(name) was killed")
            #expect(serve.process.terminationStatus == 0, "process \(name): \(serve.stderr)")
            // Its pages ran on NIO's event loops (process A asks for them), and its access log
            // (written a batch at a time) is all there once it has stopped: B verified the code, A
            // served the rest.
            #expect(!serve.stderr.contains("default executor"), "process \(name): \(serve.stderr)")
            let logged = name == "A" ? "method=GET ms=" : "method=POST ms="
            #expect(serve.stderr.contains(logged), "process \(name): \(serve.stderr)")
        }
        #expect(servers[0].stderr.contains("path=/signin/email request_id="))
        #expect(servers[1].stderr.contains("path=/signin/code request_id="))

        let swept = try CommandRunner.run(["tick", "--now", "2100-01-01T00:00:00Z"] + desk, in: catalog)
        #expect(swept.status == 0, "\(swept.stderr)")
        // The signed-in session and the used code.
        #expect(swept.stdout == "0 ticket(s) changed by their timers\n1 expired draft(s) and 1 expired code(s) deleted\n")
    }

    /// The value of the hidden `_csrf` field of a page.
    static func csrf(in html: String) -> String? {
        let marker = "name=\"_csrf\" value=\""
        guard let start = html.range(of: marker)?.upperBound, let end = html[start...].firstIndex(of: "\"") else { return nil }
        return String(html[start..<end])
    }

    /// The six-digit code in the subject of the newest one-time-password e-mail to `address` in the
    /// Maildir `folder`, waited for up to a minute (a bound for a machine under load, not a speed goal).
    static func code(in folder: String, to address: String) async throws -> String {
        let giveUp = Date().addingTimeInterval(60)
        while Date() < giveUp {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/new")) ?? []).sorted()
            for file in files.reversed() {
                let text = (try? String(contentsOfFile: folder + "/new/" + file, encoding: .utf8)) ?? ""
                let lines = text.components(separatedBy: "\r\n").flatMap { $0.components(separatedBy: "\n") }
                guard lines.contains(where: { $0.hasPrefix("To:") && $0.contains(address) }),
                      let subject = lines.first(where: { $0.hasPrefix("Subject:") }),
                      let range = subject.range(of: "one-time password: ") else { continue }
                let code = String(subject[range.upperBound...].prefix(6))
                if code.count == 6, code.allSatisfy(\.isNumber) { return code }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw LoopbackHTTP.Failure(description: "no one-time password e-mail to \(address) arrived in \(folder) within 60 s")
    }
}
