import Foundation

/// The weekly hours of a calendar normalised for arithmetic: per weekday, sorted, disjoint
/// intervals within the day, and their nominal lengths in seconds.
struct WorkWeek {
    /// Index 0 is Monday, 6 is Sunday.
    let intervals: [[WorkingInterval]]
    /// Nominal working seconds per weekday (lanes 0–6, Monday first; lane 7 is zero), ignoring DST.
    let seconds: SIMD8<Int64>
    /// Nominal working seconds in a week.
    let weekSeconds: Int64

    init(_ weeklyHours: [Weekday: [WorkingInterval]]) {
        let intervals = [
            WorkWeek.normalise(weeklyHours[.monday]), WorkWeek.normalise(weeklyHours[.tuesday]),
            WorkWeek.normalise(weeklyHours[.wednesday]), WorkWeek.normalise(weeklyHours[.thursday]),
            WorkWeek.normalise(weeklyHours[.friday]), WorkWeek.normalise(weeklyHours[.saturday]),
            WorkWeek.normalise(weeklyHours[.sunday]),
        ]
        var seconds = SIMD8<Int64>()
        for index in 0..<7 {
            for interval in intervals[index] { seconds[index] += Int64(interval.end - interval.start) * 60 }
        }
        self.intervals = intervals
        self.seconds = seconds
        self.weekSeconds = seconds.wrappedSum()
    }

    /// Whether no weekday has working time.
    var isEmpty: Bool { weekSeconds == 0 }

    /// Index into ``intervals`` and ``seconds`` for a day number.
    @inline(__always)
    static func index(ofDay day: Int64) -> Int {
        Int(floorMod(day + 3, 7))
    }

    /// Nominal working seconds of the days `first..<end`, holidays and DST not considered.
    func nominalSeconds(from first: Int64, to end: Int64) -> Int64 {
        guard end > first else { return 0 }
        let count = end - first
        var total = (count / 7) * weekSeconds
        let firstIndex = WorkWeek.index(ofDay: first)
        for offset in 0..<Int(count % 7) {
            total += seconds[(firstIndex + offset) % 7]
        }
        return total
    }

    /// Clamps to the day, drops empty intervals, sorts, and merges overlapping or touching ones.
    static func normalise(_ list: [WorkingInterval]?) -> [WorkingInterval] {
        guard let list else { return [] }
        // Fast path: already clean (the usual case), keep the array as it is.
        var clean = true
        var previousEnd = -1
        for interval in list {
            if interval.start <= previousEnd || !interval.isValid { clean = false; break }
            previousEnd = interval.end
        }
        if clean { return list }

        let clamped = list
            .map { WorkingInterval(start: max($0.start, 0), end: min($0.end, 1440)) }
            .filter { $0.start < $0.end }
            .sorted { $0.start < $1.start }
        var merged: [WorkingInterval] = []
        for interval in clamped {
            if let last = merged.last, interval.start <= last.end {
                merged[merged.count - 1].end = max(last.end, interval.end)
            } else {
                merged.append(interval)
            }
        }
        return merged
    }
}

/// Holidays of one calendar year, as a bit set over its days; building it allocates nothing
/// in the usual case.
struct HolidayYear {
    /// The calendar year.
    let year: Int
    /// Day number of January 1.
    let firstDay: Int64
    /// Day number of the next January 1.
    let endDay: Int64
    /// Bit `n` is set when day `firstDay + n` is a holiday.
    private var bits = SIMD8<UInt64>()

