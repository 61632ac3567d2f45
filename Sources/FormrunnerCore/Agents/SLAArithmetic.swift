import Foundation

/// The due instant of an SLA clock: `target` working seconds of `calendar`, counted from `start`,
/// not counting the pauses. A pure function of its inputs, used both to arm the timers and to
/// explain them (`tickets why-due`).
public struct SLAArithmetic: Sendable {
    public let calendar: BusinessCalendar

    public init(calendar: BusinessCalendar) {
        self.calendar = calendar
    }

    /// The instant at which `seconds` working seconds have run since `start`, pauses excepted;
    /// `nil` while the clock is paused before they have run (or the calendar has no working time).
    public func instant(after seconds: Int64, from start: Date, pauses: [SLAClock.Pause]) -> Date? {
        var remaining = seconds
        var cursor = start
        for pause in pauses.sorted(by: { $0.from < $1.from }) {
            if let end = pause.to, end <= cursor { continue }
            let pauseStart = max(pause.from, cursor)
            let worked = calendar.workingSeconds(from: cursor, to: pauseStart)
            if worked >= remaining { return calendar.adding(workingSeconds: remaining, to: cursor) }
            remaining -= worked
            guard let end = pause.to else { return nil }
            cursor = max(end, cursor)
        }
        return calendar.adding(workingSeconds: remaining, to: cursor)
    }

    /// The working seconds the clock has counted from `start` until `end`, pauses excepted.
    public func counted(from start: Date, until end: Date, pauses: [SLAClock.Pause]) -> Int64 {
        var total: Int64 = 0
        var cursor = start
        for pause in pauses.sorted(by: { $0.from < $1.from }) {
            let pauseStart = min(max(pause.from, cursor), end)
            total += calendar.workingSeconds(from: cursor, to: pauseStart)
            cursor = max(cursor, min(pause.to ?? end, end))
        }
        return total + calendar.workingSeconds(from: cursor, to: end)
    }

    /// The clock's due instant and its warning instant (`share` of the target).
    public func schedule(_ clock: SLAClock, warningShare: Double) -> (due: Date?, warning: Date?) {
        let warningSeconds = Int64((Double(clock.targetSeconds) * warningShare).rounded())
        return (instant(after: clock.targetSeconds, from: clock.startedAt, pauses: clock.pauses),
                instant(after: warningSeconds, from: clock.startedAt, pauses: clock.pauses))
    }
}
