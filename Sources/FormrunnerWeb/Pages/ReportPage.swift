import Foundation
import FormrunnerCore

/// The body of the report page for agents and admins: the period form, the figures as tables and
/// the charts as inline SVG (opened and solved per day, per team, first-response distribution).
/// Everything is rendered on the server; the page has no script.
struct ReportPage {
    let report: DeskReport
    /// Where the labels of teams and priorities come from, in ``language``.
    var catalog: Catalog?
    /// The page's language.
    var language = "en"

    private func word(_ text: DeskText) -> String { text.text(language) }

    private func label(team: String?) -> String {
        guard let team else { return word(.noTeam) }
        return catalog?.teams[team]?.label.text(in: language) ?? report.label(team: team)
    }

    private func label(priority: String?) -> String {
        guard let priority else { return word(.noPriority) }
        return catalog?.priorities?.level(priority)?.label.text(in: language) ?? report.label(priority: priority)
    }

    var html: String {
        let scope = report.team.map { label(team: $0) } ?? word(.allTeams).lowercased()
        var out = "<p><a href=\"/desk\">\(word(.backToQueue))</a></p><h1>\(word(.report))</h1>"
        out += "<p>\(HTML.escape(DeskText.period.text(language, "\(report.fromDate)", "\(report.toDate)", report.timeZone.identifier, scope)))</p>"
        out += "<form method=\"get\" action=\"/desk/report\" class=\"report-period\">"
        out += "<label>\(word(.from)) <input type=\"date\" name=\"from\" value=\"\(report.fromDate)\"></label> "
        out += "<label>\(word(.to)) <input type=\"date\" name=\"to\" value=\"\(report.toDate)\"></label> "
        out += "<label>\(word(.team)) <select name=\"team\"><option value=\"\">\(word(.allTeams))</option>"
        for id in report.teamLabels.keys.sorted() {
            let selected = id == report.team ? " selected" : ""
            out += "<option value=\"\(HTML.escape(id))\"\(selected)>\(HTML.escape(label(team: id)))</option>"
        }
        out += "</select></label> <button type=\"submit\">\(word(.show))</button></form>"
        out += counts
        out += "<h2>\(word(.perDay))</h2>"
        out += SVGChart(title: word(.perDay), labels: report.days.map { String(format: "%02d", $0.date.day) },
                        series: [.init(name: word(.opened), values: report.days.map(\.opened), color: "#3366cc"),
                                 .init(name: word(.solved), values: report.days.map(\.solved), color: "#2e8b57")]).svg
        let teams = Dictionary(grouping: report.lines, by: \.team)
        let teamIDs = report.teams.map(\.team).filter { teams[$0] != nil }
        out += "<h2>\(word(.perTeam))</h2>"
        out += SVGChart(title: word(.perTeam), labels: teamIDs.map { label(team: $0) },
                        series: [.init(name: word(.opened), values: teamIDs.map { teams[$0]!.reduce(0) { $0 + $1.counts.opened } },
                                       color: "#3366cc"),
                                 .init(name: word(.solved), values: teamIDs.map { teams[$0]!.reduce(0) { $0 + $1.counts.solved } },
                                       color: "#2e8b57")]).svg
        out += "<h2>\(word(.firstResponseHours))</h2>"
        out += SVGChart(title: word(.firstResponseDistribution), labels: report.distributionBuckets,
                        series: [.init(name: word(.tickets), values: report.distribution, color: "#b8860b")]).svg
        out += firstResponse + backlog + satisfaction
        return out
    }

    private var counts: String {
        var out = "<table><caption>\(word(.countsCaption))</caption><thead><tr><th scope=\"col\">\(word(.team))</th>"
        out += "<th scope=\"col\">\(word(.priority))</th>"
        for name in [DeskText.opened, .solved, .closed, .reopened, .slaMet, .breached, .pending, .attainment] {
            out += "<th scope=\"col\">\(HTML.escape(word(name)))</th>"
        }
        out += "</tr></thead><tbody>"
        for line in report.lines {
            out += row([label(team: line.team), label(priority: line.priority)], line)
        }
        out += "</tbody><tfoot>" + row([word(.total), ""], report.total) + "</tfoot></table>"
        out += "<p>\(HTML.escape(DeskText.reopenRate.text(language, Self.percent(report.total.reopenRate))))</p>"
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
        var out = "<table><caption>\(word(.firstResponseCaption))</caption><thead><tr><th scope=\"col\">\(word(.team))</th>"
        out += "<th scope=\"col\">\(word(.answered))</th><th scope=\"col\">\(word(.median))</th>"
            + "<th scope=\"col\">\(word(.percentile90))</th></tr></thead><tbody>"
        let rows = report.teams.map { (label(team: $0.team), $0) } + (report.team == nil ? [(word(.allTeams), report.totalFigures)] : [])
        for (name, figures) in rows {
            out += "<tr><th scope=\"row\">\(HTML.escape(name))</th><td>\(figures.firstResponse.count)</td>"
                + "<td>\(Self.hours(figures.firstResponse.median))</td><td>\(Self.hours(figures.firstResponse.p90))</td></tr>"
        }
        return out + "</tbody></table>"
    }

    private var backlog: String {
        var out = "<table><caption>\(word(.backlogCaption))</caption><thead><tr><th scope=\"col\">\(word(.team))</th>"
        out += report.backlogBuckets.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for figures in report.teams {
            out += "<tr><th scope=\"row\">\(HTML.escape(label(team: figures.team)))</th>"
                + figures.backlog.map { "<td>\($0)</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table>"
    }

    private var satisfaction: String {
        guard report.surveyAnswers > 0 else { return "<p>\(word(.noSurveyAnswers))</p>" }
        let average = report.averageRating.map { String(format: "%.2f", $0) } ?? "—"
        var out = "<h2>\(word(.satisfaction))</h2><p>"
            + DeskText.satisfactionFigures.text(language, String(report.surveyAnswers), average, Self.percent(report.satisfiedShare)) + "</p>"
        out += SVGChart(title: word(.surveyRatings), labels: report.ratingOptions,
                        series: [.init(name: word(.surveyAnswers), values: report.totalFigures.ratings, color: "#8a2be2")]).svg
        return out
    }

    static func hours(_ seconds: Int64?) -> String { seconds.map { String(format: "%.2f", Double($0) / 3600) } ?? "—" }
    static func percent(_ share: Double?) -> String { share.map { "\(Int(($0 * 100).rounded()))%" } ?? "—" }
}
