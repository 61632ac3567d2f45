import ArgumentParser
import Foundation
import FormrunnerCore

extension Tickets {
    /// `tickets reply N --message TEXT | --file PATH | --macro ID`.
    struct Reply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reply",
            abstract: "Send the requester a public reply: e-mailed in the ticket's thread; it stops the first-response clock.",
            discussion: """
            The reply is the life cycle's public comment (the 'comment' event): the ticket keeps its status. \
            --macro ID renders a canned reply of Workflows/macros.yaml in the ticket's language. \
            To ask and wait for the requester, use: tickets transition N ask --as agent --message TEXT.
            """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var acting: ActingUser
        @Argument(help: "The ticket number.") var number: Int64
        @OptionGroup var text: ReplyText
        @Flag(help: "Print the ticket as JSON.") var json = false

        func run() async throws {
            let session = try await DeskSession(global, delivering: true)
            guard let ticket = try await session.store.ticket(number) else { throw TicketDesk.Failure.notFound(number) }
            let body = try await text.text(for: ticket, agent: acting.email, session: session)
            let report = try await session.tickets.reply(number, message: body, by: acting.email, at: session.now)
            await session.deliver()
            if json {
                Output.print(try Output.json(TicketText.document(report.ticket, session: session, full: true)))
            } else {
                Output.print("Ticket \(number): reply sent to \(report.ticket.requester.email) [\(session.label(report.ticket))]\n")
            }
        }
    }

    /// `tickets note N --message TEXT | --file PATH | --macro ID`.
    struct Note: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note",
            abstract: "Add an internal note: kept in the history for agents, never sent or shown to the requester.",
            discussion: "A note changes nothing else: not the status, not the SLA clocks, not the time the ticket was last updated.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var acting: ActingUser
        @Argument(help: "The ticket number.") var number: Int64
        @OptionGroup var text: ReplyText

        func run() async throws {
            let session = try await DeskSession(global, delivering: false)
            guard let ticket = try await session.store.ticket(number) else { throw TicketDesk.Failure.notFound(number) }
            let body = try await text.text(for: ticket, agent: acting.email, session: session)
            try await session.tickets.note(number, message: body, by: acting.email, at: session.now)
            Output.print("Ticket \(number): internal note added (not sent to the requester)\n")
        }
    }

    /// `tickets merge N --into M`.
    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge a duplicate ticket into another: it closes for good, and later e-mail to it lands on the other.",
            discussion: """
            Both histories keep the link ("merged into #M", "#N merged here"). Refused: a ticket into itself, \
            a closed or already merged ticket, tickets of different requesters or life cycles. The person \
            (--user) must be an agent of both tickets' teams, or an admin.
            """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var acting: ActingUser
        @Argument(help: "The duplicate ticket's number.") var number: Int64
        @Option(help: ArgumentHelp("The ticket it is merged into.", valueName: "number")) var into: Int64

        func run() async throws {
            let session = try await DeskSession(global, delivering: false)
            let report = try await session.tickets.merge(number, into: into, by: acting.email, at: session.now)
            Output.print("Ticket \(number) merged into ticket \(into) [\(session.label(report.merged))]\n")
        }
    }
}
