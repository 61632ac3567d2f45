import Foundation

/// How a ``DeskReport`` is written out: a table for people, JSON for scripts (everything), CSV for
/// spreadsheets (the table of teams and priorities, then the total).
public enum ReportFormat: String, CaseIterable, Sendable {
    case table, json, csv

    /// The report in this format, ending with a newline.
    public func render(_ report: DeskReport) throws -> String {
        switch self {
        case .table: return ReportTable(report: report).text
        case .csv: return Self.csv(report)
        case .json:
            let data = try JSONSerialization.data(withJSONObject: ReportJSON.object(report),
                                                  options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }

    /// The CSV header.
    public static let csvColumns = [
        "team", "priority", "opened", "solved", "closed", "reopened", "reopen_rate",
        "sla_met", "sla_breached", "sla_pending", "sla_attainment",
    ]

    static func csv(_ report: DeskReport) -> String {
        var lines = [csvColumns.joined(separator: ",")]
        let rows = report.lines.map { ($0, $0.team ?? "", $0.priority ?? "") } + [(report.total, "all", "all")]
        for (line, team, priority) in rows {
            let counts = line.counts
            let cells = [
                team, priority, "\(counts.opened)", "\(counts.solved)", "\(counts.closed)", "\(counts.reopened)",
                line.reopenRate.map(Self.decimal) ?? "",
                "\(counts.slaMet)", "\(counts.slaBreached)", "\(counts.slaPending)",
                line.slaAttainment.map(Self.decimal) ?? "",
            ]
            lines.append(cells.map(Self.csvCell).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A share with four decimals (`0.6667`).
    static func decimal(_ value: Double) -> String { String(format: "%.4f", value) }

    /// A CSV cell, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvCell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
