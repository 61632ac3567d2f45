import Foundation

/// Prints measurements as a Markdown table.
enum ReportTable {
    static func markdown(_ rows: [Measurement]) -> String {
        var lines = [
            "| benchmark | operations | total | ops/s | mean | p50 | p99 | notes |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        for row in rows {
            let cells = [
                row.name, grouped(row.operations), row.total.formatted, rate(row.operationsPerSecond),
                row.mean.formatted, row.percentile(0.5)?.formatted ?? "—", row.percentile(0.99)?.formatted ?? "—", row.note,
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `1 234 567`-style thousands, readable in a table.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    private static func rate(_ value: Double) -> String {
        value >= 100 ? grouped(Int(value.rounded())) : String(format: "%.1f", value)
    }
}
