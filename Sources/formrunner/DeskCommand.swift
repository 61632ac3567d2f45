import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerPrompt

/// `formrunner desk`: the agent's desk in the terminal, on the queue.
struct DeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desk",
        abstract: "Work the queue in the terminal: open a ticket, reply or note in $EDITOR, solve, take, assign, next.",
        discussion: """
        The queue (the nearest SLA due first, as formrunner queue shows it): ↑/↓ choose, Enter opens, g refreshes, \
        q quits. On a ticket: r public reply and n internal note (written in $VISUAL or $EDITOR, else vi; an empty \
        text cancels; r first offers the canned replies of Workflows/macros.yaml, in the requester's language, to start \
        from), s solve, t take, a assign to an e-mail, Tab the next ticket of the queue, ↑/↓ scroll, \
        Esc back to the queue. Who acts is --user (or FORMRUNNER_USER).
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var acting: ActingUser
    @Option(help: ArgumentHelp("Only this team's tickets (repeatable).", valueName: "team")) var team: [String] = []
    @Flag(help: "Only tickets assigned to you.") var mine = false
    @Flag(help: "Only tickets assigned to nobody.") var unassigned = false

    func validate() throws {
        if mine, unassigned { throw ValidationError("--mine and --unassigned exclude each other: choose one") }
    }

    func run() async throws {
        guard FullScreen.isAvailable else {
            throw CommandFailure("formrunner desk needs a terminal; in scripts use formrunner queue and tickets reply|note|transition|take")
        }
        let session = try await DeskSession(global, delivering: true)
        let request = TicketDesk.QueueRequest(teams: team, mine: mine, unassigned: unassigned, limit: 200)
        // Refusals of the queue itself (an unknown team, a requester) are told before the screen opens.
        _ = try await session.tickets.queue(request, for: acting.email, at: session.desk.now())
        try await DeskScreen(session: session, person: acting.email, request: request).run()
    }
}
