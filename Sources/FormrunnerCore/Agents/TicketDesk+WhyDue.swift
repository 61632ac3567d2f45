import Foundation

extension TicketDesk {
    /// `tickets why-due`: the ticket's priority, its target and calendar, and the arithmetic of its due instant.
    public func explainDue(_ ticket: Ticket, now: Date = Date()) throws -> String {
        guard let clock = ticket.sla else {
            throw Failure.invalidChange("ticket \(ticket.number) has no SLA clock"
                + (catalog.priorities == nil ? ": the catalog declares no priorities (add Workflows/priorities.yaml)"
                                             : ": it has no priority"))
        }
        let lifecycle = catalog.lifecycles[ticket.lifecycleID]
        guard let calendar = catalog.calendar(team: ticket.team, lifecycle: lifecycle) else {
            throw Failure.invalidChange("ticket \(ticket.number) has no calendar to count its SLA in")
        }
        let explanation = SLAExplanation(calendar: calendar)
        let label = catalog.priorities?.level(clock.priority)?.label.english ?? clock.priority
        let what = clock.kind == .firstResponse ? "first response" : "next response"
        var out = "Ticket \(ticket.number) · priority \(label) · \(what) within \(SLAExplanation.hours(clock.targetSeconds)) "
            + "of working time on calendar \(calendar.id) (\(calendar.timeZone.identifier))\n"
        out += "owed since \(explanation.local(clock.startedAt))\n"
        for line in explanation.lines(for: clock, now: now) { out += line + "\n" }
        if let answered = clock.answeredAt {
            out += "answered \(explanation.local(answered))" + (clock.breached || clock.firstResponseBreached ? " — late" : " — in time") + "\n"
        } else if clock.breached {
            out += "breached: no reply yet\n"
        }
        return out
    }
}
