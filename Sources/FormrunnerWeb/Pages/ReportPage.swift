import Foundation
import FormrunnerCore

/// The body of the report page for agents and admins: the period form, the figures as tables and
/// the charts as inline SVG (opened and solved per day, per team, first-response distribution).
/// Everything is rendered on the server; the page has no script.
struct ReportPage {
    let report: DeskReport

    var html: String {
        let scope = report.team.map { report.label(team: $0) } ?? "all teams"
        var out = "<h1>Report</h1>"
        out += "<p>\(report.fromDate) to \(report.toDate) (exclusive, \(HTML.escape(report.timeZone.identifier))), \(HTML.escape(scope))</p>"
        out += "<form method=\"get\" action=\"/desk/report\" class=\"report-period\">"
        out += "<label>From <input type=\"date\" name=\"from\" value=\"\(report.fromDate)\"></label> "
        out += "<label>To <input type=\"date\" name=\"to\" value=\"\(report.toDate)\"></label> "
        out += "<label>Team <select name=\"team\"><option value=\"\">All teams</option>"
        for (id, label) in report.teamLabels.sorted(by: { $0.key < $1.key }) {
            let selected = id == report.team ? " selected" : ""
            out += "<option value=\"\(HTML.escape(id))\"\(selected)>\(HTML.escape(label))</option>"
        }
        out += "</select></label> <button type=\"submit\">Show</button></form>"
        out += counts
        out += "<h2>Opened and solved per day</h2>"
        out += SVGChart(title: "Opened and solved per day", labels: report.days.map { String(format: "%02d", $0.date.day) },
                        series: [.init(name: "Opened", values: report.days.map(\.opened), color: "#3366cc"),
                                 .init(name: "Solved", values: report.days.map(\.solved), color: "#2e8b57")]).svg
        let teams = Dictionary(grouping: report.lines, by: \.team)
        let teamIDs = report.teams.map(\.team).filter { teams[$0] != nil }
        out += "<h2>Opened and solved per team</h2>"
        out += SVGChart(title: "Opened and solved per team", labels: teamIDs.map(report.label(team:)),
                        series: [.init(name: "Opened", values: teamIDs.map { teams[$0]!.reduce(0) { $0 + $1.counts.opened } },
                                       color: "#3366cc"),
                                 .init(name: "Solved", values: teamIDs.map { teams[$0]!.reduce(0) { $0 + $1.counts.solved } },
                                       color: "#2e8b57")]).svg
        out += "<h2>First response (working hours)</h2>"
        out += SVGChart(title: "First-response distribution", labels: report.distributionBuckets,
                        series: [.init(name: "Tickets", values: report.distribution, color: "#b8860b")]).svg
        out += firstResponse + backlog + satisfaction
        return out
    }

    private var counts: String {
        var out = "<table><caption>Tickets per team and priority</caption><thead><tr><th scope=\"col\">Team</th>"
        out += "<th scope=\"col\">Priority</th>"
        for name in ["Opened", "Solved", "Closed", "Reopened", "SLA met", "Breached", "Pending", "Attainment"] {
            out += "<th scope=\"col\">\(name)</th>"
        }
        out += "</tr></thead><tbody>"
        for line in report.lines {
            out += row([report.label(team: line.team), report.label(priority: line.priority)], line)
        }
        out += "</tbody><tfoot>" + row(["Total", ""], report.total) + "</tfoot></table>"
        out += "<p>Reopen rate: \(Self.percent(report.total.reopenRate)) of solved tickets were reopened.</p>"
        return out
    }

    private func row(_ names: [String], _ line: DeskReport.Line) -> String {
        let counts = line.counts
        let figures = [counts.opened, counts.solved, counts.closed, counts.reopened, counts.slaMet, counts.slaBreached,
                       counts.slaPending].map(String.init) + [Self.percent(line.slaAttainment)]
        return "<tr><th scope=\"row\">\(HTML.escape(names[0]))</th><td>\(HTML.escape(names[1]))</td>"
            + figures.map { "<td>\($0)</td>" }.joined() + "</tr>"
    }

    private var firstResponse: String {
        var out = "<table><caption>First response, working hours</caption><thead><tr><th scope=\"col\">Team</th>"
        out += "<th scope=\"col\">Answered</th><th scope=\"col\">Median</th><th scope=\"col\">90th percentile</th></tr></thead><tbody>"
        let rows = report.teams.map { (report.label(team: $0.team), $0) } + (report.team == nil ? [("All teams", report.totalFigures)] : [])
        for (name, figures) in rows {
            out += "<tr><th scope=\"row\">\(HTML.escape(name))</th><td>\(figures.firstResponse.count)</td>"
                + "<td>\(Self.hours(figures.firstResponse.median))</td><td>\(Self.hours(figures.firstResponse.p90))</td></tr>"
        }
        return out + "</tbody></table>"
    }

    private var backlog: String {
        var out = "<table><caption>Backlog by age, working days</caption><thead><tr><th scope=\"col\">Team</th>"
        out += report.backlogBuckets.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for figures in report.teams {
            out += "<tr><th scope=\"row\">\(HTML.escape(report.label(team: figures.team)))</th>"
                + figures.backlog.map { "<td>\($0)</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table>"
    }

    private var satisfaction: String {
        guard report.surveyAnswers > 0 else { return "<p>Satisfaction: no survey answers in the period.</p>" }
        let average = report.averageRating.map { String(format: "%.2f", $0) } ?? "—"
        var out = "<h2>Satisfaction</h2><p>\(report.surveyAnswers) answers, average \(average), "
            + "satisfied \(Self.percent(report.satisfiedShare)).</p>"
        out += SVGChart(title: "Survey ratings", labels: report.ratingOptions,
                        series: [.init(name: "Answers", values: report.totalFigures.ratings, color: "#8a2be2")]).svg
        return out
    }

    static func hours(_ seconds: Int64?) -> String { seconds.map { String(format: "%.2f", Double($0) / 3600) } ?? "—" }
    static func percent(_ share: Double?) -> String { share.map { "\(Int(($0 * 100).rounded()))%" } ?? "—" }
}
