import ArgumentParser
import Foundation
import FormrunnerCore

extension ReportFormat: ExpressibleByArgument {}

/// `formrunner report`: the desk manager's figures for a period.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Tickets opened, solved and closed per team and priority; first response; SLA; reopen rate; backlog; satisfaction.",
        discussion: """
        The period is [--from, --to): local dates in the desk's time zone, --to being the first day after \
        it. Without them, the current month; one of them alone spans a month. First responses are counted \
        in working hours of each team's calendar, over the tickets opened in the period. For agents and \
        admins (--user or FORMRUNNER_USER once the desk has agents).
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var acting: ActingUser
    @Option(help: ArgumentHelp("The first day of the period (YYYY-MM-DD).", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("The first day after the period (YYYY-MM-DD).", valueName: "date")) var to: String?
    @Option(help: ArgumentHelp("Only this team's tickets.", valueName: "team")) var team: String?
    @Option(help: "table, json or csv.") var format: ReportFormat = .table

    func validate() throws {
        do {
            let start = try from.map { try ReportRequest.date($0, option: "--from") }
            let end = try to.map { try ReportRequest.date($0, option: "--to") }
            if let start, let end, start >= end { throw ReportFailure.emptyPeriod(from: start, to: end) }
        } catch let failure as ReportFailure {
            throw ValidationError(failure.description)
        }
    }

    func run() async throws {
        let session = try await DeskSession(global, delivering: false)
        _ = try await session.tickets.authorizeReport(acting.email)
        let request = ReportRequest(from: try from.map { try ReportRequest.date($0, option: "--from") },
                                    to: try to.map { try ReportRequest.date($0, option: "--to") },
                                    team: team, now: session.now)
        do {
            var report = try await session.tickets.report(request)
            report.assistant = try await assistant(session, from: report.from, to: report.to, team: team)
            Output.print(try format.render(report))
        } catch let failure as ReportFailure {
            throw CommandFailure(failure.description)
        }
    }

    /// The assistant's sessions started in `[from, to)` (of the flows of `team`, when given), nil
    /// when the store keeps none.
    private func assistant(_ session: DeskSession, from: Date, to: Date, team: String?) async throws -> AssistantStats? {
        guard let store = session.desk.assistantSessions else { return nil }
        let sessions = try await store.assistantSessions(from: from, to: to).filter { found in
            team == nil || session.catalog.workflows[found.workflowID]?.team == team
        }
        return AssistantStats(sessions, at: session.now)
    }
}
