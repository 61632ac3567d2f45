import Foundation

/// The weekly hours of a calendar normalised for arithmetic: per weekday, sorted, disjoint
/// intervals within the day, and their nominal lengths in seconds.
struct WorkWeek {
    /// Index 0 is Monday, 6 is Sunday.
    let intervals: [[WorkingInterval]]
    /// Nominal working seconds per weekday (index 0 is Monday), ignoring DST.
    let seconds: [Int64]
    /// Nominal working seconds in a week.
    let weekSeconds: Int64

    init(_ weeklyHours: [Weekday: [WorkingInterval]]) {
        var intervals = Array(repeating: [WorkingInterval](), count: 7)
        for (weekday, list) in weeklyHours {
            intervals[weekday.rawValue - 1] = WorkWeek.normalise(list)
        }
        let seconds = intervals.map { list in list.reduce(Int64(0)) { $0 + Int64($1.end - $1.start) * 60 } }
        self.intervals = intervals
        self.seconds = seconds
        self.weekSeconds = seconds.reduce(0, +)
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
    private static func normalise(_ list: [WorkingInterval]) -> [WorkingInterval] {
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

/// Holidays of one calendar year, as sorted day numbers.
struct HolidayYear {
    /// The calendar year.
    let year: Int
    /// Day number of January 1.
    let firstDay: Int64
    /// Day number of the next January 1.
    let endDay: Int64
    /// Day numbers of the holidays, sorted, without duplicates.
    let days: [Int64]

    init(year: Int, rules: [HolidayRule]) {
        self.year = year
        firstDay = LocalDate(uncheckedYear: year, month: 1, day: 1).dayNumber
        endDay = LocalDate(uncheckedYear: year + 1, month: 1, day: 1).dayNumber
        var days: [Int64] = []
        for rule in rules {
            for date in rule.occurrences(in: year) { days.append(date.dayNumber) }
        }
        days.sort()
        var unique: [Int64] = []
        unique.reserveCapacity(days.count)
        for day in days where unique.last != day { unique.append(day) }
        self.days = unique
    }

    /// The holidays of the year containing `day`.
    init(containing day: Int64, rules: [HolidayRule]) {
        self.init(year: LocalDate(dayNumber: day).year, rules: rules)
    }

    /// Whether `day` is in this year.
    @inline(__always)
    func covers(_ day: Int64) -> Bool { day >= firstDay && day < endDay }

    /// Whether `day` (assumed in this year) is a holiday.
    func contains(_ day: Int64) -> Bool {
        var low = 0, high = days.count
        while low < high {
            let mid = (low + high) / 2
            if days[mid] < day { low = mid + 1 } else { high = mid }
        }
        return low < days.count && days[low] == day
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
