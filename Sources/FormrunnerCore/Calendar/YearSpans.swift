import Foundation

/// The working spans of one calendar year in seconds since 1970, folded once from the week's
/// hours, the year's holidays and the time zone (DST included), with the working time before each
/// span: adding working time inside a year is two binary searches.
final class YearSpans: Sendable {
    let year: Int
    /// Span `i` is `[starts[i], ends[i])`; spans are sorted, disjoint and non-empty.
    let starts: [Double]
    let ends: [Double]
    /// The working seconds of the spans before span `i`.
    let before: [Double]
    /// The number of spans.
    let count: Int
    /// The year's working seconds.
    let total: Double
    /// The start of the first span and the end of the last (`.infinity` and `-.infinity` when none).
    let firstStart: Double
    let lastEnd: Double

    /// The spans of the days of `year`, as ``CalendarWalk/forEachSpan(on:_:)`` gives them, clipped
    /// so that none overlaps the one before.
    init(year: Int, walk: inout CalendarWalk) {
        self.year = year
        let first = LocalDate(uncheckedYear: year, month: 1, day: 1).dayNumber
        let end = LocalDate(uncheckedYear: year + 1, month: 1, day: 1).dayNumber
        var starts: [Double] = [], ends: [Double] = [], before: [Double] = []
        var cursor = Int64.min
        var worked = 0.0
        for day in first..<end {
            walk.forEachSpan(on: day) { spanStart, spanEnd in
                let from = max(spanStart, cursor)
                if spanEnd > from {
                    starts.append(Double(from))
                    ends.append(Double(spanEnd))
                    before.append(worked)
                    worked += Double(spanEnd - from)
                }
                cursor = max(cursor, spanEnd)
                return true
            }
        }
        self.starts = starts
        self.ends = ends
        self.before = before
        count = starts.count
        total = worked
        firstStart = starts.first ?? .infinity
        lastEnd = ends.last ?? -.infinity
    }

    /// The instant `amount` working seconds after the start of span `from`, for an amount within
    /// the working time from there to the end of the year (`0 < amount <= total - before[from]`).
    @inline(__always)
    func instant(after amount: Double, from: Int) -> Double {
        let target = before[from] + amount
        let span = lastSpan(from: from, before: target)
        return starts[span] + (target - before[span])
    }

    /// The index of the first span that ends after `instant` (`starts.count` when none does).
    func firstSpan(endingAfter instant: Double) -> Int {
        var low = 0, high = ends.count
        while low < high {
            let middle = (low + high) >> 1
            if ends[middle] > instant { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The last span at or after `from` whose working time before it is below `target`.
    func lastSpan(from: Int, before target: Double) -> Int {
        var low = from, high = before.count - 1
        while low < high {
            let middle = (low + high + 1) >> 1
            if before[middle] < target { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

/// The ``YearSpans`` a calendar has needed so far, shared by every copy of the calendar and every
/// thread; at most ``capacity`` years are kept (a few kilobytes each).
final class YearSpansCache: @unchecked Sendable {
    static let capacity = 48
    private let lock = NSLock()
    /// A few dozen years at most: a linear scan of their numbers beats hashing.
    private var years: [YearSpans] = []

    func spans(_ year: Int, calendar: BusinessCalendar) -> YearSpans {
        lock.lock()
        for index in years.indices where years[index].year == year {
            let spans = years[index]
            lock.unlock()
            return spans
        }
        lock.unlock()
        var walk = CalendarWalk(calendar)
        let spans = YearSpans(year: year, walk: &walk)
        lock.lock()
        defer { lock.unlock() }
        if let known = years.first(where: { $0.year == year }) { return known }
        if years.count >= Self.capacity { years.removeAll(keepingCapacity: true) }
        years.append(spans)
        return spans
    }
}
