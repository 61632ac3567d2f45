import Foundation

/// Working hours per weekday in a time zone, minus holidays: the clock that SLAs run on.
///
/// Working intervals are local wall-clock times in ``timeZone``. Holidays have no working time
/// at all. Arithmetic on the calendar lives in `BusinessCalendar+Arithmetic.swift`.
public struct BusinessCalendar: Hashable, Sendable {
    /// The calendar's id, as referenced from workflows.
    public var id: String
    /// The zone in which the working intervals and holidays are understood.
    public var timeZone: TimeZone { didSet { spans = YearSpansCache() } }
    /// Working intervals per weekday; a missing or empty entry is a day off.
    ///
    /// Intervals need not be sorted; overlapping ones count once, and invalid ones
    /// (see ``WorkingInterval/isValid``) are clamped to the day or ignored.
    public var weeklyHours: [Weekday: [WorkingInterval]] { didSet { spans = YearSpansCache() } }
    /// The holidays; a day on which any rule falls has no working time.
    public var holidays: [HolidayRule] { didSet { spans = YearSpansCache() } }
    /// The working spans of the years used so far (see ``adding(workingSeconds:to:)``); not part
    /// of the calendar's value.
    private(set) var spans = YearSpansCache()

    /// Creates a calendar.
    public init(id: String, timeZone: TimeZone, weeklyHours: [Weekday: [WorkingInterval]], holidays: [HolidayRule]) {
        self.id = id
        self.timeZone = timeZone
        self.weeklyHours = weeklyHours
        self.holidays = holidays
    }

    public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
        lhs.id == rhs.id && lhs.timeZone == rhs.timeZone && lhs.weeklyHours == rhs.weeklyHours && lhs.holidays == rhs.holidays
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(timeZone)
        hasher.combine(weeklyHours)
        hasher.combine(holidays)
    }

    /// Whether any weekday has a non-empty working interval. Holidays are not considered.
    public var hasWorkingTime: Bool {
        weeklyHours.values.contains { intervals in
            intervals.contains { min($0.end, 1440) > max($0.start, 0) }
        }
    }

    /// Whether any holiday rule falls on `day`.
    public func isHoliday(_ day: LocalDate) -> Bool {
        holiday(on: day) != nil
    }

    /// The first holiday rule (in ``holidays`` order) that falls on `day`, if any.
    public func holiday(on day: LocalDate) -> HolidayRule? {
        holidays.first { $0.falls(on: day) }
    }

    /// Every holiday in the calendar year `year`, sorted by date; a day on which several rules
    /// fall appears once per rule, in ``holidays`` order.
    public func holidays(in year: Int) -> [(date: LocalDate, rule: HolidayRule)] {
        let all = holidays.enumerated().flatMap { index, rule in
            rule.occurrences(in: year).map { (date: $0, index: index, rule: rule) }
        }
        return all.sorted { ($0.date, $0.index) < ($1.date, $1.index) }.map { (date: $0.date, rule: $0.rule) }
    }

    /// The working intervals of `day`: none on a holiday, otherwise its weekday's intervals,
    /// sorted, clamped to the day and with overlapping or touching intervals merged.
    public func workingIntervals(on day: LocalDate) -> [WorkingInterval] {
        isHoliday(day) ? [] : WorkWeek(weeklyHours).intervals[day.weekday.rawValue - 1]
    }
}
