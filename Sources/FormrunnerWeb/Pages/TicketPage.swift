import Foundation
import FormrunnerCore

/// One ticket as its requester sees it: status, answers, public history, e-mails, a reply box.
/// Internal notes and the desk's agent-only lines are never shown (``HistoryEntry/requesterView``);
/// a merged ticket says where it went, and its reply box writes to that ticket.
struct TicketPage {
    let catalog: Catalog
    let language: String
    let csrf: String

    func body(_ ticket: Ticket, history: [HistoryEntry], mail: [OutboxMessage]) -> String {
        let lifecycle = catalog.lifecycles[ticket.lifecycleID]
        let status = lifecycle?.status(ticket.status)
        var html = "<h1>#\(ticket.number) \(HTML.escape(ticket.title))</h1>"
        html += "<p class=\"status\">\(PageText.status.text(language)): <strong>\(HTML.escape(status?.label.text(in: language) ?? ticket.status))</strong></p>"
        if let description = status?.description?.text(in: language) { html += "<p class=\"help\">\(HTML.escape(description))</p>" }
        if let target = ticket.mergedInto {
            html += "<p role=\"status\">" + PageText.mergedNotice.text(language, "<a href=\"/tickets/\(target)\">#\(target)</a>") + "</p>"
        }
        html += answers(ticket)
        html += "<h2>\(PageText.history.text(language))</h2><ol class=\"history\">"
        for entry in history.requesterView {
            html += "<li>\(HistoryPage.date(entry.at)) — \(HTML.escape(describe(entry, lifecycle: lifecycle)))"
            let isMergeLine = entry.event == TicketDesk.mergeEvent || entry.event == TicketDesk.mergedHereEvent
            if !isMergeLine, let message = entry.message, !message.isEmpty {
                html += "<blockquote>\(HTML.multiline(message))</blockquote>"
            }
            html += "</li>"
        }
        html += "</ol>"
        if !mail.isEmpty {
            html += "<h2>\(PageText.emailsSent.text(language))</h2>"
            for message in mail {
                html += "<details><summary>\(HistoryPage.date(message.createdAt)) — \(HTML.escape(message.subject))</summary>"
                    + "<pre>\(HTML.escape(message.body))</pre></details>"
            }
        }
        html += "<h2>\(PageText.yourReply.text(language))</h2>"
        if status?.isFinal == true, ticket.mergedInto == nil {
            html += "<p><a href=\"/\">\(PageText.openNewTicket.text(language))</a></p>"
        }
        html += "<form method=\"post\" action=\"/tickets/\(ticket.mergedInto ?? ticket.number)/reply\">\(csrf)"
        html += "<div class=\"field\"><label for=\"message\">\(PageText.yourReply.text(language))</label>"
        html += "<textarea id=\"message\" name=\"message\" rows=\"5\"></textarea></div>"
        html += "<button type=\"submit\">\(PageText.sendReply.text(language))</button></form>"
        return html
    }

    /// The answers under their labels; files as download links; internal answers (`_…`) left out.
    private func answers(_ ticket: Ticket) -> String {
        "<h2>\(PageText.answers.text(language))</h2>"
            + AnswerList(catalog: catalog, language: language)
                .html(ticket, filesPath: "/tickets/\(ticket.number)/files", masksSecretFields: false)
    }

    /// One history line in words: who did what, and the status it led to.
    private func describe(_ entry: HistoryEntry, lifecycle: LifecycleDefinition?) -> String {
        // The other ticket's number, from the line's `merged into #M` or `#N merged here`.
        let other = entry.message.flatMap { message -> Int64? in
            guard let hash = message.firstIndex(of: "#") else { return nil }
            return Int64(String(message[message.index(after: hash)...].prefix(while: \.isNumber)))
        }
        if entry.event == TicketDesk.mergeEvent, let other { return PageText.mergedInto.text(language, "#\(other)") }
        if entry.event == TicketDesk.mergedHereEvent, let other {
            return PageText.mergedHere.text(language, "#\(other)")
        }
        let transition = lifecycle?.transitions.first { $0.event == entry.event }
        let what = entry.event == "create" ? PageText.created.text(language) : (transition?.label?.text(in: language) ?? entry.event)
        let to = lifecycle?.status(entry.to)?.label.text(in: language) ?? entry.to
        let who = switch entry.actor {
        case .requester: PageText.byYou.text(language)
        case .agent: PageText.bySupport.text(language)
        case .system: PageText.byDesk.text(language)
        }
        return entry.from == entry.to ? "\(what) (\(who))" : "\(what) (\(who)) → \(to)"
    }
}
