import Foundation

/// A day without working time: a one-off date, a yearly date or a day relative to Easter.
public struct HolidayRule: Hashable, Sendable {
    /// How the day of the holiday is found.
    public enum Kind: Hashable, Sendable {
        /// Exactly this date, once.
        case date(LocalDate)
        /// The same month and day every year. February 29 only occurs in leap years;
        /// a month/day pair that never exists (April 31) never occurs.
        case annual(month: Int, day: Int)
        /// `offset` days after Western Easter Sunday (before it when negative):
        /// `-2` is Good Friday, `60` is Corpus Christi.
        case easter(offset: Int)
    }

    /// How the day is found.
    public var kind: Kind
    /// The holiday's display name.
    public var name: String
    /// The first year in which the rule applies, if limited.
    public var fromYear: Int?
    /// The last year in which the rule applies, if limited.
    public var untilYear: Int?

    /// Creates a rule; `fromYear` and `untilYear` (both inclusive) limit the years it applies to.
    public init(kind: Kind, name: String, fromYear: Int? = nil, untilYear: Int? = nil) {
        self.kind = kind
        self.name = name
        self.fromYear = fromYear
        self.untilYear = untilYear
    }

    /// Whether the rule applies in `year` according to ``fromYear`` and ``untilYear``.
    public func applies(in year: Int) -> Bool {
        if let fromYear, year < fromYear { return false }
        if let untilYear, year > untilYear { return false }
        return true
    }

    /// The day on which the holiday falls in the calendar year `year`, or `nil` when it does not
    /// fall in that year: a one-off date of another year, February 29 outside leap years, or a
    /// year outside ``fromYear``…``untilYear``.
    ///
    /// The year limits apply to the year of the day itself. An Easter offset large enough to
    /// leave Easter's year (say `-100`) falls in `year` when it belongs to a neighbouring year's
    /// Easter; should two Easters land in the same year (offsets near ±280), this is the earlier.
    public func occurrence(in year: Int) -> LocalDate? {
        occurrences(in: year).first
    }

    /// Every day on which the holiday falls in the calendar year `year`, earliest first
    /// (at most two, and two only for far-reaching Easter offsets). Years and Easter offsets of
    /// magnitude 2^40 or more have none.
    public func occurrences(in year: Int) -> [LocalDate] {
        guard applies(in: year), year.magnitude < HolidayRule.yearLimit else { return [] }
        switch kind {
        case .date(let date):
            return date.year == year ? [date] : []
        case .annual(let month, let day):
            return LocalDate(year: year, month: month, day: day).map { [$0] } ?? []
        case .easter(let offset):
            // Easter falls between March 22 and April 25, so an offset within ±80 days stays
            // in Easter's year; larger ones may come from a neighbouring year's Easter.
            if offset.magnitude <= 80 {
                return [BusinessCalendar.easterSunday(year: year).adding(days: offset)]
            }
            guard offset.magnitude < HolidayRule.offsetLimit else { return [] }
            let yearsBack = Int(floorDiv(Int64(offset), 365))
            return (-2...2).compactMap { delta -> LocalDate? in
                let day = BusinessCalendar.easterSunday(year: year - yearsBack + delta).adding(days: offset)
                return day.year == year ? day : nil
            }
        }
    }

    /// Whether the holiday falls on `day`.
    public func falls(on day: LocalDate) -> Bool {
        guard applies(in: day.year), day.year.magnitude < HolidayRule.yearLimit else { return false }
        switch kind {
        case .date(let date):
            return date == day
        case .annual(let month, let dayOfMonth):
            return day.month == month && day.day == dayOfMonth
        case .easter(let offset):
            guard offset.magnitude < HolidayRule.offsetLimit else { return false }
            let sunday = day.adding(days: -offset)
            return BusinessCalendar.easterSunday(year: sunday.year) == sunday
        }
    }

    /// Years at or beyond this magnitude have no holidays (keeps day arithmetic exact).
    static let yearLimit: UInt = 1 << 40
    /// Easter offsets at or beyond this magnitude (in days) never occur.
    static let offsetLimit: UInt = 1 << 40
}
