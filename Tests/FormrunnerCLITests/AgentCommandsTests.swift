import Foundation
import Testing

/// The agent desk from the command line: agents in teams, `--user`, assignment, priority, why-due.
@Suite("Agents on the command line")
struct AgentCommandsTests {
    /// A throwaway SQLite desk with its Maildir, at a fixed clock.
    final class Scratch: Sendable {
        let folder = NSTemporaryDirectory() + "formrunner-agents-" + UUID().uuidString

        init() throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        @discardableResult
        func run(_ arguments: [String], user: String? = nil, now: String = "2026-12-04T17:00:00-03:00") throws -> CommandRunner.Run {
            var environment = ["FORMRUNNER_STORE": "sqlite:\(folder)/tickets.sqlite", "FORMRUNNER_NOTIFIER": "maildir:\(folder)/mail",
                               "FORMRUNNER_NOW": now, "FORMRUNNER_USER": ""]
            if let user { environment["FORMRUNNER_USER"] = user }
            return try CommandRunner.run(arguments, environment: environment)
        }
    }

    static let financial = ["tickets", "create", "--form", "financial.change-monthly-invoice-expiration-date",
                            "--requester", "ana@example.com", "--set", "desired_day=10",
                            "--set", "what_happened=Our cash flow closes on the 5th; we need invoices due on the 10th."]

