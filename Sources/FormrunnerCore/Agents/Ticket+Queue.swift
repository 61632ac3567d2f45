import Foundation

extension Ticket {
    /// When the reply the ticket waits for is due: the first response's due instant until an agent
    /// first replied in public, then the next response's (owed each time the requester writes again);
    /// `nil` when no reply is owed, the clock is paused (awaiting the requester) or there is no clock.
    public var queueDue: Date? { sla?.dueAt }

    /// From when the ticket counts as breaching its SLA (its warning reached or its due instant passed):
    /// the armed `sla_warning` timer's instant, else the due instant; an instant in the past once the
    /// warning or the breach has fired; `nil` when no reply is owed.
    public var slaAlertAt: Date? {
        guard let clock = sla, let due = clock.dueAt else { return nil }
        if clock.warned || clock.breached { return min(clock.startedAt, due) }
        let warning = timers.first { $0.event == TicketDesk.slaWarning }?.dueAt
        return warning.map { min($0, due) } ?? due
    }

    /// Value stores keep for a missing instant in the queue's columns, so that it sorts last.
    public static let queueNever = Int64.max

    /// ``queueDue`` in whole milliseconds as stores keep it, ``queueNever`` when there is none.
    public var queueDueKey: Int64 { queueDue?.millisecondsSince1970 ?? Self.queueNever }

    /// ``slaAlertAt`` in whole milliseconds as stores keep it, ``queueNever`` when there is none.
    public var slaAlertKey: Int64 { slaAlertAt?.millisecondsSince1970 ?? Self.queueNever }
}