    init(year: Int, rules: [HolidayRule]) {
        self.year = year
        firstDay = LocalDate(uncheckedYear: year, month: 1, day: 1).dayNumber
        endDay = LocalDate(uncheckedYear: year + 1, month: 1, day: 1).dayNumber
        var easter: Int64?
        // Through a buffer pointer: iterating the array would copy (and retain) every rule.
        rules.withUnsafeBufferPointer { rules in
            for index in rules.indices {
                if let from = rules[index].fromYear, year < from { continue }
                if let until = rules[index].untilYear, year > until { continue }
                switch rules[index].kind {
                case .date(let date):
                    if date.year == year { insert(date.dayNumber) }
                case .annual(let month, let day):
                    if let date = LocalDate(year: year, month: month, day: day) { insert(date.dayNumber) }
                case .easter(let offset) where offset.magnitude <= 80:
                    let sunday = easter ?? BusinessCalendar.easterSunday(year: year).dayNumber
                    easter = sunday
                    insert(sunday + Int64(offset))
                case .easter:
                    for date in rules[index].occurrences(in: year) { insert(date.dayNumber) }
                }
            }
        }
    }

    /// The holidays of the year containing `day`.
    init(containing day: Int64, rules: [HolidayRule]) {
        self.init(year: LocalDate(dayNumber: day).year, rules: rules)
    }

    /// Whether `day` is in this year.
    @inline(__always)
    func covers(_ day: Int64) -> Bool { day >= firstDay && day < endDay }

    /// Whether `day` is a holiday (`false` outside this year).
    @inline(__always)
    func contains(_ day: Int64) -> Bool {
        guard covers(day) else { return false }
        let offset = Int(day - firstDay)
        return bits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }

    /// The holidays' day numbers, in order.
    var days: [Int64] {
        var days: [Int64] = []
        for word in 0..<8 {
            var remaining = bits[word]
            while remaining != 0 {
                days.append(firstDay + Int64(word * 64 + remaining.trailingZeroBitCount))
                remaining &= remaining - 1
            }
        }
        return days
    }

    private mutating func insert(_ day: Int64) {
        guard covers(day) else { return }
        let offset = Int(day - firstDay)
        bits[offset >> 6] |= 1 << UInt64(offset & 63)
    }
}

/// Maps wall-clock minutes of one local day to instants (seconds since 1970) in a time zone.
///
/// The UTC offset is sampled a day before and two days after the local midnight. When both
/// agree, the offset is taken to hold for the whole day (time zones do not change offset twice
/// within three days). Otherwise each time is resolved the way Foundation's `Calendar` does: a
/// time skipped by a forward jump moves forward by the length of the jump (02:30 becomes 03:30),
/// and a time that occurs twice after a backward jump is its earlier occurrence.
struct DayClock {
    let timeZone: TimeZone
    /// Local seconds of this day's midnight, counted as if local time were UTC.
    let midnight: Int64
    /// UTC offset in seconds a day before the day starts.
    let offsetBefore: Int64
    /// UTC offset in seconds a day after the day ends.
    let offsetAfter: Int64

    init(day: Int64, timeZone: TimeZone) {
        self.timeZone = timeZone
        midnight = day * 86_400
        offsetBefore = DayClock.offset(at: midnight - 86_400, in: timeZone)
        offsetAfter = DayClock.offset(at: midnight + 2 * 86_400, in: timeZone)
    }

    /// Whether the UTC offset is the same all day, so that working time equals nominal time.
    var isUniform: Bool { offsetBefore == offsetAfter }

    /// The instant (seconds since 1970) of `minute` minutes after this day's local midnight.
    @inline(__always)
    func instant(minute: Int) -> Int64 {
        let local = midnight + Int64(minute) * 60
        if offsetBefore == offsetAfter { return local - offsetBefore }
        let early = local - offsetBefore, late = local - offsetAfter
        let earlyValid = DayClock.offset(at: early, in: timeZone) == offsetBefore
        let lateValid = DayClock.offset(at: late, in: timeZone) == offsetAfter
        switch (earlyValid, lateValid) {
        case (true, true): return min(early, late)  // repeated wall time: the first occurrence
        case (false, true): return late
        default: return early                       // skipped wall time: moved forward by the jump
        }
    }

    /// The UTC offset at an instant (seconds since 1970).
    @inline(__always)
    static func offset(at instant: Int64, in timeZone: TimeZone) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant))))
    }
}
