import Foundation
import FormrunnerCore
import FormrunnerDesk
import Testing

/// `TicketDesk.report` on a known month (``ReportDataSet``): the same exact figures from the
/// in-memory store, SQLite and PostgreSQL, in every format.
@Suite("Reports", .serialized)
struct ReportTests {
    static let kinds: [AgentDesk.Kind] = [.memory, .sqlite, .postgres]

    /// A desk on `kind` with the data set loaded.
    static func withDataSet<T>(_ kind: AgentDesk.Kind, _ body: (AgentDesk) async throws -> T) async throws -> T {
        try await AgentDesk.with(kind) { desk in
            try await desk.addUser(ReportDataSet.agent, teams: ["technical", "financial"])
            try await ReportDataSet.load(desk.tickets) { kind, index, instant in
                switch kind {
                case "urgent": return try await desk.technical(impact: "critical", index: index, at: instant)
                case "high": return try await desk.technical(impact: "important", index: index, at: instant)
                case "normal": return try await desk.technical(impact: "auxiliary", index: index, at: instant)
                default: return try await desk.financial(index: index, at: instant)
                }
            }
            return try await body(desk)
        }
    }

    static func november(team: String? = nil) -> ReportRequest {
        ReportRequest(from: LocalDate(iso: "2026-11-01"), to: LocalDate(iso: "2026-12-01"), team: team, now: ReportDataSet.now)
    }