    @Test("the README's script works once the agent is added, and names the agent in the history")
    func readmeScript() throws {
        let desk = try Scratch()
        let added = try desk.run(["users", "add", "bia@desk.example", "--name", "Bia Lima", "--role", "agent", "--team", "financial"])
        #expect(added.stdout == "Added Bia Lima <bia@desk.example>; role: agent; teams: financial; password: none; TOTP: none; phone: none\n")
        #expect(try desk.run(Self.financial).status == 0)
        let unnamed = try desk.run(["tickets", "transition", "1", "solve", "--as", "agent", "--message", "Done."])
        #expect(unnamed.status == 1)
        #expect(unnamed.stderr == "formrunner: ticket 1 belongs to team financial; name the agent who acts with --user EMAIL "
                + "(or FORMRUNNER_USER); add one with: formrunner users add EMAIL --name NAME --role agent --team financial\n")
        let solved = try desk.run(["tickets", "transition", "1", "solve", "--as", "agent", "--message", "Done from next month's invoice."],
                                  user: "bia@desk.example")
        #expect(solved.status == 0, "\(solved.stderr)")
        #expect(try desk.run(["tick", "--now", "2026-12-31T12:00:00-03:00"]).status == 0)
        let shown = try desk.run(["tickets", "show", "1", "--json"])
        let ticket = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(ticket["status"] as? String == "closed")
        #expect(ticket["team"] as? String == "financial")
        #expect(ticket["priority"] as? String == "low")
        #expect(ticket["assignee"] as? String == "bia@desk.example")
        let sla = try #require(ticket["sla"] as? [String: Any])
        #expect(sla["first_response_due"] as? String == "2026-12-08T14:00:00Z")   // low: 12 h from Friday 17:00
        #expect(sla["first_response_at"] as? String == "2026-12-04T20:00:00Z")
        #expect(sla["breached"] as? Bool == false)
        let history = try #require(ticket["history"] as? [[String: Any]])
        #expect(history.map { "\($0["event"] as? String ?? "") \($0["person"] as? String ?? "-")" }
                == ["create -", "assign -", "solve bia@desk.example", "close -"])
    }

    @Test("users add, update and away refuse what cannot be right, with the fix")
    func userRefusals() throws {
        let desk = try Scratch()
        let misspelt = try desk.run(["users", "add", "bia@desk.example", "--name", "Bia", "--role", "agent", "--team", "financal"])
        #expect(misspelt.status == 1)
        #expect(misspelt.stderr == "formrunner: unknown team 'financal'; did you mean 'financial'?\n")
        let requester = try desk.run(["users", "add", "ana@example.com", "--name", "Ana", "--team", "technical"])
        #expect(requester.stderr == "formrunner: the requester ana@example.com cannot be in a team; give them --role agent "
                + "(or admin) to work a team's tickets\n")
        let role = try desk.run(["users", "add", "bia@desk.example", "--name", "Bia", "--role", "boss"])
        #expect(role.status == 64)
        #expect(try desk.run(["users", "add", "ana@example.com", "--name", "Ana"]).status == 0)
        let away = try desk.run(["users", "away", "ana@example.com", "--until", "2026-12-24"])
        #expect(away.stderr == "formrunner: ana@example.com is a requester; only agents and admins can be away\n")
        let promoted = try desk.run(["users", "update", "ana@example.com", "--role", "agent", "--team", "technical"])
        #expect(promoted.stdout == "Updated Ana <ana@example.com>; role: agent; teams: technical; password: none; TOTP: none; phone: none\n")
        let badDay = try desk.run(["users", "away", "ana@example.com", "--until", "next week"])
        #expect(badDay.stderr == "formrunner: 'next week' is not an instant such as 2026-12-24T09:00:00-03:00 or a day such as 2026-12-24\n")
        #expect(try desk.run(["users", "away", "ana@example.com", "--until", "2026-12-24"]).stdout
                == "ana@example.com is away until 2026-12-24T00:00:00Z\n")
        #expect(try desk.run(["users", "away", "ana@example.com", "--back"]).stdout == "ana@example.com is back\n")
        #expect(try desk.run(["users", "update", "ana@example.com"]).status == 64)
    }

    @Test("take, assign, unassign and priority from the command line; why-due explains the due time")
    func agentWork() throws {
        let desk = try Scratch()
        #expect(try desk.run(["users", "add", "bia@desk.example", "--name", "Bia", "--role", "agent", "--team", "financial"]).status == 0)
        #expect(try desk.run(["users", "add", "caio@desk.example", "--name", "Caio", "--role", "agent", "--team", "financial"]).status == 0)
        #expect(try desk.run(Self.financial).status == 0)
        let untaken = try desk.run(["tickets", "take", "1"])
        #expect(untaken.stderr == "formrunner: say who takes ticket 1 with --user EMAIL (or FORMRUNNER_USER)\n")
        #expect(try desk.run(["tickets", "take", "1"], user: "caio@desk.example").stdout == "Ticket 1 assigned to caio@desk.example\n")
        #expect(try desk.run(["tickets", "unassign", "1"], user: "caio@desk.example").stdout == "Ticket 1 is no longer assigned\n")
        #expect(try desk.run(["tickets", "assign", "1", "--to", "bia@desk.example"], user: "caio@desk.example").stdout
                == "Ticket 1 assigned to bia@desk.example\n")
        let priority = try desk.run(["tickets", "priority", "1", "high", "--reason", "the invoice is due tomorrow"],
                                    user: "bia@desk.example")
        #expect(priority.stdout == "Ticket 1: priority High, reply due 2026-12-07T15:00:00Z\n")
        let unknown = try desk.run(["tickets", "priority", "1", "hihg", "--reason", "x"], user: "bia@desk.example")
        #expect(unknown.stderr == "formrunner: unknown priority 'hihg'; did you mean 'high'?\n")
        let why = try desk.run(["tickets", "why-due", "1"])
        #expect(why.stdout == """
            Ticket 1 · priority High · first response within 4h of working time on calendar brazil-support (America/Sao_Paulo)
            owed since 2026-12-04 17:00 (Fri)
              2026-12-04 Fri  17:00–18:00  counted 1h, 3h to go
              2026-12-05 Sat  skipped: no working hours (saturday)
              2026-12-06 Sun  skipped: no working hours (sunday)
              2026-12-07 Mon  09:00–12:00  counted 3h
            due 2026-12-07 12:00 (Mon): 4h counted

            """)
        let shown = try desk.run(["tickets", "show", "1"])
        #expect(shown.stdout.contains("  Team:      Financial support\n  Priority:  High\n  Assignee:  bia@desk.example\n"
                                      + "  SLA:       first response due 2026-12-07T15:00:00Z\n"))
        #expect(shown.stdout.contains("agent bia@desk.example  priority  Open → Open: Low → High: the invoice is due tomorrow\n"))
    }
}
