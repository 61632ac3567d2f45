import Foundation

extension BusinessCalendar {
    /// The instant that is `workingSeconds` of working time after `date`, or `nil` when there is
    /// no such instant.
    ///
    /// - Adding `0` returns `date` itself, even outside working time.
    /// - Adding a positive amount from outside working time starts counting at the next working
    ///   instant, so adding one hour on Saturday gives Monday 10:00 in a Monday–Friday 09:00–18:00
    ///   calendar.
    /// - A result that falls exactly on the end of a working interval is that end
    ///   (18:00 on the day, not 09:00 the next working day).
    /// - Intervals are wall-clock times in ``timeZone`` and count their real elapsed seconds
    ///   across DST changes (see ``workingSeconds(from:to:)``).
    ///
    /// Returns `nil` when `workingSeconds` is negative, when the calendar has no working time
    /// (``hasWorkingTime`` is `false`), when the result would fall after the year 9999, when
    /// `date` is outside the years 1–9999, and when no working day occurs for more than two
    /// years after the last year named by a holiday rule (every day a holiday). It never loops
    /// indefinitely: whole years are skipped arithmetically.
    public func adding(workingSeconds: Int64, to date: Date) -> Date? {
        guard workingSeconds >= 0 else { return nil }
        if workingSeconds == 0 { return date }
        let start = date.timeIntervalSince1970
        guard start.isFinite, start >= CalendarLimits.lowestInstant, start < CalendarLimits.highestInstant else {
            return nil
        }
        // Working time never exceeds elapsed time: rule out overlong amounts before walking.
        guard Double(workingSeconds) <= CalendarLimits.highestInstant - start else { return nil }
        if Double(workingSeconds) <= Self.tableLimit, let result = addingBySpans(Double(workingSeconds), to: start) {
            return Date(timeIntervalSince1970: result)
        }
        guard hasWorkingTime else { return nil }
        var walk = CalendarWalk(self)
        return walk.add(Double(workingSeconds), from: start).map { Date(timeIntervalSince1970: $0) }
    }

    /// Additions up to this many working seconds (about ten years of 40-hour weeks) use the year
    /// tables, as long as they end within ``tableYears`` years; longer ones walk whole years
    /// arithmetically.
    static let tableLimit: Double = 20_000 * 3_600

    /// The most year tables one addition reads before leaving the answer to the walk.
    static let tableYears = 12

    /// `amount` working seconds after `start` by the precomputed spans of the years from the one
    /// before `start` (a span of the last day of a year may reach into the next); nil to leave the
    /// answer to the walk (a year without working time, more than ``tableYears`` years, or the end
    /// of the years handled).
    func addingBySpans(_ amount: Double, to start: Double) -> Double? {
        // The UTC day is within a day of the local one: start a year early near January 1.
        var year = LocalDate(dayNumber: floorDiv(Int64(start.rounded(.down)), 86_400) - 2).year
        var remaining = amount
        var cursor = start
        for _ in 0..<Self.tableYears {
            guard year < 9_999 else { return nil }
            let table = spans.spans(year, calendar: self)
            guard table.count > 0 else { return nil }
            if cursor < table.firstStart {
                // The whole year is ahead: skip it or search it by the working time before each span.
                if remaining > table.total {
                    remaining -= table.total
                    cursor = table.lastEnd
                } else {
                    return table.instant(after: remaining, from: 0)
                }
            } else {
                var index = table.firstSpan(endingAfter: cursor)
                if index < table.count {
                    let from = max(table.starts[index], cursor)
                    let available = table.ends[index] - from
                    if remaining <= available { return from + remaining }
                    remaining -= available
                    index += 1
                    if index < table.count {
                        let rest = table.total - table.before[index]
                        if remaining <= rest { return table.instant(after: remaining, from: index) }
                        remaining -= rest
                    }
                    cursor = table.lastEnd
                }
            }
            year += 1
        }
        return nil
    }

    /// The working seconds in `[from, to)`, rounded to the nearest second; `0` when
    /// `to <= from` or the calendar has no working time.
    ///
    /// Working intervals are wall-clock times in ``timeZone``; each counts the real time that
    /// elapses between its start and end. On the day of a spring-forward jump from 02:00 to
    /// 03:00 an interval 01:00–04:00 holds two hours; on the day of a fall-back from 02:00 to
    /// 01:00 it holds four. A skipped wall-clock time moves forward by the jump, and a repeated
    /// one means its first occurrence, as with Foundation's `Calendar`. Time outside the years
    /// 1–9999 is not counted.
    ///
    /// This is the inverse of ``adding(workingSeconds:to:)``: for a whole number of seconds
    /// `n > 0`, `workingSeconds(from: d, to: adding(workingSeconds: n, to: d)!) == n`.
    public func workingSeconds(from: Date, to: Date) -> Int64 {
        let start = max(from.timeIntervalSince1970, CalendarLimits.lowestInstant)
        let end = min(to.timeIntervalSince1970, CalendarLimits.highestInstant)
        guard start.isFinite, end.isFinite, end > start else { return 0 }
        guard hasWorkingTime else { return 0 }
        var walk = CalendarWalk(self)
        return Int64(walk.measure(from: start, to: end).rounded())
    }

