import Foundation
import FormrunnerCore

/// The Request History: search by ticket ID, filter by status, the requester's tickets.
struct HistoryPage {
    let catalog: Catalog
    let language: String

    /// Every status of the catalog's life cycles, once each, in their order.
    private var statuses: [StatusDefinition] {
        var seen: Set<String> = []
        return catalog.lifecycles.keys.sorted().flatMap { catalog.lifecycles[$0]?.statuses ?? [] }
            .filter { seen.insert($0.id).inserted }
    }

    func statusLabel(_ ticket: Ticket) -> String {
        catalog.lifecycles[ticket.lifecycleID]?.status(ticket.status)?.label.text(in: language) ?? ticket.status
    }

    func body(_ tickets: [Ticket], search: String, status: String?) -> String {
        var html = "<h1>\(PageText.requestHistory.text(language))</h1>"
        html += "<form method=\"get\" action=\"/history\" class=\"filters\" role=\"search\">"
        html += "<div class=\"field\"><label for=\"q\">\(PageText.searchByID.text(language))</label>"
        html += "<input type=\"search\" id=\"q\" name=\"q\" inputmode=\"numeric\"\(HTML.attribute("value", search))></div>"
        html += "<div class=\"field\"><label for=\"status\">\(PageText.status.text(language))</label><select id=\"status\" name=\"status\">"
        html += "<option value=\"\">\(PageText.allStatuses.text(language))</option>"
        for option in statuses {
            html += "<option\(HTML.attribute("value", option.id))\(option.id == status ? " selected" : "")>"
                + "\(HTML.escape(option.label.text(in: language)))</option>"
        }
        html += "</select></div><button type=\"submit\">\(PageText.search.text(language))</button></form>"
        guard !tickets.isEmpty else { return html + "<p role=\"status\">\(PageText.noTickets.text(language))</p>" }
        html += "<table><thead><tr><th scope=\"col\">\(PageText.ticketColumn.text(language))</th>"
        html += "<th scope=\"col\">\(PageText.titleColumn.text(language))</th><th scope=\"col\">\(PageText.statusColumn.text(language))</th>"
        html += "<th scope=\"col\">\(PageText.updatedColumn.text(language))</th></tr></thead><tbody>"
        for ticket in tickets {
            html += "<tr><td><a href=\"/tickets/\(ticket.number)\">#\(ticket.number)</a></td><td>\(HTML.escape(ticket.title))</td>"
            html += "<td>\(HTML.escape(statusLabel(ticket)))</td><td>\(Self.date(ticket.updatedAt))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    /// An instant as `2026-12-03 14:05 UTC`, machine-readable in a `time` element.
    static func date(_ instant: Date) -> String {
        let iso = instant.formatted(.iso8601)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return "<time datetime=\"\(iso)\">\(formatter.string(from: instant))</time>"
    }
}
