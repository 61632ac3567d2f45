import Foundation

/// A ticket's reply due instant in an agent's words, from the wall clock: "in 2 h 10 min",
/// "breached 35 min ago", "paused" (awaiting the requester), "answered", or "—" without a clock.
public enum SLADueText {
    /// Where a ticket's owed reply stands, for words in any language.
    public enum State: Equatable, Sendable {
        /// The ticket has no SLA clock.
        case none
        /// The clock waits for the requester.
        case paused
        /// The first response was given.
        case answered
        /// Due in this many seconds.
        case dueIn(TimeInterval)
        /// Overdue by this many seconds.
        case breached(TimeInterval)
    }

    /// Where `ticket`'s owed reply stands at `now`.
    public static func state(of ticket: Ticket, at now: Date) -> State {
        guard let clock = ticket.sla else { return .none }
        guard let due = clock.dueAt else { return clock.isPaused ? .paused : .answered }
        let seconds = due.timeIntervalSince(now)
        return seconds > 0 ? .dueIn(seconds) : .breached(-seconds)
    }

    /// The words for `ticket` at `now`.
    public static func text(for ticket: Ticket, at now: Date) -> String {
        switch state(of: ticket, at: now) {
        case .none: return "—"
        case .paused: return "paused"
        case .answered: return "answered"
        case .dueIn(let seconds): return "in " + span(seconds)
        case .breached(let seconds): return "breached " + span(seconds) + " ago"
        }
    }

    /// A span in days, hours and minutes (whole minutes, rounded down; at least "1 min"), the two
    /// largest units that are not zero.
    public static func span(_ seconds: TimeInterval) -> String {
        let minutes = max(Int(seconds / 60), 1)
        let days = minutes / 1440, hours = minutes % 1440 / 60, rest = minutes % 60
        if days > 0 { return hours > 0 ? "\(days) d \(hours) h" : "\(days) d" }
        if hours > 0 { return rest > 0 ? "\(hours) h \(rest) min" : "\(hours) h" }
        return "\(rest) min"
    }
}