    /// Whether `date` falls within a working interval (start inclusive, end exclusive)
    /// on a day that is not a holiday.
    public func isWorkingTime(_ date: Date) -> Bool {
        let instant = date.timeIntervalSince1970
        guard instant.isFinite, instant >= CalendarLimits.lowestInstant, instant < CalendarLimits.highestInstant else {
            return false
        }
        guard hasWorkingTime else { return false }
        var walk = CalendarWalk(self)
        let day = walk.localDay(containing: instant)
        for candidate in (day - 1)...(day + 1) {
            var found = false
            walk.forEachSpan(on: candidate) { start, end in
                if Double(start) <= instant && instant < Double(end) { found = true }
                return !found
            }
            if found { return true }
        }
        return false
    }
}

/// The range of instants the arithmetic works in: local days of the years 1 to 9999, with a
/// day's margin for time zone offsets.
enum CalendarLimits {
    /// Day number of 0001-01-01.
    static let firstDay: Int64 = LocalDate(uncheckedYear: 1, month: 1, day: 1).dayNumber
    /// Day number of 10000-01-01.
    static let endDay: Int64 = LocalDate(uncheckedYear: 10_000, month: 1, day: 1).dayNumber
    /// Seconds since 1970 of the earliest instant handled.
    static let lowestInstant = Double((firstDay + 1) * 86_400)
    /// Seconds since 1970 of the first instant no longer handled.
    static let highestInstant = Double((endDay - 1) * 86_400)
    /// Days without any working time after which the search gives up, once past the last year
    /// any holiday rule names.
    static let idleDaysLimit: Int64 = 800
}

/// One walk over a calendar's days: the normalised week, plus the holidays of the year being
/// walked (recomputed on the fly as the walk crosses years; nothing is stored on the calendar).
struct CalendarWalk {
    let timeZone: TimeZone
    let weeklyHours: [Weekday: [WorkingInterval]]
    let rules: [HolidayRule]
    /// See ``week()``.
    private var normalisedWeek: WorkWeek?
    /// The holidays of the year most recently looked at.
    private var holidayYear: HolidayYear?

    init(_ calendar: BusinessCalendar) {
        timeZone = calendar.timeZone
        weeklyHours = calendar.weeklyHours
        rules = calendar.holidays
    }

    /// The normalised week with nominal hours, built on first use (only long walks need it).
    mutating func week() -> WorkWeek {
        if let week = normalisedWeek { return week }
        let week = WorkWeek(weeklyHours)
        normalisedWeek = week
        return week
    }

    /// The normalised working intervals of the weekday of `day`.
    @inline(__always)
    func intervals(on day: Int64) -> [WorkingInterval] {
        guard let weekday = Weekday(rawValue: WorkWeek.index(ofDay: day) + 1) else { return [] }
        return WorkWeek.normalise(weeklyHours[weekday])
    }

    /// After this year no rule can end a run of holidays (one-off dates and `untilYear`s).
    var horizonYear: Int {
        rules.reduce(Int.min) { latest, rule in
            var year = max(latest, rule.untilYear ?? Int.min)
            if case .date(let date) = rule.kind { year = max(year, date.year) }
            return year
        }
    }

    /// The holidays of the year containing `day`.
    mutating func holidays(containing day: Int64) -> HolidayYear {
        if let year = holidayYear, year.covers(day) { return year }
        let year = HolidayYear(containing: day, rules: rules)
        holidayYear = year
        return year
    }

    /// The local day number containing the instant `instant` (seconds since 1970).
    func localDay(containing instant: Double) -> Int64 {
        let seconds = Int64(instant.rounded(.down))
        return floorDiv(seconds + DayClock.offset(at: seconds, in: timeZone), 86_400)
    }

