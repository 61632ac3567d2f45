import Foundation
import Testing

/// The ticket commands on a real SQLite file and a real Maildir, as a script would drive them.
@Suite("formrunner tickets, tick and deliver")
struct TicketCommandsTests {
    /// A throwaway desk: its own database and Maildir.
    final class Desk: Sendable {
        let folder = NSTemporaryDirectory() + "formrunner-desk-" + UUID().uuidString
        var environment: [String: String] {
            ["FORMRUNNER_STORE": "sqlite:\(folder)/tickets.sqlite", "FORMRUNNER_NOTIFIER": "maildir:\(folder)/mail"]
        }

        init() throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Self.intakeAnswers.write(toFile: folder + "/answers.yaml", atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        static let intakeAnswers = """
            title: Checkout fails with error 500
            description: Since this morning the checkout returns error 500 for every buyer.
            experience_level: advanced
            users_affected: end_users
            problem_impact: critical
            environment: production
            problem_type: unexpected_behavior
            """

        @discardableResult
        func run(_ arguments: [String], at now: String? = nil) throws -> CommandRunner.Run {
            try CommandRunner.run(arguments + (now.map { ["--now", $0] } ?? []), environment: environment)
        }

        @discardableResult
        func create(at now: String = "2026-11-25T10:00:00-03:00", requester: String = "ana@example.com") throws -> CommandRunner.Run {
            try run(["tickets", "create", "--form", "technical.intake", "--answers", folder + "/answers.yaml",
                     "--requester", requester], at: now)
        }

        func show(_ number: Int) throws -> [String: Any] {
            let run = try run(["tickets", "show", String(number), "--json"])
            return (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]) ?? [:]
        }

        /// The subjects of the e-mails in the Maildir, oldest first.
        func mailSubjects() -> [String] {
            let folder = self.folder + "/mail/new"
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            return names.compactMap { name in
                let text = (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? ""
                return text.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") }.map { String($0.dropFirst(9)) }
            }
        }
    }

    @Test("create files ticket 1, stores the answers and e-mails the confirmation")
    func create() throws {
        let desk = try Desk()
        let run = try desk.create()
        #expect(run.status == 0)
        #expect(run.stdout == "Ticket 1 created: Checkout fails with error 500 [Open]\n")
        let ticket = try desk.show(1)
        #expect(ticket["status"] as? String == "open")
        #expect(ticket["status_label"] as? String == "Open")
        #expect((ticket["answers"] as? [String: Any])?["environment"] as? [String: String] == ["choice": "production"])
        #expect((ticket["history"] as? [[String: Any]])?.map { $0["event"] as? String } == ["create"])
        #expect(desk.mailSubjects() == ["[Support] Ticket #1 created: Checkout fails with error 500"])
        #expect(try desk.create(requester: "bob@example.com").stdout.hasPrefix("Ticket 2 created"))
    }

