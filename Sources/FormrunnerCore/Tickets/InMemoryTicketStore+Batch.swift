import Foundation

extension InMemoryTicketStore {
    public func tickets(_ numbers: [Int64]) async throws -> [Ticket] {
        numbers.compactMap { tickets[$0] }
    }

    /// Checks every change first, so that a refused batch writes nothing, then writes those whose
    /// version still matches.
    public func update(batch changes: [TicketChange]) async throws -> [Int64] {
        try TicketChange.requireWritable(changes)
        var conflicts: [Int64] = []
        var writable: [TicketChange] = []
        for change in changes {
            guard let current = tickets[change.ticket.number] else { throw TicketStoreError.notFound(change.ticket.number) }
            guard current.version == change.expectedVersion else {
                conflicts.append(change.ticket.number)
                continue
            }
            if let used = change.outbox.first(where: { messageIndex[$0.id] != nil }) {
                throw TicketStoreError.invalid("outbox message \(used.id) already exists")
            }
            writable.append(change)
        }
        // Nothing below suspends: the actor writes the batch in one piece.
        for change in writable {
            try await update(change.ticket, expectedVersion: change.expectedVersion, history: change.history,
                             outbox: change.outbox)
        }
        return conflicts
    }

    /// Checks every change first (versions, outbox ids), then writes them all without suspending.
    public func update(together changes: [TicketChange]) async throws {
        try TicketChange.requireWritable(changes)
        for change in changes {
            guard let current = tickets[change.ticket.number] else { throw TicketStoreError.notFound(change.ticket.number) }
            guard current.version == change.expectedVersion else {
                throw TicketStoreError.conflict(number: change.ticket.number, expected: change.expectedVersion,
                                                actual: current.version)
            }
            if let used = change.outbox.first(where: { messageIndex[$0.id] != nil }) {
                throw TicketStoreError.invalid("outbox message \(used.id) already exists")
            }
        }
        // Nothing below suspends: the actor writes them in one piece.
        for change in changes {
            try await update(change.ticket, expectedVersion: change.expectedVersion, history: change.history,
                             outbox: change.outbox)
        }
    }

    public func markDelivered(_ ids: [String], at instant: Date) async throws {
        if let unknown = ids.first(where: { messageIndex[$0] == nil }) { throw TicketStoreError.messageNotFound(unknown) }
        for id in ids { try await markDelivered(id, at: instant) }
    }
}
