import Foundation

/// Local dates of a time zone and the instants they start at.
struct LocalDays: Sendable {
    let timeZone: TimeZone
    private let calendar: Calendar

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The instant `date` starts at (its first instant, should midnight not exist).
    func start(of date: LocalDate) -> Date {
        calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
            .map { calendar.startOfDay(for: $0) } ?? Date(timeIntervalSince1970: 0)
    }

    /// The local date of `instant`.
    func date(of instant: Date) -> LocalDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? LocalDate(year: 1970, month: 1, day: 1)!
    }

    /// The local date of a slot of `query`.
    func date(of slot: Int64, query: ReportQuery) -> LocalDate {
        date(of: Date(millisecondsSince1970: slot * query.slotMilliseconds))
    }

    /// The period asked for: both dates given; one of them and a month; else the month of `now`.
    func period(from: LocalDate?, to: LocalDate?, now: Date) -> (LocalDate, LocalDate) {
        switch (from, to) {
        case let (from?, to?): return (from, to)
        case let (from?, nil): return (from, Self.month(from, adding: 1))
        case let (nil, to?): return (Self.month(to, adding: -1), to)
        case (nil, nil):
            let today = date(of: now)
            let first = LocalDate(year: today.year, month: today.month, day: 1)!
            return (first, Self.month(first, adding: 1))
        }
    }

    /// `date` moved by whole months, its day clamped to the month's length.
    static func month(_ date: LocalDate, adding months: Int) -> LocalDate {
        let index = date.year * 12 + (date.month - 1) + months
        let year = index / 12, month = index % 12 + 1
        return LocalDate(year: year, month: month, day: min(date.day, LocalDate.daysIn(month: month, year: year)))!
    }
}