    /// Calls `body` with each working span `[start, end)` of `day` in seconds since 1970, in
    /// order, until it returns `false`. Nothing on holidays. A span may be empty or reversed
    /// where a DST jump swallows it; callers clip spans against a cursor.
    mutating func forEachSpan(on day: Int64, _ body: (Int64, Int64) -> Bool) {
        let intervals = intervals(on: day)
        guard !intervals.isEmpty, !holidays(containing: day).contains(day) else { return }
        let clock = DayClock(day: day, timeZone: timeZone)
        for interval in intervals {
            if !body(clock.instant(minute: interval.start), clock.instant(minute: interval.end)) { return }
        }
    }

    /// The real working seconds of `day`, DST included.
    mutating func workingSeconds(on day: Int64) -> Int64 {
        var total: Int64 = 0
        var cursor = Int64.min
        forEachSpan(on: day) { start, end in
            let from = max(start, cursor)
            if end > from { total += end - from }
            cursor = max(cursor, end)
            return true
        }
        return total
    }

    /// The real working seconds of a whole calendar year: nominal hours of the non-holiday days,
    /// corrected on the days around each time zone transition.
    mutating func workingSeconds(in year: HolidayYear) -> Int64 {
        let week = week()
        var total = week.nominalSeconds(from: year.firstDay, to: year.endDay)
        for day in year.days { total -= week.seconds[WorkWeek.index(ofDay: day)] }

        // Only days whose UTC offset is not uniform (see DayClock) can differ from nominal.
        var corrected: [Int64] = []
        var after = Date(timeIntervalSince1970: Double((year.firstDay - 3) * 86_400))
        let stop = Double((year.endDay + 3) * 86_400)
        while let transition = timeZone.nextDaylightSavingTimeTransition(after: after),
              transition.timeIntervalSince1970 < stop, transition > after {
            let transitionDay = floorDiv(Int64(transition.timeIntervalSince1970.rounded(.down)), 86_400)
            for day in (transitionDay - 2)...(transitionDay + 1)
            where year.covers(day) && !corrected.contains(day) && !year.contains(day) {
                corrected.append(day)
                total += workingSeconds(on: day) - week.seconds[WorkWeek.index(ofDay: day)]
            }
            after = transition.addingTimeInterval(1)
        }
        return total
    }

    /// The instant `amount > 0` working seconds after `start`, or `nil` past the year 9999 or
    /// when working days have stopped occurring.
    mutating func add(_ amount: Double, from start: Double) -> Double? {
        let firstDay = localDay(containing: start)
        var remaining = amount
        var cursor = start
        var lastWorkingDay = firstDay
        var day = firstDay - 1  // a previous day's interval may reach past midnight around DST jumps
        var result: Double?
        while day < CalendarLimits.endDay {
            let year = holidays(containing: day)
            // At a new year with much left to add (or after a long idle run), skip whole years.
            if day == year.firstDay, day > firstDay,
               remaining > Double(week().weekSeconds * 26) || day - lastWorkingDay > 31 {
                let work = workingSeconds(in: year)
                if Double(work) < remaining {
                    remaining -= Double(work)
                    if work > 0 { lastWorkingDay = year.endDay - 1 }
                    day = year.endDay
                    if day - lastWorkingDay > CalendarLimits.idleDaysLimit, year.year > horizonYear { return nil }
                    continue
                }
            }
            forEachSpan(on: day) { spanStart, spanEnd in
                lastWorkingDay = day
                let from = max(Double(spanStart), cursor)
                let end = Double(spanEnd)
                guard end > from else { return true }
                let available = end - from
                if remaining <= available {
                    result = from + remaining
                    return false
                }
                remaining -= available
                cursor = end
                return true
            }
            if let result { return result }
            if day - lastWorkingDay > CalendarLimits.idleDaysLimit, year.year > horizonYear { return nil }
            day += 1
        }
        return nil
    }

    /// The working seconds in `[start, end)`.
    mutating func measure(from start: Double, to end: Double) -> Double {
        let firstDay = localDay(containing: start)
        let lastDay = min(localDay(containing: end) + 1, CalendarLimits.endDay - 1)
        var total = 0.0
        var cursor = start
        var day = max(firstDay - 1, CalendarLimits.firstDay)
        while day <= lastDay {
            let year = holidays(containing: day)
            // Whole years well before the end are counted arithmetically.
            if day == year.firstDay, day > firstDay, year.endDay < lastDay - 1 {
                total += Double(workingSeconds(in: year))
                day = year.endDay
                continue
            }
            var finished = false
            forEachSpan(on: day) { spanStart, spanEnd in
                let from = max(Double(spanStart), cursor)
                if from >= end { finished = true; return false }
                let to = min(Double(spanEnd), end)
                if to > from { total += to - from }
                cursor = max(cursor, Double(spanEnd))
                return true
            }
            if finished { break }
            day += 1
        }
        return total
    }
}
