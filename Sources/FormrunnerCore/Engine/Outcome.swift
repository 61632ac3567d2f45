import Foundation

/// What an event did to a ticket: the new ticket and the effects to carry out with it, in the same
/// transaction (history lines, messages to send; the armed timers are in `ticket.timers`).
public struct Outcome: Hashable, Sendable {
    public var ticket: Ticket
    public var history: [HistoryEntry]
    public var notifications: [NotificationRequest]
    /// Timers armed (or re-armed) by this outcome.
    public var armed: [ArmedTimer]
    /// Events whose timers were cancelled.
    public var cancelled: [String]

    public init(ticket: Ticket, history: [HistoryEntry] = [], notifications: [NotificationRequest] = [],
                armed: [ArmedTimer] = [], cancelled: [String] = []) {
        self.ticket = ticket
        self.history = history
        self.notifications = notifications
        self.armed = armed
        self.cancelled = cancelled
    }

    /// This outcome followed by `next` (applied to this outcome's ticket).
    func then(_ next: Outcome) -> Outcome {
        Outcome(ticket: next.ticket, history: history + next.history, notifications: notifications + next.notifications,
                armed: armed.filter { timer in !next.cancelled.contains(timer.event) } + next.armed,
                cancelled: cancelled + next.cancelled)
    }
}

/// Why an event was refused, with a message that tells the person what to do instead.
public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of refusal.
    public enum Kind: String, Hashable, Sendable {
        /// The ticket is in a final status.
        case finalStatus = "final_status"
        /// The life cycle has no such event.
        case unknownEvent = "unknown_event"
        /// The event does not apply in the ticket's status.
        case wrongStatus = "wrong_status"
        /// This actor may not fire the event.
        case notAllowed = "not_allowed"
    }

    public var kind: Kind
    public var message: String
    /// Timers that fell due before the event and were fired anyway (e.g. the ticket was closed by
    /// the system before a late reply arrived); the caller stores this outcome even though the event
    /// itself was refused.
    public var advanced: Outcome?

    public var description: String { message }
}
