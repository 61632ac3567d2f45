import Foundation

/// The working spans of one calendar year in seconds since 1970, folded once from the week's
/// hours, the year's holidays and the time zone (DST included), with the working time before each
/// span: adding working time inside a year is two binary searches.
struct YearSpans: Sendable {
    let year: Int
    /// Span `i` is `[starts[i], ends[i])`; spans are sorted, disjoint and non-empty.
    let starts: [Double]
    let ends: [Double]
    /// The working seconds of the spans before span `i`.
    let before: [Double]
    /// The year's working seconds.
    var total: Double { (before.last ?? 0) + ((ends.last ?? 0) - (starts.last ?? 0)) }

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
/// thread; at most ``capacity`` years are kept.
final class YearSpansCache: @unchecked Sendable {
    static let capacity = 24
    private let lock = NSLock()
    private var years: [Int: YearSpans] = [:]

    func spans(_ year: Int, calendar: BusinessCalendar) -> YearSpans {
        lock.lock()
        if let spans = years[year] {
            lock.unlock()
            return spans
        }
        lock.unlock()
        var walk = CalendarWalk(calendar)
        let spans = YearSpans(year: year, walk: &walk)
        lock.lock()
        if years.count >= Self.capacity { years.removeAll(keepingCapacity: true) }
        years[year] = spans
        lock.unlock()
        return spans
    }
}
