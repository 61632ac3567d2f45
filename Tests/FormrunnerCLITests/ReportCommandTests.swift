import Foundation
import Testing

/// `formrunner report`: its formats and the exact messages of what a user can get wrong.
@Suite("report on the command line")
struct ReportCommandTests {
    @Test("bad dates, an empty period, an unknown team and an unknown format are refused with their messages")
    func refusals() throws {
        let desk = try AgentCommandsTests.Scratch()
        let badDate = try desk.run(["report", "--from", "2026-13-01"])
        #expect(badDate.status == 64)
        #expect(badDate.stderr.hasPrefix("Error: --from '2026-13-01' is not a date; write it as YYYY-MM-DD (for example 2026-11-01)\n"))
        let empty = try desk.run(["report", "--from", "2026-12-01", "--to", "2026-11-01"])
        #expect(empty.status == 64)
        #expect(empty.stderr.hasPrefix(
            "Error: the period is empty: --from 2026-12-01 must be before --to 2026-11-01 (--to is the first day after the period)\n"))
        let team = try desk.run(["report", "--team", "tecnical"])
        #expect(team.status == 1)
        #expect(team.stderr == "formrunner: unknown team 'tecnical'; did you mean 'technical'?\n")
        let format = try desk.run(["report", "--format", "xml"])
        #expect(format.status == 64)
        #expect(format.stderr.hasPrefix("Error: The value 'xml' is invalid for '--format <format>'"))
    }

    @Test("once the desk has agents, an agent or an admin reads the report and a requester is refused")
    func authority() throws {
        let desk = try AgentCommandsTests.Scratch()
        #expect(try desk.run(["users", "add", "bia@desk.example", "--name", "Bia Lima", "--role", "agent", "--team", "financial"]).status == 0)
        #expect(try desk.run(["users", "add", "ana@example.com", "--name", "Ana"]).status == 0)
        #expect(try desk.run(AgentCommandsTests.financial).status == 0)
        let unnamed = try desk.run(["report"])
        #expect(unnamed.status == 1)
        #expect(unnamed.stderr == "formrunner: reports are for agents and admins: name who reads it with --user EMAIL (or FORMRUNNER_USER); "
                + "add an agent with: formrunner users add EMAIL --name NAME --role agent --team TEAM\n")
        let requester = try desk.run(["report"], user: "ana@example.com")
        #expect(requester.status == 1)
        #expect(requester.stderr == "formrunner: ana@example.com is a requester; reports are for agents and admins: "
                + "formrunner users update ana@example.com --role agent --team TEAM\n")
        let csv = try desk.run(["report", "--format", "csv", "--from", "2026-12-01", "--to", "2027-01-01"], user: "bia@desk.example")
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout == "team,priority,opened,solved,closed,reopened,reopen_rate,sla_met,sla_breached,sla_pending,sla_attainment\n"
                + "financial,low,1,0,0,0,,0,0,1,\nall,all,1,0,0,0,,0,0,1,\n")
        let table = try desk.run(["report", "--team", "financial"], user: "bia@desk.example")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Report 2026-12-01 to 2027-01-01 (exclusive, America/Sao_Paulo), team Financial support\n"))
        let json = try desk.run(["report", "--format", "json"], user: "bia@desk.example")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["total"] as? [String: Any])?["opened"] as? Int == 1)
    }
}