    @Test("the month's figures are exact, counted in working hours across a weekend and Brazilian holidays",
          arguments: kinds)
    func exactFigures(kind: AgentDesk.Kind) async throws {
        try await Self.withDataSet(kind) { desk in
            let report = try await desk.tickets.report(Self.november())
            #expect(try ReportFormat.table.render(report) == ReportDataSet.novemberTable)
            #expect(report.total.counts.opened == 9)
            #expect(report.totalFigures.firstResponse == ReportRows.Percentiles(count: 6, median: 7200, p90: 39600))
            #expect(report.distribution == [1, 1, 3, 0, 1, 0, 0])
            #expect(report.days.count == 30)
            #expect(report.days.filter { $0.opened > 0 }.map { "\($0.date.day):\($0.opened)" }
                    == ["2:1", "3:1", "4:1", "9:1", "10:1", "13:1", "19:1", "25:1", "30:1"])
            #expect(report.days.filter { $0.solved > 0 }.map { "\($0.date.day):\($0.solved)" } == ["3:1", "5:1", "6:1", "10:1", "18:1"])
        }
    }

    @Test("one team's report holds that team's tickets only", arguments: kinds)
    func oneTeam(kind: AgentDesk.Kind) async throws {
        try await Self.withDataSet(kind) { desk in
            let report = try await desk.tickets.report(Self.november(team: "financial"))
            #expect(report.lines.map { "\($0.team ?? "-") \($0.priority ?? "-") \($0.counts.opened)" } == ["financial low 3"])
            #expect(report.teams.map(\.team) == ["financial"])
            #expect(report.totalFigures.firstResponse == ReportRows.Percentiles(count: 1, median: 39600, p90: 39600))
            #expect(report.totalFigures.backlog == [1, 0, 1, 0])
            #expect(report.totalFigures.ratings == [0, 0, 0, 1, 0])
        }
    }

    @Test("JSON and CSV carry the same figures in their documented shapes")
    func jsonAndCSV() async throws {
        try await Self.withDataSet(.sqlite) { desk in
            let report = try await desk.tickets.report(Self.november())
            #expect(try ReportFormat.csv.render(report) == [
                "team,priority,opened,solved,closed,reopened,reopen_rate,sla_met,sla_breached,sla_pending,sla_attainment",
                "financial,low,3,1,1,0,0.0000,1,1,1,0.5000",
                "technical,urgent,2,1,1,1,1.0000,1,1,0,0.5000",
                "technical,high,1,1,1,0,0.0000,1,0,0,1.0000",
                "technical,normal,3,2,2,0,0.0000,2,0,0,1.0000",
                "all,all,9,5,5,1,0.2000,5,2,1,0.7143",
            ].joined(separator: "\n") + "\n")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(try ReportFormat.json.render(report).utf8)) as? [String: Any])
            #expect(json.keys.sorted() == ["assistant", "backlog", "days", "first_response", "lines", "now", "period", "satisfaction", "team", "total"])
            #expect(json["assistant"] is NSNull)
            let period = try #require(json["period"] as? [String: Any])
            #expect(period["from"] as? String == "2026-11-01")
            #expect(period["to"] as? String == "2026-12-01")
            #expect(period["from_instant"] as? String == "2026-11-01T03:00:00Z")
            #expect(period["time_zone"] as? String == "America/Sao_Paulo")
            #expect(json["team"] is NSNull)
            let total = try #require(json["total"] as? [String: Any])
            #expect(total["opened"] as? Int == 9)
            #expect(total["sla_attainment"] as? Double == 0.7143)
            #expect(total["reopen_rate"] as? Double == 0.2)
            let first = try #require((json["first_response"] as? [String: Any])?["all"] as? [String: Any])
            #expect(first["median_seconds"] as? Int == 7200)
            #expect(first["p90_hours"] as? Double == 11)
            let satisfaction = try #require(json["satisfaction"] as? [String: Any])
            #expect(satisfaction["answers"] as? Int == 3)
            #expect(satisfaction["average"] as? Double == 4)
            #expect(satisfaction["satisfied_share"] as? Double == 0.6667)
            #expect((satisfaction["ratings"] as? [String: Int]) == ["1": 0, "2": 0, "3": 1, "4": 1, "5": 1])
            let backlog = try #require(json["backlog"] as? [String: Any])
            #expect(backlog["buckets"] as? [String] == ["< 1 d", "1–3 d", "3–7 d", "≥ 7 d"])
            #expect(backlog["total"] as? [Int] == [1, 0, 2, 2])
        }
    }

    @Test("the assistant's sessions: deflection rate and the articles shown without answering, in the table and in JSON")
    func assistant() async throws {
        try await Self.withDataSet(.memory) { desk in
            var report = try await desk.tickets.report(Self.november())
            let start = ReportDataSet.now.addingTimeInterval(-3600)
            var answered = AssistantSession(workflowID: "technical-support", requester: "ana@example.com", language: "pt", startedAt: start)
            answered.show(["har-file", "clear-cache-incognito", "screenshot-and-recording"], at: start)
            answered.open("har-file", at: start)
            answered.end(.answered, at: start)
            var handedOff = AssistantSession(workflowID: "technical-support", requester: "bia@example.com", language: "es", startedAt: start)
            handedOff.show(["clear-cache-incognito", "har-file"], at: start)
            handedOff.end(.handoff, at: start)
            var open = AssistantSession(workflowID: "technical-support", requester: "caio@example.com", language: "en", startedAt: start)
            open.show(["ticket-statuses"], at: start)
            report.assistant = AssistantStats([answered, handedOff, open], at: ReportDataSet.now)

            let table = try ReportFormat.table.render(report)
            #expect(table.hasSuffix("""
                Assistant sessions: 3 (answered without a ticket 1, handed off 1, abandoned 0, in progress 1); deflection rate 50%
                Articles most often shown without answering: clear-cache-incognito (2 of 2), har-file (1 of 2), screenshot-and-recording (1 of 1)

                """))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(try ReportFormat.json.render(report).utf8)) as? [String: Any])
            let assistant = try #require(json["assistant"] as? [String: Any])
            #expect(assistant["sessions"] as? Int == 3)
            #expect(assistant["answered"] as? Int == 1)
            #expect(assistant["deflection_rate"] as? Double == 0.5)
            #expect((assistant["articles_not_answering"] as? [[String: Any]])?.first?["id"] as? String == "clear-cache-incognito")

            report.assistant = AssistantStats([], at: ReportDataSet.now)
            #expect(try ReportFormat.table.render(report).hasSuffix("Assistant: no session in the period\n"))
        }
    }

    @Test("an empty period, an unknown team and a requester are refused with their messages")
    func refusals() async throws {
        try await AgentDesk.with(.memory) { desk in
            let empty = ReportRequest(from: LocalDate(iso: "2026-12-01"), to: LocalDate(iso: "2026-12-01"), now: ReportDataSet.now)
            await #expect(throws: ReportFailure.emptyPeriod(from: LocalDate(iso: "2026-12-01")!, to: LocalDate(iso: "2026-12-01")!)) {
                try await desk.tickets.report(empty)
            }
            #expect(ReportFailure.emptyPeriod(from: LocalDate(iso: "2026-12-01")!, to: LocalDate(iso: "2026-11-01")!).description
                    == "the period is empty: --from 2026-12-01 must be before --to 2026-11-01 (--to is the first day after the period)")
            do {
                _ = try await desk.tickets.report(ReportRequest(team: "tecnical", now: ReportDataSet.now))
                Issue.record("an unknown team was accepted")
            } catch let failure as ReportFailure {
                #expect(failure.description == "unknown team 'tecnical'; did you mean 'technical'?")
            }
            #expect(throws: ReportFailure.badDate(option: "--from", text: "2026-11-31")) {
                try ReportRequest.date("2026-11-31", option: "--from")
            }
            #expect(ReportFailure.badDate(option: "--to", text: "soon").description
                    == "--to 'soon' is not a date; write it as YYYY-MM-DD (for example 2026-11-01)")
            #expect(try await desk.tickets.authorizeReport(nil) == nil)   // no agents yet: anyone
            try await desk.addUser("bia@desk.example", teams: ["technical"])
            try await desk.addUser("ana@example.com", role: .requester)
            try await desk.addUser("root@desk.example", role: .admin)
            #expect(try await desk.tickets.authorizeReport("Bia@Desk.example") == "bia@desk.example")
            #expect(try await desk.tickets.authorizeReport("root@desk.example") == "root@desk.example")
            let refusals: [(String?, String)] = [
                (nil, "reports are for agents and admins: name who reads it with --user EMAIL (or FORMRUNNER_USER); "
                    + "add an agent with: formrunner users add EMAIL --name NAME --role agent --team TEAM"),
                ("ana@example.com", "ana@example.com is a requester; reports are for agents and admins: "
                    + "formrunner users update ana@example.com --role agent --team TEAM"),
                ("who@desk.example", "there is no user who@desk.example; reports are for agents and admins: "
                    + "formrunner users add who@desk.example --name NAME --role agent --team TEAM"),
            ]
            for (person, message) in refusals {
                await #expect(throws: TicketDesk.Failure.notAuthorized(message)) { try await desk.tickets.authorizeReport(person) }
            }
        }
    }

    @Test("without dates the report covers the current month of the desk's time zone; one date spans a month")
    func defaultPeriod() async throws {
        try await AgentDesk.with(.memory) { desk in
            // 2026-12-01 01:00 UTC is still November 30 in São Paulo.
            let early = try await desk.tickets.report(ReportRequest(now: AgentDesk.instant("2026-12-01T01:00:00Z")))
            #expect("\(early.fromDate) \(early.toDate)" == "2026-11-01 2026-12-01")
            let from = try await desk.tickets.report(ReportRequest(from: LocalDate(iso: "2026-01-31"), now: ReportDataSet.now))
            #expect("\(from.fromDate) \(from.toDate)" == "2026-01-31 2026-02-28")
            let to = try await desk.tickets.report(ReportRequest(to: LocalDate(iso: "2026-03-01"), now: ReportDataSet.now))
            #expect("\(to.fromDate) \(to.toDate)" == "2026-02-01 2026-03-01")
            #expect(to.lines.isEmpty)
            #expect(try ReportFormat.table.render(to).contains("Satisfaction: no survey answers in the period\n"))
        }
    }
}
