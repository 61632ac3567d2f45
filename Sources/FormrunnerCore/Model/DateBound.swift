/// A `min:` or `max:` of a `date` or `datetime` field: a fixed day, a fixed time, or a day counted
/// from the day the answer is given (`today`, `today+30d`, `today-7d`) in the form's calendar zone.
public enum DateBound: Hashable, Sendable, CustomStringConvertible {
    /// A fixed day (`2026-01-31`).
    case day(LocalDate)
    /// A fixed day and time (`2026-01-31T09:00`), for datetime fields.
    case time(LocalDateTime)
    /// `today` plus this many days.
    case today(offset: Int)

    /// Reads `2026-01-31`, `2026-01-31T09:00`, `today`, `today+30d` or `today-7d`.
    public init?(_ text: String) {
        if let day = LocalDate(iso: text) {
            self = .day(day)
        } else if let time = LocalDateTime(iso: text) {
            self = .time(time)
        } else if text == "today" {
            self = .today(offset: 0)
        } else if text.hasPrefix("today"), text.hasSuffix("d"), text.count > 7 {
            let middle = text.dropFirst(5).dropLast()
            guard let sign = middle.first, sign == "+" || sign == "-",
                  middle.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), let days = Int(middle.dropFirst()), days <= 100_000
            else { return nil }
            self = .today(offset: sign == "+" ? days : -days)
        } else {
            return nil
        }
    }

    /// As written: `2026-01-31`, `2026-01-31T09:00`, `today`, `today+30d`.
    public var description: String {
        switch self {
        case .day(let day): return day.description
        case .time(let time): return time.description
        case .today(let offset): return offset == 0 ? "today" : "today\(offset > 0 ? "+" : "-")\(abs(offset))d"
        }
    }

    /// The earliest moment the bound names, given today's date.
    public func start(today: LocalDate) -> LocalDateTime {
        switch self {
        case .day(let day): return LocalDateTime(date: day, minutes: 0)
        case .time(let time): return time
        case .today(let offset): return LocalDateTime(date: today.adding(days: offset), minutes: 0)
        }
    }

    /// The latest moment the bound names (a day bound covers its whole day), given today's date.
    public func end(today: LocalDate) -> LocalDateTime {
        switch self {
        case .time(let time): return time
        default: return LocalDateTime(date: start(today: today).date, minutes: 24 * 60 - 1)
        }
    }

    /// The day (or the day and time) the bound names today: `2027-01-02`, `2026-12-03 09:00`.
    public func resolved(today: LocalDate) -> String {
        switch self {
        case .time(let time): return time.date.description + " " + String(time.description.suffix(5))
        default: return start(today: today).date.description
        }
    }

    /// The bound as a day and, when relative, the day it is today: `2027-01-02 (today+30d)`.
    public func text(today: LocalDate) -> String {
        switch self {
        case .day, .time: return description
        case .today: return "\(start(today: today).date) (\(description))"
        }
    }
}
