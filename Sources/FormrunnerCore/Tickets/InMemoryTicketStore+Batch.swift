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

    public func markDelivered(_ ids: [String], at instant: Date) async throws {
        if let unknown = ids.first(where: { messageIndex[$0] == nil }) { throw TicketStoreError.messageNotFound(unknown) }
        for id in ids { try await markDelivered(id, at: instant) }
    }
}
