import Foundation

extension TicketDesk {
    /// The timer events of SLA clocks.
    public static let slaWarning = "sla_warning"
    public static let slaBreach = "sla_breach"

    /// `outcome` with the ticket's SLA clock brought up to date with its history lines (a creation
    /// starts the first-response clock; an agent's public reply stops it; the requester writing again
    /// starts a next-response clock; statuses in `paused_in` pause it; a priority change re-targets it)
    /// and the `sla_warning`/`sla_breach` timers armed to match. `before` is the ticket before the
    /// outcome (`nil` on creation).
    func clocked(_ outcome: Outcome, before: Ticket?, engine: LifecycleEngine) -> Outcome {
        var outcome = figured(outcome, lifecycle: engine.lifecycle)
        outcome.ticket.timers.removeAll { $0.event == Self.slaWarning || $0.event == Self.slaBreach }
        guard let scheme = catalog.priorities, let priority = outcome.ticket.priority, let level = scheme.level(priority),
              let calendar = catalog.calendar(team: outcome.ticket.team, lifecycle: engine.lifecycle) else { return outcome }
        var ticket = outcome.ticket
        var clock = ticket.sla
        let settled = lifecycleFacts.facts(of: engine.lifecycle, in: catalog).settledSet
        let paused = Set(scheme.pausedIn.map(\.id))
        let arithmetic = SLAArithmetic(calendar: calendar)
        for entry in outcome.history {
            switch entry.event {
            case "create":
                clock = SLAClock(kind: .firstResponse, priority: level.id, startedAt: entry.at,
                                 targetSeconds: level.firstResponseSeconds)
            case "priority":
                if var current = clock {
                    current.priority = level.id
                    current.targetSeconds = current.kind == .firstResponse ? level.firstResponseSeconds
                        : (level.nextResponseSeconds ?? level.firstResponseSeconds)
                    clock = current
                }
            default:
                guard var current = clock else { break }
                if entry.actor == .agent, isPublicReply(entry, lifecycle: engine.lifecycle), current.answeredAt == nil {
                    current.answeredAt = entry.at
                    if current.kind == .firstResponse {
                        current.firstResponseAt = entry.at
                        current.firstResponseSeconds = arithmetic.counted(from: current.startedAt, until: entry.at,
                                                                          pauses: current.pauses)
                        let due = arithmetic.instant(after: current.targetSeconds, from: current.startedAt, pauses: current.pauses)
                        current.firstResponseBreached = current.breached || (due.map { entry.at > $0 } ?? false)
                    }
                    closePause(&current, at: entry.at)
                } else if entry.actor == .requester, current.answeredAt != nil, !settled.contains(entry.to),
                          current.firstResponseAt != nil, let next = level.nextResponseSeconds {
                    var renewed = SLAClock(kind: .nextResponse, priority: level.id, startedAt: entry.at, targetSeconds: next)
                    renewed.firstResponseDue = current.firstResponseDue
                    renewed.firstResponseAt = current.firstResponseAt
                    renewed.firstResponseBreached = current.firstResponseBreached
                    renewed.firstResponseSeconds = current.firstResponseSeconds
                    current = renewed
                } else if current.answeredAt == nil, settled.contains(entry.to) {
                    // Solved or closed without a public reply: nothing is owed any more.
                    closePause(&current, at: entry.at)
                    current.answeredAt = entry.at
                }
                if current.answeredAt == nil {
                    if paused.contains(entry.to), !current.isPaused {
                        current.pauses.append(SLAClock.Pause(from: entry.at))
                    } else if !paused.contains(entry.to) {
                        closePause(&current, at: entry.at)
                    }
                }
                clock = current
            }
        }
        guard var current = clock else { return outcome }
        let schedule = arithmetic.schedule(current, warningShare: scheme.warningShare)
        current.dueAt = current.answeredAt == nil ? schedule.due : nil
        if current.kind == .firstResponse, let due = schedule.due { current.firstResponseDue = due }
        if current.answeredAt == nil, !current.isPaused {
            if !current.warned, let warning = schedule.warning { ticket.timers.append(ArmedTimer(event: Self.slaWarning, dueAt: warning)) }
            if !current.breached, let due = schedule.due { ticket.timers.append(ArmedTimer(event: Self.slaBreach, dueAt: due)) }
        }
        ticket.sla = current
        outcome.ticket = ticket
        return outcome
    }

