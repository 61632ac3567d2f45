import Foundation

/// A stretch of working time within one local day, in minutes since local midnight.
///
/// A valid interval has `0 <= start < end <= 1440`; `1440` (written `24:00`) is the end of the day.
/// The times are wall-clock times in the owning calendar's time zone.
public struct WorkingInterval: Hashable, Sendable, CustomStringConvertible {
    /// Minutes since local midnight at which work starts (inclusive).
    public var start: Int
    /// Minutes since local midnight at which work stops (exclusive); at most 1440.
    public var end: Int

    /// Creates an interval from minutes since local midnight.
    ///
    /// The values are not checked; calendar arithmetic clamps them to `0...1440` and ignores
    /// intervals that end up empty. Use ``isValid`` to check them.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Parses `HH:MM-HH:MM`, for example `09:00-18:00`.
    ///
    /// Hours and minutes are exactly two digits each (`9:00` is rejected); hours run `00`–`23`,
    /// except that the end may be `24:00`. Spaces around the dash and around the whole text are
    /// tolerated. Returns `nil` when the text is malformed, empty (`10:00-10:00`) or reversed
    /// (`18:00-09:00`).
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let start = WorkingInterval.minutes(parts[0].trimmingCharacters(in: .whitespaces), allowEndOfDay: false),
              let end = WorkingInterval.minutes(parts[1].trimmingCharacters(in: .whitespaces), allowEndOfDay: true),
              start < end
        else { return nil }
        self.init(start: start, end: end)
    }

    /// Whether `0 <= start < end <= 1440`.
    public var isValid: Bool { start >= 0 && start < end && end <= 1440 }

    /// The length in minutes (zero for an invalid interval).
    public var minutes: Int { isValid ? end - start : 0 }

    /// `HH:MM-HH:MM`, for example `09:00-18:00`; the end of the day is written `24:00`.
    public var description: String {
        "\(WorkingInterval.clock(start))-\(WorkingInterval.clock(end))"
    }

    /// `HH:MM` → minutes since midnight; `24:00` only when `allowEndOfDay`.
    private static func minutes(_ text: String, allowEndOfDay: Bool) -> Int? {
        let chars = Array(text.utf8)
        let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")
        guard chars.count == 5, chars[2] == UInt8(ascii: ":"),
              [0, 1, 3, 4].allSatisfy({ chars[$0] >= zero && chars[$0] <= nine })
        else { return nil }
        let hours = Int(chars[0] - zero) * 10 + Int(chars[1] - zero)
        let minutes = Int(chars[3] - zero) * 10 + Int(chars[4] - zero)
        guard minutes < 60 else { return nil }
        if hours == 24 && minutes == 0 && allowEndOfDay { return 1440 }
        guard hours < 24 else { return nil }
        return hours * 60 + minutes
    }

    /// Minutes since midnight → `HH:MM`.
    private static func clock(_ minutes: Int) -> String {
        let (hours, rest) = minutes.quotientAndRemainder(dividingBy: 60)
        return String(format: "%02d:%02d", hours, rest)
    }
}