    @Test("invalid answers: every problem at once, by field id, and nothing filed")
    func invalidAnswers() throws {
        let desk = try Desk()
        let run = try desk.run(["tickets", "create", "--form", "technical.intake", "--requester", "ana@example.com",
                                "--set", "title=Hi", "--set", "environment=prod", "--set", "urgency=high"])
        // The message lists the form's problems in the form's order, unknown fields first.
        #expect(run.status == 1)
        #expect(run.stderr == """
            formrunner: the answers are not valid:
              urgency: the form 'technical.intake' has no such field; did you mean 'agency'?
              title: must be at least 5 characters, got 2
              description: 'Description' is required
              experience_level: 'Experience level with the platform' is required
              users_affected: 'Users affected by the problem' is required
              problem_impact: 'Problem impact' is required
              environment: 'prod' is not an option; did you mean 'production'?
              problem_type: 'Problem type' is required

            """)
        #expect(try desk.run(["tickets", "list"]).stdout.isEmpty)
    }

    @Test("the same submission twice files one ticket")
    func duplicate() throws {
        let desk = try Desk()
        #expect(try desk.create().status == 0)
        let again = try desk.create()
        #expect(again.status == 1)
        #expect(again.stderr == "formrunner: these answers were already filed as ticket 1; nothing new was created\n")
    }

    @Test("the seed's life cycle through the command line, with its e-mails")
    func lifecycle() throws {
        let desk = try Desk()
        try desk.create()
        let ask = try desk.run(["tickets", "transition", "1", "ask", "--as", "agent", "--message", "Which payment method?"],
                               at: "2026-11-25T11:00:00-03:00")
        #expect(ask.stdout == "Ticket 1: ask — Open → Awaiting your reply\n")
        let wrong = try desk.run(["tickets", "transition", "1", "ask", "--as", "requester"], at: "2026-11-25T11:05:00-03:00")
        #expect(wrong.status == 1)
        #expect(wrong.stderr == "formrunner: ticket 1 is Awaiting your reply; 'ask' applies only to tickets that are Open\n")
        #expect(try desk.run(["tickets", "transition", "1", "reply", "--as", "requester", "--message", "Boleto"],
                             at: "2026-11-25T12:00:00-03:00").status == 0)
        #expect(try desk.run(["tickets", "transition", "1", "solve", "--as", "agent"], at: "2026-11-25T13:00:00-03:00").status == 0)
        // Solved Wed 13:00 → 27 working hours later: Mon 2026-11-30 13:00 (-03:00).
        let solved = try desk.show(1)
        #expect((solved["timers"] as? [[String: Any]])?.first?["due_at"] as? String == "2026-11-30T16:00:00Z")

        let early = try desk.run(["tick"], at: "2026-11-30T12:59:00-03:00")
        #expect(early.stdout == "0 ticket(s) changed by their timers\n")
        let due = try desk.run(["tick"], at: "2026-11-30T13:01:00-03:00")
        #expect(due.stdout == "1 ticket(s) changed by their timers: 1\n")
        let again = try desk.run(["tick"], at: "2026-11-30T13:01:00-03:00")
        #expect(again.stdout == "0 ticket(s) changed by their timers\n")

        let late = try desk.run(["tickets", "transition", "1", "reply", "--as", "requester"], at: "2026-12-01T09:00:00-03:00")
        #expect(late.status == 1)
        #expect(late.stderr == "formrunner: ticket 1 is Closed; closed tickets cannot be reopened or changed — open a new ticket\n")
        let history = (try desk.show(1)["history"] as? [[String: Any]])?.map { "\($0["event"]!):\($0["actor"]!)" }
        #expect(history == ["create:requester", "ask:agent", "reply:requester", "solve:agent", "close:system"])
        #expect(desk.mailSubjects() == [
            "[Support] Ticket #1 created: Checkout fails with error 500",
            "[Support] Ticket #1 is awaiting your reply",
            "[Support] Ticket #1 is now Open",
            "[Support] Ticket #1 solved: Checkout fails with error 500",
            "[Support] Ticket #1 closed: Checkout fails with error 500",
            "[Support] Ticket #1 is closed and cannot be reopened",
        ])
    }

    @Test("list filters by status and pages; search finds by number and words")
    func listAndSearch() throws {
        let desk = try Desk()
        for index in 1...5 { #expect(try desk.create(requester: "user\(index)@example.com").status == 0) }
        try desk.run(["tickets", "transition", "2", "solve", "--as", "agent"])
        try desk.run(["tickets", "transition", "4", "solve", "--as", "agent"])
        let solved = try desk.run(["tickets", "list", "--status", "Solved", "--json"])
        let page = try #require(try JSONSerialization.jsonObject(with: Data(solved.stdout.utf8)) as? [String: Any])
        #expect((page["tickets"] as? [[String: Any]])?.compactMap { $0["number"] as? Int } == [4, 2])
        #expect(page["total"] as? Int == 2)
        let second = try desk.run(["tickets", "list", "--limit", "2", "--page", "2"])
        #expect(second.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) } == ["3", "2"])
        #expect(second.stderr == "page 2 of 3 · 5 ticket(s)\n")
        let unknown = try desk.run(["tickets", "list", "--status", "pending"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("formrunner: unknown status 'pending'"))

        #expect(try desk.run(["tickets", "search", "3"]).stdout.hasPrefix("     3  Open"))
        #expect(try desk.run(["tickets", "search", "checkout error"]).stdout.split(separator: "\n").count == 5)
        let hostile = try desk.run(["tickets", "search", "'; DROP TABLE ticket; -- NEAR(\"x\""])
        #expect(hostile.status == 0)
        #expect(hostile.stderr.hasPrefix("no ticket matches"))
        #expect(try desk.run(["tickets", "list"]).stdout.split(separator: "\n").count == 5)
    }

    @Test("usage errors exit 64")
    func usage() throws {
        let desk = try Desk()
        let badNow = try desk.run(["tick", "--now", "yesterday"])
        #expect(badNow.status == 64)
        #expect(badNow.stderr.contains("'yesterday' is not an ISO-8601 instant"))
        let badActor = try desk.run(["tickets", "transition", "1", "solve", "--as", "robot"])
        #expect(badActor.status == 64)
        let missing = try desk.run(["tickets", "show", "99"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "formrunner: ticket 99 does not exist\n")
    }

    @Test("processes firing events on one ticket at once: no update is lost")
    func concurrentProcesses() async throws {
        let desk = try Desk()
        #expect(try desk.create().status == 0)
        let runs = try await withThrowingTaskGroup(of: CommandRunner.Run.self) { group in
            for index in 0..<8 {
                group.addTask {
                    try desk.run(["tickets", "transition", "1", "comment", "--as", "agent", "--message", "note \(index)"])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let succeeded = runs.filter { $0.status == 0 }.count
        for run in runs where run.status != 0 {
            #expect(run.stderr.contains("was changed by someone else meanwhile"), "\(run.stderr)")
        }
        #expect(succeeded >= 1)
        let ticket = try desk.show(1)
        #expect(ticket["version"] as? Int == 1 + succeeded)
        #expect((ticket["history"] as? [[String: Any]])?.count == 1 + succeeded)
        #expect((ticket["messages"] as? [[String: Any]])?.count == 1 + succeeded)
    }
}
