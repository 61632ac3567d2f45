import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerDesk

/// `formrunner tickets …`: file, list, show, search and move tickets.
struct Tickets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickets",
        abstract: "File tickets and move them through their life cycle.",
        subcommands: [Create.self, List.self, Show.self, Search.self, Transition.self, Assign.self, Take.self, Unassign.self,
                      Priority.self, WhyDue.self, Reply.self, Note.self, Merge.self, Import.self]
    )
}

extension Tickets {
    /// `tickets create`: the non-interactive way to file a ticket.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "File a ticket from answers in a file (YAML or JSON) and/or --set field=value.",
            discussion: "Every missing or invalid answer is listed at once, by field id. `formrunner forms show ID --json` tells what to send."
        )

        @OptionGroup var global: GlobalOptions
        @Option(help: "The form id, e.g. technical.intake.") var form: String
        @Option(help: ArgumentHelp("A YAML or JSON file mapping field ids to answers.", valueName: "file")) var answers: String?
        @Option(name: .customLong("set"), help: ArgumentHelp("An answer, field=value (repeat for lists).", valueName: "field=value"))
        var settings: [String] = []
        @Option(help: "The requester's e-mail address.") var requester: String
        @Option(help: "The requester's name.") var name: String?
        @Option(help: "The account (store) the ticket is about.") var account: String?
        @Option(help: "The entry flow the ticket is filed through.") var workflow: String?
        @OptionGroup var language: LanguageOption
        @Flag(help: "Print the ticket as JSON.") var json = false
        @Option(help: ArgumentHelp(
            "A key of this submission: a second create with the same key (and requester) is refused however late. Without it, the same answers are refused for 10 minutes (env FORMRUNNER_DUPLICATE_WINDOW).",
            valueName: "key"))
        var idempotencyKey: String?

        func validate() throws {
            if answers == nil && settings.isEmpty { throw ValidationError("give the answers with --answers FILE and/or --set field=value") }
            for setting in settings where AnswersFile.setting(setting) == nil {
                throw ValidationError("'\(setting)' is not field=value")
            }
        }

        func run() async throws {
            let session = try await DeskSession(global, delivering: true)
            let raw = try AnswerInput.read(file: answers, settings: settings)
            let ticket = try await session.tickets.create(formID: form, answers: raw,
                                                          requester: Requester(email: requester, name: name),
                                                       workflowID: workflow, account: account, idempotencyKey: idempotencyKey,
                                                       language: language.requested, at: session.now)
            await session.deliver()
            if json {
                Output.print(try Output.json(TicketText.document(ticket, session: session, full: true)))
            } else {
                Output.print("Ticket \(ticket.number) created: \(ticket.title) [\(session.label(ticket))]\n")
            }
        }
    }

    /// `tickets list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List tickets, newest first, optionally in one status.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only tickets in this status (id or label, e.g. open or \"Awaiting your reply\").") var status: String?
        @Option(help: "How many tickets per page.") var limit: Int = 20
        @Option(help: "The page to show, counting from 1.") var page: Int = 1
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000") }
            guard page >= 1 else { throw ValidationError("--page counts from 1") }
        }

        func run() async throws {
            let session = try await DeskSession(global, delivering: false)
            let statusID = try status.map(session.statusID)
            var before: Int64?
            var tickets: [Ticket] = []
            for _ in 1...page {
                tickets = try await session.store.list(status: statusID, before: before, limit: limit)
                before = tickets.last?.number
                if tickets.isEmpty { break }
            }
            let total = try await session.store.count(status: statusID)
            if json {
                let documents = tickets.map { TicketText.document($0, session: session, full: false) }
                Output.print(try Output.json(TicketText.Page(tickets: documents, page: page, limit: limit, total: total)))
                return
            }
            Output.print(TicketText.table(tickets, session: session))
            let pages = max(1, (total + limit - 1) / limit)
            Output.printError("page \(page) of \(pages) · \(total) ticket(s)\(statusID.map { " in \(session.label(status: $0))" } ?? "")\n")
        }
    }

    /// `tickets show ID`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one ticket with its answers and whole history.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The ticket number.") var number: Int64
        @Flag(help: "Print JSON.") var json = false
        @Option(name: .customLong("reveal-secrets"), help: ArgumentHelp(
            "Show the secret answers to this person: an agent of the ticket's team or an admin. The reveal is written into the ticket's history.",
            valueName: "email"))
        var revealTo: String?
        @OptionGroup var language: LanguageOption
        @Option(name: .customLong("as"), help: ArgumentHelp(
            "Whose view: agent (everything, internal notes marked) or requester (no internal notes, agent-only lines, agents' e-mails, team, priority, assignee or SLA).",
            valueName: "viewer"))
        var viewer: Viewer = .agent

        /// Who reads the ticket.
        enum Viewer: String, ExpressibleByArgument, CaseIterable {
            case agent, requester
        }

        func run() async throws {
            let session = try await DeskSession(global, delivering: false)
            guard var ticket = try await session.store.ticket(number) else { throw TicketDesk.Failure.notFound(number) }
            if let revealTo {
                let address = UserRecord.normalizedEmail(revealTo)
                guard let agent = try await session.desk.identity().directory.user(email: address) else {
                    throw CommandFailure("there is no user with the e-mail \(address)")
                }
                ticket = try await session.tickets.revealSecrets(of: number, to: agent, at: Date())
            }
            var history = try await session.store.history(number)
            var outbox = try await session.store.outbox(for: number)
            if viewer == .requester {
                // What the requester's own pages show: no internal notes or agent-only lines, no e-mails
                // to agents, nothing of the desk's inner workings (team, priority, assignee, SLA clock).
                history = history.requesterView.map { entry in
                    var shown = entry
                    shown.person = nil   // the requester's pages say "support", not who
                    return shown
                }
                outbox = outbox.filter { $0.recipient == .requester }
                ticket.team = nil
                ticket.priority = nil
                ticket.assignee = nil
                ticket.sla = nil
                ticket.timers.removeAll { $0.event == TicketDesk.slaWarning || $0.event == TicketDesk.slaBreach }
            }
            // Labels in --lang, else the environment's language, else the requester's.
            let shown = language.requested ?? ticket.language ?? "en"
            if json {
                Output.print(try Output.json(TicketDocument(ticket, statusLabel: session.label(ticket, in: shown), history: history,
                                                            outbox: outbox,
                                                            survey: TicketText.survey(of: ticket, history: history, session: session))))
            } else {
                Output.print(TicketText.details(ticket, history: history, outbox: outbox, session: session,
                                                revealed: revealTo != nil, language: shown))
            }
        }
    }

    /// `tickets search TEXT`.
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "search", abstract: "Find tickets by number or by words in their title and answers.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "A ticket number, or words that must all appear.") var text: String
        @Option(help: "At most this many results.") var limit: Int = 20
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let session = try await DeskSession(global, delivering: false)
            let found = try await session.store.search(text, limit: limit)
            if json {
                Output.print(try Output.json(found.map { TicketText.document($0, session: session, full: false) }))
            } else if found.isEmpty {
                Output.printError("no ticket matches '\(text.terminalSafe)'\n")
            } else {
                Output.print(TicketText.table(found, session: session))
            }
        }
    }

    /// `tickets transition ID EVENT --as ACTOR`.
    struct Transition: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "transition",
            abstract: "Fire an event on a ticket (ask, reply, solve, …) as the requester, an agent or the system.",
            discussion: """
            Refused events exit 1 with the reason. The events and who may fire them come from the life cycle. \
            Once the desk has agents (users add EMAIL --role agent --team T), an agent's or the system's event \
            names the person with --user EMAIL (or FORMRUNNER_USER): an agent of the ticket's team or an admin.
            """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var acting: ActingUser
        @Argument(help: "The ticket number.") var number: Int64
        @Argument(help: "The event, e.g. solve.") var event: String
        @Option(name: .customLong("as"), help: "Who fires it: requester, agent or system.") var actor: Actor
        @Option(help: "A message that goes with the event (a reply, a question).") var message: String?
        @Flag(help: "Print the ticket as JSON.") var json = false

        func run() async throws {
            let session = try await DeskSession(global, delivering: true)
            do {
                let report = try await session.tickets.transition(number, event: event, by: actor, person: acting.email,
                                                                    message: message, at: session.now)
                await session.deliver()
                if json {
                    Output.print(try Output.json(TicketText.document(report.ticket, session: session, full: true)))
                } else {
                    let change = report.outcome.history.last
                    let from = change?.from.map { session.label(status: $0) } ?? ""
                    Output.print("Ticket \(number): \(event) — \(from) → \(session.label(report.ticket))\n")
                }
            } catch {
                await session.deliver()
                throw error
            }
        }
    }
}

extension Actor: ExpressibleByArgument {}
