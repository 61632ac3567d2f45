import Foundation
import FormrunnerCore

/// One ticket as an agent sees it (`/desk/tickets/N`): where it stands (team, priority, assignee,
/// SLA), the answers, the whole history with the desk's own lines and internal notes, every e-mail
/// sent, and the actions, each a form with the session's CSRF token.
struct DeskTicketPage {
    let catalog: Catalog
    let csrf: String
    let user: UserRecord
    /// The agents (and admins) of the ticket's team, who it can be assigned to.
    let teamAgents: [String]
    let now: Date
    /// The page's language.
    let language: String

    func body(_ ticket: Ticket, history: [HistoryEntry], mail: [OutboxMessage]) -> String {
        let lifecycle = catalog.lifecycles[ticket.lifecycleID]
        let entry = QueueEntry.page(ticket, catalog: catalog, at: now, language: language)
        var html = "<p><a href=\"/desk\">\(DeskText.backToQueue.text(language))</a></p><h1>#\(ticket.number) \(HTML.escape(ticket.title))</h1><dl class=\"ticket-facts\">"
        let team = ticket.team.map { catalog.teams[$0]?.label.text(in: language) ?? $0 }
        let facts: [(DeskText, String)] = [
            (.status, entry.statusLabel), (.team, team ?? "—"), (.priority, entry.priorityLabel ?? entry.priority ?? "—"),
            (.assignee, ticket.assignee ?? "—"), (.slaDue, entry.due),
            (.requester, ticket.requester.name.map { "\($0) <\(ticket.requester.email)>" } ?? ticket.requester.email),
        ]
        for (name, value) in facts { html += "<div><dt>\(HTML.escape(name.text(language)))</dt><dd>\(HTML.escape(value))</dd></div>" }
        html += "</dl>"
        html += actions(ticket, lifecycle: lifecycle)
        html += answers(ticket)
        html += "<h2>\(DeskText.history.text(language))</h2><ol class=\"history\">"
        for line in history {
            let internalNote = line.isInternal
            html += "<li\(internalNote ? " class=\"internal\"" : "")>\(HistoryPage.date(line.at)) — \(HTML.escape(describe(line, lifecycle: lifecycle)))"
            if let message = line.message, !message.isEmpty { html += "<blockquote>\(HTML.multiline(message))</blockquote>" }
            html += "</li>"
        }
        html += "</ol>"
        if !mail.isEmpty {
            html += "<h2>\(DeskText.emailsSent.text(language))</h2>"
            for message in mail {
                html += "<details><summary>\(HistoryPage.date(message.createdAt)) — \(HTML.escape(DeskText.sentTo.text(language, message.address))): "
                    + "\(HTML.escape(message.subject))</summary><pre>\(HTML.escape(message.body))</pre></details>"
            }
        }
        return html
    }

    /// The actions: public reply, internal note, the life cycle's other agent events from the
    /// current status (ask, solve…), assignment and priority.
    private func actions(_ ticket: Ticket, lifecycle: LifecycleDefinition?) -> String {
        let base = "/desk/tickets/\(ticket.number)"
        var html = "<section class=\"actions\" aria-labelledby=\"actions\"><h2 id=\"actions\">\(DeskText.actions.text(language))</h2>"
        let reply = lifecycle.flatMap(TicketDesk.publicReplyEvent(of:))
        if let reply, reply.starts(from: ticket.status) {
            html += textForm(base + "/reply", id: "reply", label: DeskText.replyLabel.text(language), button: DeskText.sendReply.text(language))
        }
        // The internal-note action (issue 13 item 6, merged from the agent-work branch): agents only.
        html += textForm(base + "/note", id: "note", label: DeskText.noteLabel.text(language), button: DeskText.addNote.text(language))
        for transition in lifecycle?.transitions ?? [] where transition.actors.contains(.agent) && transition.timer == nil
            && transition.event != reply?.event && transition.starts(from: ticket.status) {
            let label = transition.label?.text(in: language) ?? transition.event
            html += textForm(base + "/event/" + transition.event, id: "event-" + transition.event,
                             label: DeskText.eventLabel.text(language, label), button: label)
        }
        html += "<form method=\"post\" action=\"\(base)/assign\" class=\"inline\">\(csrf)"
        if ticket.assignee != user.email { html += "<button type=\"submit\" name=\"to\" value=\"\(HTML.escape(user.email))\">\(DeskText.take.text(language))</button>" }
        if ticket.assignee != nil { html += "<button type=\"submit\" name=\"to\" value=\"\">\(DeskText.unassign.text(language))</button>" }
        html += "</form>"
        let others = teamAgents.filter { $0 != ticket.assignee }
        if !others.isEmpty {
            html += "<form method=\"post\" action=\"\(base)/assign\">\(csrf)<div class=\"field\"><label for=\"assign-to\">\(DeskText.assignTo.text(language))</label>"
            html += "<select id=\"assign-to\" name=\"to\">"
            for agent in others { html += "<option value=\"\(HTML.escape(agent))\">\(HTML.escape(agent))</option>" }
            html += "</select></div><button type=\"submit\">\(DeskText.assign.text(language))</button></form>"
        }
        if let scheme = catalog.priorities {
            html += "<form method=\"post\" action=\"\(base)/priority\">\(csrf)<div class=\"field\"><label for=\"priority\">\(DeskText.priority.text(language))</label>"
            html += "<select id=\"priority\" name=\"priority\">"
            for level in scheme.levels {
                let selected = level.id == ticket.priority ? " selected" : ""
                html += "<option value=\"\(HTML.escape(level.id))\"\(selected)>\(HTML.escape(level.label.text(in: language)))</option>"
            }
            html += "</select></div><div class=\"field\"><label for=\"priority-reason\">\(DeskText.priorityReason.text(language))</label>"
            html += "<input id=\"priority-reason\" name=\"reason\" type=\"text\" required></div>"
            html += "<button type=\"submit\">\(DeskText.changePriority.text(language))</button></form>"
        }
        return html + "</section>"
    }

    private func textForm(_ action: String, id: String, label: String, button: String) -> String {
        "<form method=\"post\" action=\"\(HTML.escape(action))\">\(csrf)<div class=\"field\"><label for=\"\(id)\">\(HTML.escape(label))</label>"
            + "<textarea id=\"\(id)\" name=\"message\" rows=\"4\"></textarea></div><button type=\"submit\">\(HTML.escape(button))</button></form>"
    }

    /// The answers under their labels; files as downloads for agents; secret answers masked.
    private func answers(_ ticket: Ticket) -> String {
        "<h2>\(DeskText.answers.text(language))</h2>"
            + AnswerList(catalog: catalog, language: language)
                .html(ticket, filesPath: "/desk/tickets/\(ticket.number)/files", masksSecretFields: true)
    }

    /// One history line for agents: when, who (the person when named), what, and the status it led to.
    private func describe(_ entry: HistoryEntry, lifecycle: LifecycleDefinition?) -> String {
        let what: String
        switch entry.event {
        case "create": what = DeskText.created.text(language)
        case HistoryEntry.noteEvent: what = DeskText.internalNote.text(language)
        case "assign": what = DeskText.assigned.text(language)
        case "unassign": what = DeskText.unassignedEvent.text(language)
        case "priority": what = DeskText.priorityChanged.text(language)
        case TicketDesk.slaWarning: what = DeskText.slaWarning.text(language)
        case TicketDesk.slaBreach: what = DeskText.slaBreached.text(language)
        default: what = lifecycle?.transitions.first { $0.event == entry.event }?.label?.text(in: language) ?? entry.event
        }
        let role = DeskText.actor(entry.actor).text(language)
        let who = entry.person.map { "\(role) \($0)" } ?? role
        let to = lifecycle?.status(entry.to)?.label.text(in: language) ?? entry.to
        return entry.from == entry.to || entry.from == nil && entry.event != "create" ? "\(what) (\(who))" : "\(what) (\(who)) → \(to)"
    }
}
