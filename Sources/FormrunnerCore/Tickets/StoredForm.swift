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
