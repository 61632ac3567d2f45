import Foundation

/// A ticket's reply due instant in an agent's words, from the wall clock: "in 2 h 10 min",
/// "breached 35 min ago", "paused" (awaiting the requester), "answered", or "—" without a clock.
public enum SLADueText {
    /// The words for `ticket` at `now`.
    public static func text(for ticket: Ticket, at now: Date) -> String {
        guard let clock = ticket.sla else { return "—" }
        guard let due = clock.dueAt else { return clock.isPaused ? "paused" : "answered" }
        let seconds = due.timeIntervalSince(now)
        return seconds > 0 ? "in " + span(seconds) : "breached " + span(-seconds) + " ago"
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
