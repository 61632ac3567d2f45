import Foundation

/// A report as aligned plain-text tables for the terminal.
struct ReportTable {
    let report: DeskReport

    var text: String {
        let scope = report.team.map { "team \(report.label(team: $0))" } ?? "all teams"
        var out = "Report \(report.fromDate) to \(report.toDate) (exclusive, \(report.timeZone.identifier)), \(scope)\n\n"
        var rows = [["TEAM", "PRIORITY", "OPENED", "SOLVED", "CLOSED", "REOPENED", "SLA MET", "BREACHED", "PENDING", "ATTAINMENT"]]
        for line in report.lines {
            rows.append(cells(line, report.label(team: line.team), report.label(priority: line.priority)))
        }
        rows.append(cells(report.total, "Total", ""))
        out += Self.aligned(rows, numericFrom: 2) + "\n"
        out += "Reopen rate: \(Self.percent(report.total.reopenRate)) of solved tickets were reopened\n\n"
        var times = [["FIRST RESPONSE (working hours)", "ANSWERED", "MEDIAN", "P90"]]
        for figures in report.teams {
            times.append(Self.times(report.label(team: figures.team), figures.firstResponse))
        }
        if report.team == nil { times.append(Self.times("All teams", report.totalFigures.firstResponse)) }
        out += Self.aligned(times, numericFrom: 1) + "\n"
        out += "Distribution: " + zip(report.distributionBuckets, report.distribution).map { "\($0) \($1)" }
            .joined(separator: " · ") + "\n\n"
        var backlog = [["BACKLOG (working days)"] + report.backlogBuckets + ["TOTAL"]]
        for figures in report.teams {
            backlog.append([report.label(team: figures.team)] + figures.backlog.map(String.init) + ["\(figures.backlog.reduce(0, +))"])
        }
        if report.team == nil {
            backlog.append(["All teams"] + report.totalFigures.backlog.map(String.init) + ["\(report.totalFigures.backlog.reduce(0, +))"])
        }
        out += Self.aligned(backlog, numericFrom: 1) + "\n"
        if report.surveyAnswers == 0 {
            out += "Satisfaction: no survey answers in the period\n"
        } else {
            let average = report.averageRating.map { String(format: "%.2f", $0) } ?? "—"
            let spread = zip(report.ratingOptions, report.totalFigures.ratings).map { "\($0): \($1)" }.joined(separator: ", ")
            out += "Satisfaction: \(report.surveyAnswers) answers, average \(average), satisfied \(Self.percent(report.satisfiedShare)) (\(spread))\n"
        }
        if let assistant = report.assistant { out += Self.assistant(assistant) }
        return out
    }

    /// The assistant's sessions: how many ended answered (a deflection), and the articles most
    /// often shown without answering.
    static func assistant(_ stats: AssistantStats) -> String {
        guard stats.sessions > 0 else { return "Assistant: no session in the period\n" }
        var out = "Assistant sessions: \(stats.sessions) (answered without a ticket \(stats.answered), handed off \(stats.handedOff), "
            + "abandoned \(stats.abandoned), in progress \(stats.inProgress)); deflection rate \(percent(stats.deflectionRate))\n"
        if !stats.failing.isEmpty {
            out += "Articles most often shown without answering: "
                + stats.failing.prefix(5).map { "\($0.id) (\($0.notAnswering) of \($0.shown))" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    private func cells(_ line: DeskReport.Line, _ team: String, _ priority: String) -> [String] {
        let counts = line.counts
        return [team, priority, "\(counts.opened)", "\(counts.solved)", "\(counts.closed)", "\(counts.reopened)",
                "\(counts.slaMet)", "\(counts.slaBreached)", "\(counts.slaPending)", Self.percent(line.slaAttainment)]
    }

    private static func times(_ name: String, _ value: ReportRows.Percentiles) -> [String] {
        [name, "\(value.count)", hours(value.median), hours(value.p90)]
    }

    /// Working seconds as hours with two decimals; `—` for none.
    static func hours(_ seconds: Int64?) -> String { seconds.map { String(format: "%.2f", Double($0) / 3600) } ?? "—" }

    /// A share as a whole percentage; `—` for none.
    static func percent(_ share: Double?) -> String { share.map { "\(Int(($0 * 100).rounded()))%" } ?? "—" }

    /// Rows as columns separated by two spaces; columns from `numericFrom` on are right-aligned.
    static func aligned(_ rows: [[String]], numericFrom: Int) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.indices.map { column in
                let pad = String(repeating: " ", count: widths[column] - row[column].count)
                return column >= numericFrom ? pad + row[column] : row[column] + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }
}
