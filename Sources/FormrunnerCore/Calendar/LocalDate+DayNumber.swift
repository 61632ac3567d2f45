import Foundation

/// Floor division: rounds towards negative infinity, unlike `/`.
@inline(__always)
func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

/// Floor modulo: the result has the sign of `b`, unlike `%`.
@inline(__always)
func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
    let r = a % b
    return (r != 0 && (r < 0) != (b < 0)) ? r + b : r
}

extension LocalDate {
    /// Builds a date from parts already known to be valid.
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (negative before), in the proleptic Gregorian calendar.
    /// Exact for years within ±10^15; wraps (never traps) beyond.
    var dayNumber: Int64 {
        // Howard Hinnant's days_from_civil.
        let y = Int64(year) &- (month <= 2 ? 1 : 0)
        let era = floorDiv(y, 400)
        let yearOfEra = floorMod(y, 400)
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era &* 146_097 &+ dayOfEra &- 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    init(dayNumber: Int64) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber &+ 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = floorMod(z, 146_097)
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra &+ era &* 400 &+ (month <= 2 ? 1 : 0)
        self.init(uncheckedYear: Int(year), month: Int(month), day: Int(day))
    }

    /// The day of the week (meaningful for years within ±10^15).
    public var weekday: Weekday { Weekday(dayNumber: dayNumber) }

    /// The date `days` days later (earlier when negative). Exact for years within ±10^15;
    /// beyond that the result is meaningless, but the arithmetic never traps.
    public func adding(days: Int) -> LocalDate {
        LocalDate(dayNumber: dayNumber &+ Int64(days))
    }
}
