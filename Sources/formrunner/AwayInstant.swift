import Foundation

/// The `--until` of `users away`: an ISO-8601 instant, or a day (its start, UTC).
enum AwayInstant {
    static func parse(_ text: String) -> Date? {
        if let instant = ISO8601DateFormatter().date(from: text) { return instant }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)
    }
}
