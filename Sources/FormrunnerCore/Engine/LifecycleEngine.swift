import Foundation

/// Runs tickets through a life cycle: a pure function of (ticket, event, actor, now) that returns the
/// new ticket and its effects, or a refusal with its reason.
///
/// Everything it does comes from the ``LifecycleDefinition``: which events exist, who may fire them,
/// from which statuses, what they notify, and which timers they arm. Timers are kept as exact due
/// instants on the ticket; they fire in ``fireDueTimers(_:at:)`` (called by `tick` and, lazily,
/// before any event), never by polling.
public struct LifecycleEngine: Sendable {
    public let lifecycle: LifecycleDefinition
    /// The calendar timers count working hours in (required when the life cycle has timers).
    public let calendar: BusinessCalendar?

    public init(lifecycle: LifecycleDefinition, calendar: BusinessCalendar?) {
        self.lifecycle = lifecycle
        self.calendar = calendar
    }

    /// A new ticket in the initial status, with its creation history, its `on_create` notifications
    /// and the timers of the initial status armed.
    public func open(_ ticket: Ticket, at now: Date) -> Outcome {
        var ticket = ticket
        ticket.lifecycleID = lifecycle.id
        ticket.status = lifecycle.initial.id
        ticket.createdAt = now
        ticket.updatedAt = now
        ticket.lastInteractionAt = now
        ticket.statusEnteredAt = now
        ticket.version = 1
        ticket.timers = []
        let armed = timers(for: ticket)
        ticket.timers = armed
        return Outcome(ticket: ticket,
                       history: [HistoryEntry(at: now, actor: .requester, event: "create", from: nil, to: ticket.status)],
                       notifications: lifecycle.onCreate.map {
                           NotificationRequest(recipient: $0.recipient, template: $0.template, event: "create")
                       },
                       armed: armed)
    }

    /// Applies `event` fired by `actor` at `now`. Timers due at or before `now` fire first, so a
    /// reply that comes after the automatic close is refused as it should be.
    public func apply(_ event: String, by actor: Actor, message: String? = nil, to ticket: Ticket,
                      at now: Date) -> Result<Outcome, Refusal> {
        let advanced = fireDueTimers(ticket, at: now)
        let current = advanced?.ticket ?? ticket
        switch transition(for: event, by: actor, on: current) {
        case .failure(var refusal):
            refusal.advanced = advanced
            return .failure(refusal)
        case .success(let transition):
            let outcome = perform(transition, by: actor, message: message, on: current, at: now)
            return .success(advanced.map { $0.then(outcome) } ?? outcome)
        }
    }

    /// Fires every timer of `ticket` due at or before `now`, earliest first, each at its own due
    /// instant; `nil` when none is due.
    public func fireDueTimers(_ ticket: Ticket, at now: Date) -> Outcome? {
        var result: Outcome?
        var current = ticket
        // Each firing may arm new timers; a bounded loop keeps a pathological life cycle finite.
        for _ in 0..<64 {
            let timed = Set(lifecycle.timedTransitions.map(\.event))
            guard let due = current.timers.filter({ $0.dueAt <= now && timed.contains($0.event) }).min(by: { $0.dueAt < $1.dueAt }),
                  let transition = lifecycle.transitions.first(where: {
                      $0.event == due.event && $0.timer != nil && $0.starts(from: current.status)
                  }) else { break }
            let outcome = perform(transition, by: .system, message: nil, on: current, at: due.dueAt)
            result = result.map { $0.then(outcome) } ?? outcome
            current = outcome.ticket
        }
        return result
    }

