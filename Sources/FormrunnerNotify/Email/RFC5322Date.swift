import Foundation

/// Dates as RFC 5322 writes them: `Thu, 05 Mar 2026 14:07:09 +0000`.
enum RFC5322Date {
    /// `date` in `timeZone`, with English day and month names whatever the locale.
    static func string(from date: Date, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
