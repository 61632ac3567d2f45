import Foundation
import Testing

/// `formrunner queue`: the table, its JSON, the filters and the refusals, on SQLite.
@Suite("formrunner queue")
struct QueueCommandTests {
    typealias Scratch = AgentCommandsTests.Scratch

    /// A desk with bia (financial), caio (technical), an admin and a requester, and two financial tickets
    /// filed on Friday 2026-12-04 at 17:00 (low: 12 working hours, due Tuesday 11:00), both given to bia.
    static func desk() throws -> Scratch {
        let desk = try Scratch()
        for arguments in [["bia@desk.example", "--role", "agent", "--team", "financial"],
                          ["caio@desk.example", "--role", "agent", "--team", "technical"],
                          ["boss@desk.example", "--role", "admin"], ["ana@example.com"]] {
            #expect(try desk.run(["users", "add", arguments[0], "--name", "Someone"] + arguments.dropFirst()).status == 0)
        }
        #expect(try desk.run(AgentCommandsTests.financial).status == 0)
        var second = AgentCommandsTests.financial
        second[second.firstIndex(of: "desired_day=10")!] = "desired_day=12"
        #expect(try desk.run(second).status == 0)
        return desk
    }

    @Test("an agent's queue: a table by SLA due in the agent's words, JSON with the same lines, the filters")
    func table() throws {
        let desk = try Self.desk()
        #expect(try desk.run(["tickets", "unassign", "2"], user: "bia@desk.example").status == 0)
        #expect(try desk.run(["tickets", "priority", "2", "high", "--reason", "A chain of stores"], user: "bia@desk.example").status == 0)
        // High since Friday 17:00: 4 working hours, due Monday 12:00; low: 12 working hours, due Tuesday 11:00.
        let monday = "2026-12-07T12:45:00-03:00"
        let queue = try desk.run(["queue"], user: "bia@desk.example", now: monday)
        #expect(queue.status == 0, "\(queue.stderr)")
        #expect(queue.stdout == """
            #  Priority  Status  Assignee          SLA due              Title
            2  High      Open    —                 breached 45 min ago  Change monthly invoice expiration date
            1  Low       Open    bia@desk.example  in 22 h 15 min       Change monthly invoice expiration date

            """)
        #expect(queue.stderr == "2 ticket(s) in the queue\n")
        let json = try desk.run(["queue", "--json", "--unassigned"], user: "bia@desk.example", now: monday)
        let page = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let tickets = try #require(page["tickets"] as? [[String: Any]])
        #expect(tickets.map { $0["number"] as? Int } == [2])
        #expect(tickets.first?["due"] as? String == "breached 45 min ago")
        #expect(tickets.first?["due_at"] as? String == "2026-12-07T15:00:00Z")
        #expect(tickets.first?["breaching"] as? Bool == true)
        #expect(tickets.first?["priority"] as? String == "high")
        #expect(tickets.first?["status_label"] as? String == "Open")
        #expect(try desk.run(["queue", "--mine"], user: "bia@desk.example").stdout.split(separator: "\n").count == 2)
        #expect(try desk.run(["queue", "--breaching"], user: "bia@desk.example", now: monday)
            .stdout.split(separator: "\n").count == 2)
        #expect(try desk.run(["queue"], user: "caio@desk.example").stdout == "")
        #expect(try desk.run(["queue", "--team", "financial"], user: "caio@desk.example").stdout.split(separator: "\n").count == 3)
        #expect(try desk.run(["queue"], user: "boss@desk.example").stdout.split(separator: "\n").count == 3)
    }

    @Test("queue refuses an unknown team, --mine without a user, a requester, an unknown user, --mine with --unassigned")
    func refusals() throws {
        let desk = try Self.desk()
        let team = try desk.run(["queue", "--team", "financal"], user: "bia@desk.example")
        #expect(team.status == 1)
        #expect(team.stderr == "formrunner: unknown team 'financal'; did you mean 'financial'?\n")
        let mine = try desk.run(["queue", "--mine"])
        #expect(mine.status == 1)
        #expect(mine.stderr == "formrunner: --mine needs to know who you are: name the agent with --user EMAIL (or FORMRUNNER_USER)\n")
        let requester = try desk.run(["queue"], user: "ana@example.com")
        #expect(requester.status == 1)
        #expect(requester.stderr == "formrunner: ana@example.com is a requester, not an agent: only agents and admins have a queue; "
                + "make them one with: formrunner users update ana@example.com --role agent --team TEAM\n")
        let unknown = try desk.run(["queue"], user: "zed@desk.example")
        #expect(unknown.stderr == "formrunner: there is no user zed@desk.example; add the agent with: "
                + "formrunner users add zed@desk.example --name NAME --role agent --team TEAM\n")
        let both = try desk.run(["queue", "--mine", "--unassigned"], user: "bia@desk.example")
        #expect(both.status == 64)
        #expect(both.stderr.contains("--mine and --unassigned exclude each other: choose one"))
    }
}
