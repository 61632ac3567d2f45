import Foundation

/// A wall-clock time on a calendar day, without a zone: a `datetime` answer, read in the zone of
/// its form's calendar. Written `YYYY-MM-DDTHH:MM` (a space instead of `T` is accepted).
public struct LocalDateTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var date: LocalDate
    /// Minutes since midnight, 0 ..< 1440.
    public var minutes: Int

    public init(date: LocalDate, minutes: Int) {
        self.date = date
        self.minutes = minutes
    }

    /// Parses `YYYY-MM-DDTHH:MM` (or with a space), optionally with `:SS` (dropped); nil otherwise.
    public init?(iso text: String) {
        let separator = text.firstIndex(where: { $0 == "T" || $0 == " " })
        guard let separator, let date = LocalDate(iso: String(text[..<separator])) else { return nil }
        let clock = text[text.index(after: separator)...].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(clock[0]), let minute = Int(clock[1]), hour < 24, minute < 60, Int(clock.last!)! < 60
        else { return nil }
        self.init(date: date, minutes: hour * 60 + minute)
    }

    /// The wall time in `zone` of `instant`.
    public init(_ instant: Date, in zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        self.init(date: LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
                      ?? LocalDate(year: 1970, month: 1, day: 1)!,
                  minutes: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }

    /// `YYYY-MM-DDTHH:MM`.
    public var description: String {
        date.description + String(format: "T%02d:%02d", minutes / 60, minutes % 60)
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.minutes) < (rhs.date, rhs.minutes)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = LocalDateTime(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected YYYY-MM-DDTHH:MM, found '\(text)'"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