    /// The transition `event` takes from the ticket's status, or why it cannot.
    func transition(for event: String, by actor: Actor, on ticket: Ticket) -> Result<TransitionDefinition, Refusal> {
        let statusLabel = label(of: ticket.status)
        if let status = lifecycle.status(ticket.status), status.isFinal {
            return .failure(Refusal(kind: .finalStatus, message:
                "ticket \(ticket.number) is \(statusLabel); \(statusLabel.lowercased()) tickets cannot be reopened or changed — open a new ticket"))
        }
        let candidates = lifecycle.transitions.filter { $0.event == event }
        guard !candidates.isEmpty else {
            let events = Array(Set(lifecycle.transitions.map(\.event))).sorted()
            return .failure(Refusal(kind: .unknownEvent, message:
                "unknown event '\(event)' in lifecycle '\(lifecycle.id)'" + Suggestion.hintOrList(for: event, in: events)))
        }
        guard let transition = candidates.first(where: { $0.starts(from: ticket.status) }) else {
            let from = candidates.flatMap(\.from).map { label(of: $0.id) }
            return .failure(Refusal(kind: .wrongStatus, message:
                "ticket \(ticket.number) is \(statusLabel); '\(event)' applies only to tickets that are \(Self.list(from, joiner: "or"))"))
        }
        guard transition.actors.contains(actor) else {
            return .failure(Refusal(kind: .notAllowed, message:
                "the \(actor.rawValue) cannot '\(event)' ticket \(ticket.number); only the \(Self.list(transition.actors.map(\.rawValue), joiner: "or")) can"))
        }
        return .success(transition)
    }

    private func perform(_ transition: TransitionDefinition, by actor: Actor, message: String?, on ticket: Ticket,
                         at now: Date) -> Outcome {
        var next = ticket
        let from = ticket.status
        let to = transition.to?.id ?? from
        next.status = to
        next.updatedAt = now
        next.version = ticket.version + 1
        if actor != .system { next.lastInteractionAt = now }
        if to != from { next.statusEnteredAt = now }
        let previousEvents = Set(ticket.timers.map(\.event))
        let armed = timers(for: next, keeping: to != from ? [] : ticket.timers.filter { $0.event != transition.event })
        next.timers = armed
        let cancelled = previousEvents.subtracting(armed.map(\.event)).sorted()
        let notifications: [Notification] = !transition.notifications.isEmpty ? transition.notifications
            : (to != from ? lifecycle.onStatusChange : [])
        return Outcome(
            ticket: next,
            history: [HistoryEntry(at: now, actor: actor, event: transition.event, from: from, to: to, message: message)],
            notifications: notifications.map {
                NotificationRequest(recipient: $0.recipient, template: $0.template, event: transition.event,
                                    previousStatus: to != from ? from : nil, message: message)
            },
            armed: armed.filter { timer in !ticket.timers.contains(timer) },
            cancelled: cancelled)
    }

    /// The timers the ticket's status calls for. `since: last_interaction` timers count from the last
    /// interaction; `since: entered` timers keep their due instant while the status lasts.
    func timers(for ticket: Ticket, keeping existing: [ArmedTimer] = []) -> [ArmedTimer] {
        guard let calendar else { return [] }
        return lifecycle.timedTransitions.compactMap { transition -> ArmedTimer? in
            guard let timer = transition.timer, transition.starts(from: ticket.status) else { return nil }
            if timer.since == .entered, let kept = existing.first(where: { $0.event == transition.event }) {
                return kept
            }
            let anchor = timer.since == .entered ? ticket.statusEnteredAt : max(ticket.lastInteractionAt, ticket.statusEnteredAt)
            return calendar.adding(workingSeconds: timer.workingSeconds, to: anchor).map {
                ArmedTimer(event: transition.event, dueAt: $0)
            }
        }
    }

    /// The label of a status, or its id.
    public func label(of status: String) -> String {
        lifecycle.status(status)?.label.english ?? status
    }

    static func list(_ items: [String], joiner: String) -> String {
        var unique: [String] = []
        for item in items where !unique.contains(item) { unique.append(item) }
        guard unique.count > 1 else { return unique.first ?? "" }
        return unique.dropLast().joined(separator: ", ") + " \(joiner) " + unique.last!
    }
}
