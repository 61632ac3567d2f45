import Foundation
import FormrunnerCore

/// The agents' queue page (`/desk`): the filters as links, then the tickets in the queue's order
/// (the nearest SLA due first) with the same lines as `formrunner queue`.
struct DeskQueuePage {
    /// The filters of one queue view, read from and written to the page's query string.
    struct Filters: Hashable {
        /// `team=ID`; nil for the agent's own teams (an admin: every team).
        var team: String?
        /// `view=mine` or `view=unassigned`; nil for everyone's tickets.
        var view: String?
        /// `breaching=1`.
        var breaching = false

        /// The query string of these filters (`?team=…&view=…&breaching=1`), or "" for none.
        var query: String {
            var parts: [String] = []
            if let team { parts.append("team=" + Portal.queryEscape(team)) }
            if let view { parts.append("view=" + Portal.queryEscape(view)) }
            if breaching { parts.append("breaching=1") }
            return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
        }

        /// The desk's request for these filters.
        var request: TicketDesk.QueueRequest {
            TicketDesk.QueueRequest(teams: team.map { [$0] } ?? [], mine: view == "mine", unassigned: view == "unassigned",
                                    breaching: breaching, limit: 200)
        }
    }

    let catalog: Catalog
    /// The page's language.
    let language: String

    func body(_ entries: [QueueEntry], filters: Filters, user: UserRecord, refusal: String?) -> String {
        var html = "<h1>\(DeskText.queue.text(language))</h1>"
        html += "<p><a href=\"/desk/report\">\(DeskText.report.text(language))</a></p>"
        html += "<nav class=\"filters\" aria-label=\"\(HTML.escape(DeskText.queueFilters.text(language)))\"><ul>"
        let scope = (user.role == .admin ? DeskText.allTeams : DeskText.myTeams).text(language)
        var views: [(String, Filters)] = [(scope, Filters())]
        for team in catalog.teams.values.sorted(by: { $0.id < $1.id }) {
            views.append((team.label.text(in: language), Filters(team: team.id)))
        }
        for (label, target) in views {
            html += link(label, to: target, current: filters.team == target.team && target.view == nil)
        }
        html += "</ul><ul>"
        html += link(DeskText.everyones.text(language), to: Filters(team: filters.team, breaching: filters.breaching),
                     current: filters.view == nil)
        html += link(DeskText.mine.text(language), to: Filters(team: filters.team, view: "mine", breaching: filters.breaching),
                     current: filters.view == "mine")
        html += link(DeskText.unassigned.text(language), to: Filters(team: filters.team, view: "unassigned", breaching: filters.breaching),
                     current: filters.view == "unassigned")
        html += link((filters.breaching ? DeskText.allSLAStates : DeskText.breachingOnly).text(language),
                     to: Filters(team: filters.team, view: filters.view, breaching: !filters.breaching), current: false)
        html += "</ul></nav>"
        if let refusal {
            return html + "<p role=\"alert\" class=\"alert\">\(HTML.escape(refusal))</p>"
        }
        guard !entries.isEmpty else { return html + "<p>\(DeskText.emptyQueue.text(language))</p>" }
        html += "<table class=\"queue\"><caption>\(DeskText.queueCaption.text(language, String(entries.count)))</caption><thead><tr>"
        for header in [DeskText.number, .priority, .status, .assignee, .slaDue, .title] {
            html += "<th scope=\"col\">\(HTML.escape(header.text(language)))</th>"
        }
        html += "</tr></thead><tbody>"
        for entry in entries {
            html += "<tr\(entry.breaching ? " class=\"breaching\"" : "")>"
            html += "<td><a href=\"/desk/tickets/\(entry.number)\">#\(entry.number)</a></td>"
            html += "<td>\(HTML.escape(entry.priorityLabel ?? entry.priority ?? "—"))</td>"
            html += "<td>\(HTML.escape(entry.statusLabel))</td>"
            html += "<td>\(HTML.escape(entry.assignee ?? "—"))</td>"
            html += "<td>\(HTML.escape(entry.due))</td>"
            html += "<td><a href=\"/desk/tickets/\(entry.number)\">\(HTML.escape(entry.title))</a></td></tr>"
        }
        return html + "</tbody></table>"
    }

    private func link(_ label: String, to filters: Filters, current: Bool) -> String {
        "<li><a href=\"/desk\(HTML.escape(filters.query))\"\(current ? " aria-current=\"page\"" : "")>\(HTML.escape(label))</a></li>"
    }
}
