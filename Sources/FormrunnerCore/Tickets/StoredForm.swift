import Foundation

// Every store hands back values in one canonical form, so that the in-memory and the SQLite store
// return equal tickets, history lines and messages for the same writes.

extension Ticket {
    /// The ticket as a store reads it back: instants rounded to whole milliseconds, one timer per
    /// event (the last listed wins), timers ordered by due time and then by event.
    public var storedForm: Ticket {
        var copy = self
        copy.createdAt = createdAt.roundedToMilliseconds
        copy.updatedAt = updatedAt.roundedToMilliseconds
        copy.lastInteractionAt = lastInteractionAt.roundedToMilliseconds
        copy.statusEnteredAt = statusEnteredAt.roundedToMilliseconds
        var byEvent: [String: Date] = [:]
        for timer in timers {
            byEvent[timer.event] = timer.dueAt.roundedToMilliseconds
        }
        copy.timers = byEvent.map { ArmedTimer(event: $0.key, dueAt: $0.value) }
            .sorted { ($0.dueAt, $0.event) < ($1.dueAt, $1.event) }
        copy.sla = sla?.storedForm
        copy.figures = figures?.storedForm
        return copy
    }
}

extension Ticket {
    /// Whether the ticket is in its stored form already (``storedForm`` would hand back an equal
    /// ticket), found without making that copy: instants whole milliseconds, timers one per event,
    /// ordered by due time and then by event.
    public var isInStoredForm: Bool {
        guard createdAt.isWholeMillisecond, updatedAt.isWholeMillisecond, lastInteractionAt.isWholeMillisecond,
              statusEnteredAt.isWholeMillisecond else { return false }
        for (index, timer) in timers.enumerated() {
            guard timer.dueAt.isWholeMillisecond else { return false }
            guard index > 0 else { continue }
            let before = timers[index - 1]
            guard (before.dueAt, before.event) < (timer.dueAt, timer.event),
                  !timers[..<index].contains(where: { $0.event == timer.event }) else { return false }
        }
        if let sla, sla != sla.storedForm { return false }
        if let figures, figures != figures.storedForm { return false }
        return true
    }
}

extension TicketChange {
    /// The change as a store writes it: its ticket and outbox in stored form (``Ticket/storedForm``,
    /// ``OutboxMessage/storedForm(number:)``) and ``previous`` kept only when it is the change's
    /// ``base``. Parts already in that form are kept as they are, not copied.
    public var storedForm: TicketChange {
        var copy = self
        if !ticket.isInStoredForm { copy.ticket = ticket.storedForm }
        if !isOutboxInStoredForm { copy.outbox = outbox.map { $0.storedForm(number: ticket.number) } }
        if previous != nil, !hasPreviousAsBase { copy.previous = nil }
        return copy
    }

    /// Whether its ticket and outbox are in stored form already and ``previous``, when given, is its
    /// ``base``: what a store writes, as it is.
    public var isInStoredForm: Bool {
        ticket.isInStoredForm && isOutboxInStoredForm && (previous == nil || hasPreviousAsBase)
    }

    private var isOutboxInStoredForm: Bool {
        outbox.allSatisfy { message in
            message.ticketNumber == ticket.number && message.createdAt.isWholeMillisecond
                && message.nextAttemptAt.isWholeMillisecond && (message.deliveredAt?.isWholeMillisecond ?? true)
        }
    }
}

extension HistoryEntry {
    /// The line as a store reads it back: its instant rounded to whole milliseconds.
    public var storedForm: HistoryEntry {
        var copy = self
        copy.at = at.roundedToMilliseconds
        return copy
    }
}

extension OutboxMessage {
    /// The message as a store reads it back, filed under `number`: instants rounded to whole milliseconds.
    public func storedForm(number: Int64) -> OutboxMessage {
        var copy = self
        copy.ticketNumber = number
        copy.createdAt = createdAt.roundedToMilliseconds
        copy.nextAttemptAt = nextAttemptAt.roundedToMilliseconds
        copy.deliveredAt = deliveredAt?.roundedToMilliseconds
        return copy
    }
}

extension Ticket {
    /// Refuses what no store can keep: a `number` answer that is not finite (JSON has no NaN or infinity).
    public func requireStorable() throws(TicketStoreError) {
        // The keys are sorted (so that the same one is named every time) only when one is refused.
        guard answers.values.contains(where: { answer in
            if case .number(let value) = answer { return !value.isFinite }
            return false
        }) else { return }
        for key in answers.keys.sorted() {
            if case .number(let value) = answers[key], !value.isFinite {
                throw .invalid("the answer to \(key) is \(value), which cannot be stored")
            }
        }
    }
}

extension Ticket {
    /// Refuses an update whose version does not follow `expectedVersion` by one: writing the same
    /// version again would let a later stale writer through.
    public func requireVersion(following expectedVersion: Int) throws(TicketStoreError) {
        guard version == expectedVersion + 1 else {
            throw .invalid("ticket \(number) is written as version \(version) over version \(expectedVersion); the new version must be \(expectedVersion + 1)")
        }
    }
}