    /// Whether the history line is an agent's reply the requester sees: its transition e-mails the requester.
    func isPublicReply(_ entry: HistoryEntry, lifecycle: LifecycleDefinition) -> Bool {
        guard !entry.isInternal else { return false }
        guard let transition = lifecycle.transitions.first(where: { $0.event == entry.event && $0.starts(from: entry.from ?? "") })
        else { return false }
        let notifications = !transition.notifications.isEmpty ? transition.notifications
            : (entry.from != entry.to ? lifecycle.onStatusChange : [])
        return notifications.contains { $0.recipient == .requester }
    }

    private func closePause(_ clock: inout SLAClock, at instant: Date) {
        if clock.isPaused { clock.pauses[clock.pauses.count - 1].to = instant }
    }

    /// Fires the ticket's earliest timer due at `now`: the life cycle's (through the engine) or the SLA
    /// clock's (each fires once: a history line, an e-mail to the assignee or the team); `nil` when none
    /// is due. One timer per write, so that each history line is one version of the ticket; `tick`
    /// claims the ticket again for the next.
    func fireDue(_ ticket: Ticket, engine: LifecycleEngine, at now: Date) async throws -> Outcome? {
        guard let due = ticket.timers.filter({ $0.dueAt <= now }).min(by: { ($0.dueAt, $0.event) < ($1.dueAt, $1.event) })
        else { return nil }
        if due.event == Self.slaWarning || due.event == Self.slaBreach {
            return try await fireSLA(due, on: ticket, engine: engine)
        }
        if let fired = engine.fireDueTimers(ticket, at: due.dueAt) {
            return clocked(fired, before: ticket, engine: engine)
        }
        // A timer no transition fires any more (its status was left): drop it.
        var dropped = ticket
        dropped.timers.removeAll { $0 == due }
        return Outcome(ticket: dropped)
    }

    private func fireSLA(_ timer: ArmedTimer, on ticket: Ticket, engine: LifecycleEngine) async throws -> Outcome {
        var next = ticket
        next.timers.removeAll { $0.event == timer.event }
        guard var clock = next.sla else { return Outcome(ticket: next) }
        let breach = timer.event == Self.slaBreach
        if breach {
            clock.breached = true
            if clock.kind == .firstResponse { clock.firstResponseBreached = true }
        } else {
            clock.warned = true
        }
        next.sla = clock
        next.updatedAt = timer.dueAt
        let what = clock.kind == .firstResponse ? "first response" : "next response"
        let due = clock.dueAt.map { " (due \($0.formatted(.iso8601)))" } ?? ""
        var outcome = Outcome(ticket: next, history: [
            HistoryEntry(at: timer.dueAt, actor: .system, event: timer.event, from: ticket.status, to: ticket.status,
                         message: breach ? "the \(what) is overdue\(due)" : "the \(what) is due soon\(due)"),
        ])
        let template = breach ? "sla-breach" : "sla-warning"
        if catalog.templates[template] != nil {
            for address in try await alertAddresses(for: ticket, at: timer.dueAt) {
                var request = NotificationRequest(recipient: .agent, template: template, event: timer.event)
                request.address = address
                outcome.notifications.append(request)
            }
        }
        return outcome
    }

    /// Who hears of a ticket's SLA: its assignee; else its team's address; else each of its agents.
    private func alertAddresses(for ticket: Ticket, at instant: Date) async throws -> [String] {
        if let assignee = ticket.assignee { return [assignee] }
        guard let team = ticket.team else { return [] }
        if let email = catalog.teams[team]?.email { return [email] }
        guard let people else { return [] }
        return try await people().staff().filter { $0.teams.contains(team) }.map(\.email)
    }
}
