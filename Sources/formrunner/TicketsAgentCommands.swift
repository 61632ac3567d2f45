import ArgumentParser
import Foundation
import FormrunnerCore

extension Tickets {
    /// `tickets assign N --to EMAIL`.
    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign", abstract: "Give a ticket to an agent of its team (or an admin); they are e-mailed.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var acting: ActingUser
        @Argument(help: "The ticket number.") var number: Int64
        @Option(help: ArgumentHelp("The agent's e-mail.", valueName: "email")) var to: String

        func run() async throws {
            let session = try await DeskSession(global, delivering: true)
            let ticket = try await session.tickets.assign(number, to: to, by: acting.email, at: session.now)
            await session.deliver()
            Output.print("Ticket \(number) assigned to \(ticket.assignee ?? to)\n")
        }
    }

    /// `tickets take N`.
    struct Take: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "take", abstract: "Assign a ticket to yourself (--user or FORMRUNNER_USER).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var acting: ActingUser
        @Argument(help: "The ticket number.") var number: Int64

        func run() async throws {
            guard let email = acting.email else {
                throw CommandFailure("say who takes ticket \(number) with --user EMAIL (or FORMRUNNER_USER)")
            }
            let session = try await DeskSession(global, delivering: true)
            let ticket = try await session.tickets.assign(number, to: email, by: email, at: session.now)
            await session.deliver()
            Output.print("Ticket \(number) assigned to \(ticket.assignee ?? email)\n")
        }
    }

    /// `tickets unassign N`.
    struct Unassign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unassign", abstract: "Take a ticket from its agent; it waits in its team's queue.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var acting: ActingUser
        @Argument(help: "The ticket number.") var number: Int64

        func run() async throws {
            let session = try await DeskSession(global, delivering: true)
            _ = try await session.tickets.assign(number, to: nil, by: acting.email, at: session.now)
            Output.print("Ticket \(number) is no longer assigned\n")
        }
    }

    /// `tickets priority N PRIORITY --reason TEXT`.
    struct Priority: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "priority",
            abstract: "Change a ticket's priority, with the reason (kept in its history); its SLA clock follows.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var acting: ActingUser
        @Argument(help: "The ticket number.") var number: Int64
        @Argument(help: "The new priority id, e.g. urgent.") var priority: String
        @Option(help: "Why the priority changes.") var reason: String

        func run() async throws {
            let session = try await DeskSession(global, delivering: true)
            let ticket = try await session.tickets.setPriority(number, to: priority, reason: reason, by: acting.email,
                                                               at: session.now)
            await session.deliver()
            let label = session.catalog.priorities?.level(priority)?.label.english ?? priority
            var line = "Ticket \(number): priority \(label)"
            if let due = ticket.sla?.dueAt { line += ", reply due \(TicketText.stamp(due))" }
            Output.print(line + "\n")
        }
    }

    /// `tickets why-due N`.
    struct WhyDue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "why-due",
            abstract: "Explain a ticket's SLA due instant: each working interval counted, each day skipped, each pause.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The ticket number.") var number: Int64

        func run() async throws {
            let session = try await DeskSession(global, delivering: false)
            guard let ticket = try await session.store.ticket(number) else { throw TicketDesk.Failure.notFound(number) }
            Output.print(try session.tickets.explainDue(ticket))
        }
    }
}
