import ArgumentParser
import Foundation
import FormrunnerCore

/// `formrunner queue [--team T] [--mine] [--unassigned] [--breaching] [--json]`.
struct Queue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "The tickets waiting for agents, the nearest reply due (SLA) first.",
        discussion: """
        Tickets not in a final status, sorted by the reply they wait for: the first response's due \
        instant until an agent replied in public, then the next response's; tickets without a due \
        instant (paused, answered, no clock) last. Without --team an agent (--user or FORMRUNNER_USER) \
        sees the tickets of their teams, an admin or nobody named sees every team.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var acting: ActingUser
    @Option(help: ArgumentHelp("Only this team's tickets (repeatable).", valueName: "team")) var team: [String] = []
    @Flag(help: "Only tickets assigned to you (needs --user or FORMRUNNER_USER).") var mine = false
    @Flag(help: "Only tickets assigned to nobody.") var unassigned = false
    @Flag(help: "Only tickets whose SLA warning was reached or whose reply is overdue.") var breaching = false
    @Option(help: "How many tickets at most.") var limit: Int = 50
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard (1...1_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000") }
        if mine, unassigned { throw ValidationError("--mine and --unassigned exclude each other: choose one") }
    }

    func run() async throws {
        let session = try await DeskSession(global, delivering: false)
        let request = TicketDesk.QueueRequest(teams: team, mine: mine, unassigned: unassigned, breaching: breaching, limit: limit)
        let tickets = try await session.tickets.queue(request, for: acting.email, at: session.now)
        let entries = tickets.map { QueueEntry($0, catalog: session.catalog, at: session.now) }
        if json {
            Output.print(try Output.json(QueuePage(tickets: entries)))
            return
        }
        Output.print(Self.table(entries))
        Output.printError("\(entries.count) ticket(s) in the queue\(entries.count == limit ? " (the first \(limit); --limit shows more)" : "")\n")
    }

    /// `queue --json`: the entries, in the queue's order.
    struct QueuePage: Encodable {
        var tickets: [QueueEntry]
    }

    /// One line per ticket, aligned columns: number, priority, status, assignee, SLA due, title.
    static func table(_ entries: [QueueEntry]) -> String {
        guard !entries.isEmpty else { return "" }
        let header = ["#", "Priority", "Status", "Assignee", "SLA due", "Title"]
        let rows = entries.map { entry in
            ["\(entry.number)", entry.priorityLabel ?? entry.priority ?? "—", entry.statusLabel, entry.assignee ?? "—",
             (entry.breaching && !entry.due.hasPrefix("breached") ? "! " : "") + entry.due, entry.title.terminalSafe]
        }
        let widths = header.indices.dropLast().map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.indices.map { column in
                column == cells.count - 1 ? cells[column]
                    : column == 0 ? String(repeating: " ", count: widths[column] - cells[column].count) + cells[column]
                    : cells[column].padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
