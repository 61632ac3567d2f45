import Foundation
import FormrunnerCore
import Hummingbird

extension Portal {
    /// The agents' pages under `/desk`: the queue and a ticket with its actions. Agents and admins
    /// sign in with the same pages as requesters; a requester (or anyone not signed in, for a POST)
    /// gets 404 on every `/desk` page, whatever the ticket. Every POST carries the CSRF token, and
    /// every action goes through the desk, which checks that the agent may act on the ticket
    /// (``TicketDesk/authorize(_:as:on:)``, as the command line does).
    func addDeskRoutes(to router: Router<PortalContext>) {
        router.get("/desk") { request, context in
            try await handle(request, context) { visit in
                guard let user = try staff(visit) else { return Self.redirect("/signin?next=/desk") }
                let query = request.uri.queryParameters
                let filters = DeskQueuePage.Filters(
                    team: query["team"].map(String.init).flatMap { $0.isEmpty ? nil : $0 },
                    view: query["view"].map(String.init).flatMap { ["mine", "unassigned"].contains($0) ? $0 : nil },
                    breaching: query["breaching"] == "1")
                let now = services.ticketClock()
                var entries: [QueueEntry] = []
                var refusal: String?
                do {
                    entries = try await services.desk.queue(filters.request, for: user.email, at: now)
                        .map { QueueEntry.page($0, catalog: services.catalog, at: now, language: visit.language) }
                } catch let failure as TicketDesk.Failure {
                    refusal = Self.fullStop(failure.description)
                }
                return page(&visit, title: DeskText.queue.text(visit.language), body: DeskQueuePage(catalog: services.catalog, language: visit.language)
                    .body(entries, filters: filters, user: user, refusal: refusal))
            }
        }
        router.get("/desk/tickets/:number") { request, context in
            try await handle(request, context) { visit in
                guard let user = try staff(visit) else {
                    return Self.redirect("/signin?next=" + Self.queryEscape(request.uri.path))
                }
                let ticket = try await deskTicket(context.parameters.get("number"))
                let store = services.desk.store
                var agents: [String] = []
                if let team = ticket.team {
                    agents = try await services.directory.staff().filter { $0.teams.contains(team) }.map(\.email)
                }
                let body = DeskTicketPage(catalog: services.catalog, csrf: csrfField(visit), user: user, teamAgents: agents,
                                          now: services.ticketClock(), language: visit.language)
                    .body(ticket, history: try await store.history(ticket.number), mail: try await store.outbox(for: ticket.number))
                return page(&visit, title: "#\(ticket.number) \(ticket.title)", body: body)
            }
        }
        router.get("/desk/tickets/:number/files/:sha") { request, context in
            try await handle(request, context) { visit in
                guard try staff(visit) != nil else { throw PortalRefusal.notFound }
                let ticket = try await deskTicket(context.parameters.get("number"))
                return try await download(ticket, sha256: context.parameters.get("sha") ?? "")
            }
        }
        deskAction(router, "reply") { desk, ticket, user, form, now, language in
            _ = try await desk.reply(ticket.number, message: String(form.text("message").prefix(20_000)), by: user.email, at: now)
            return DeskText.replySent.text(language)
        }
        deskAction(router, "note") { desk, ticket, user, form, now, language in
            try await desk.note(ticket.number, message: String(form.text("message").prefix(20_000)), by: user.email, at: now)
            return DeskText.noteAdded.text(language)
        }
        deskAction(router, "event/:event") { desk, ticket, user, form, now, language in
            let event = form.values["_event"]?.first ?? ""
            guard let lifecycle = desk.catalog.lifecycles[ticket.lifecycleID],
                  let transition = lifecycle.transitions.first(where: { $0.event == event }),
                  transition.actors.contains(.agent), transition.timer == nil else { throw PortalRefusal.notFound }
            let message = form.text("message")
            _ = try await desk.transition(ticket.number, event: event, by: .agent, person: user.email,
                                          message: message.isEmpty ? nil : String(message.prefix(20_000)), at: now)
            return DeskText.done.text(language, transition.label?.text(in: language) ?? event)
        }
        deskAction(router, "assign") { desk, ticket, user, form, now, language in
            let target = form.text("to")
            let changed = try await desk.assign(ticket.number, to: target.isEmpty ? nil : target, by: user.email, at: now)
            return changed.assignee.map { DeskText.assignedTo.text(language, String(ticket.number), $0) }
                ?? DeskText.noLongerAssigned.text(language, String(ticket.number))
        }
        deskAction(router, "priority") { desk, ticket, user, form, now, language in
            let changed = try await desk.setPriority(ticket.number, to: form.text("priority"), reason: form.text("reason"),
                                                     by: user.email, at: now)
            let label = changed.priority.flatMap { desk.catalog.priorities?.level($0)?.label.text(in: language) } ?? form.text("priority")
            return DeskText.priorityChangedTo.text(language, label)
        }
    }

    /// One action route, `POST /desk/tickets/:number/<path>`: staff only (else 404), the CSRF token
    /// checked, then `body`; the desk's refusals are shown on the ticket's page, which the browser is
    /// sent back to.
    private func deskAction(_ router: Router<PortalContext>, _ path: String,
                            _ body: @escaping @Sendable (TicketDesk, Ticket, UserRecord, FormBody, Date, String) async throws -> String) {
        router.post(RouterPath("/desk/tickets/:number/" + path)) { request, context in
            try await handle(request, context) { visit in
                guard let user = try staff(visit) else { throw PortalRefusal.notFound }
                var form = try await readForm(request, context: context, visit: visit)
                let ticket = try await deskTicket(context.parameters.get("number"))
                if let event = context.parameters.get("event") { form.values["_event"] = [event] }
                do {
                    let done = try await body(services.desk, ticket, user, form, services.ticketClock(), visit.language)
                    await deliverNow(ticket)
                    Self.flash(&visit, done)
                } catch let failure as TicketDesk.Failure {
                    Self.flash(&visit, Self.fullStop(failure.description), alert: true)
                } catch let failure as TicketStoreError {
                    Self.flash(&visit, Self.fullStop(failure.description), alert: true)
                }
                return Self.redirect("/desk/tickets/\(ticket.number)")
            }
        }
    }

    /// The signed-in agent or admin; `nil` when nobody is signed in; a requester is refused with 404
    /// (the desk's pages do not exist for them).
    func staff(_ visit: Visit) throws -> UserRecord? {
        guard let user = visit.user else { return nil }
        guard user.role != .requester else { throw PortalRefusal.notFound }
        return user
    }

    /// The desk's message with a full stop, its first letter as written (it often starts with an e-mail).
    static func fullStop(_ text: String) -> String {
        text.hasSuffix(".") || text.hasSuffix("?") ? text : text + "."
    }

    /// The ticket a `/desk` path names, or 404.
    private func deskTicket(_ text: String?) async throws -> Ticket {
        guard let text, let number = Int64(text), number > 0, let ticket = try await services.desk.store.ticket(number) else {
            throw PortalRefusal.notFound
        }
        return ticket
    }
}

extension FormBody {
    /// The first value of `name`, trimmed; "" when absent.
    func text(_ name: String) -> String {
        (first(name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
