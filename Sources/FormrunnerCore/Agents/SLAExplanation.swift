import Foundation

/// The arithmetic behind an SLA clock's due instant, line by line (`tickets why-due`): each working
/// interval counted, each weekend day and holiday skipped, each pause.
public struct SLAExplanation: Sendable {
    public let calendar: BusinessCalendar
    private let gregorian: Calendar

    public init(calendar: BusinessCalendar) {
        self.calendar = calendar
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = calendar.timeZone
        self.gregorian = gregorian
    }

    /// The lines that count `clock`'s target from its start to its due instant; the walk stops at
    /// `now` while the clock is paused (nothing is due yet).
    public func lines(for clock: SLAClock, now: Date) -> [String] {
        var lines: [String] = []
        var remaining = clock.targetSeconds
        var cursor = clock.startedAt
        let pauses = clock.pauses.sorted { $0.from < $1.from }
        var index = 0
        while remaining > 0 {
            let pause = index < pauses.count ? pauses[index] : nil
            let segmentEnd = pause.map { max($0.from, cursor) }
            let (counted, dueAt) = walk(from: cursor, until: segmentEnd, remaining: remaining, into: &lines)
            remaining -= counted
            if let dueAt {
                lines.append("due \(local(dueAt)): \(Self.hours(clock.targetSeconds)) counted")
                return lines
            }
            guard let pause else { break }
            let end = pause.to
            lines.append("paused \(local(pause.from)) → \(end.map(local) ?? "now") (awaiting the requester), "
                         + "\(Self.hours(remaining)) still to count")
            guard let end else {
                lines.append("not due while paused; the clock resumes when the requester answers")
                return lines
            }
            cursor = max(cursor, end)
            index += 1
        }
        if remaining <= 0 { lines.append("due \(local(cursor))") }
        return lines
    }

    /// Walks the days from `start` up to `end` (or without end), counting working time until
    /// `remaining` runs out; returns what it counted and the due instant when it ran out.
    private func walk(from start: Date, until end: Date?, remaining: Int64,
                      into lines: inout [String]) -> (counted: Int64, due: Date?) {
        var counted: Int64 = 0
        guard var day = localDate(start) else { return (0, nil) }
        var skipped: [String] = []
        func flushSkipped() {
            if !skipped.isEmpty { lines.append(contentsOf: skipped); skipped.removeAll() }
        }
        for _ in 0..<3660 {
            guard let midnight = instant(day, minutes: 0) else { break }
            if let end, midnight >= end { break }
            let weekday = day.weekday
            if let holiday = calendar.holiday(on: day), !(calendar.weeklyHours[weekday]?.isEmpty ?? true) {
                skipped.append("  \(day) \(weekday.short)  skipped: holiday (\(holiday.name))")
            } else if calendar.workingIntervals(on: day).isEmpty {
                skipped.append("  \(day) \(weekday.short)  skipped: no working hours (\(weekday.name))")
            } else {
                for interval in calendar.workingIntervals(on: day) {
                    guard let open = instant(day, minutes: interval.start), let close = instant(day, minutes: interval.end)
                    else { continue }
                    let from = max(open, start)
                    let to = min(close, end ?? close)
                    guard to > from else { continue }
                    let seconds = calendar.workingSeconds(from: from, to: to)
                    guard seconds > 0 else { continue }
                    flushSkipped()
                    if counted + seconds >= remaining {
                        let due = calendar.adding(workingSeconds: remaining - counted, to: from) ?? to
                        lines.append("  \(day) \(weekday.short)  \(clock(from))–\(clock(due))  counted \(Self.hours(remaining - counted))")
                        return (remaining, due)
                    }
                    counted += seconds
                    lines.append("  \(day) \(weekday.short)  \(clock(from))–\(clock(to))  counted \(Self.hours(seconds)), "
                                 + "\(Self.hours(remaining - counted)) to go")
                }
            }
            day = day.adding(days: 1)
        }
        flushSkipped()
        return (counted, nil)
    }

    private func localDate(_ date: Date) -> LocalDate? {
        let parts = gregorian.dateComponents([.year, .month, .day], from: date)
        return LocalDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
    }

    private func instant(_ day: LocalDate, minutes: Int) -> Date? {
        if minutes >= 1440 { return instant(day.adding(days: 1), minutes: minutes - 1440) }
        return gregorian.date(from: DateComponents(year: day.year, month: day.month, day: day.day,
                                                   hour: minutes / 60, minute: minutes % 60))
    }

    private func clock(_ date: Date) -> String {
        let parts = gregorian.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `2026-12-04 17:30 (Fri)` in the calendar's zone.
    public func local(_ date: Date) -> String {
        guard let day = localDate(date) else { return date.formatted(.iso8601) }
        return "\(day) \(clock(date)) (\(day.weekday.short))"
    }

    /// `1h30`, `4h`, `0h05`, `12s`.
    static func hours(_ seconds: Int64) -> String {
        if seconds < 60, seconds % 60 != 0 { return "\(seconds)s" }
        let minutes = seconds / 60
        return minutes % 60 == 0 ? "\(minutes / 60)h" : String(format: "%lldh%02lld", minutes / 60, minutes % 60)
    }
}

extension Weekday {
    /// `Mon`, `Tue`, …
    var short: String { String(name.prefix(3)).capitalized }
}
