import Foundation
import FormrunnerCore
import GRDB

extension SQLiteTicketStore {
    public func tickets(_ numbers: [Int64]) async throws -> [Ticket] {
        guard !numbers.isEmpty else { return [] }
        return try await read { db in
            // SQLite binds at most 32,766 values a statement.
            try stride(from: 0, to: numbers.count, by: 10_000).flatMap { start in
                try TicketRows.tickets(numbered: Array(numbers[start..<min(start + 10_000, numbers.count)]), in: db)
            }
        }
    }

    /// One immediate transaction for the whole batch, a few multi-row statements per table
    /// (``TicketBatchWrite``, whose columns are compared before the writer is taken); a stale version
    /// skips its change, any other failure rolls everything back.
    public func update(batch changes: [TicketChange]) async throws -> [Int64] {
        guard !changes.isEmpty else { return [] }
        try TicketChange.requireWritable(changes)
        let batch = try TicketBatchWrite(changes)
        return try await write { db in try batch.write(in: db) }
    }

    /// ``update(batch:)`` and the claim in the same immediate transaction: one commit between two
    /// batches of a tick instead of two, and no other write between them. When the batch throws, the
    /// transaction is rolled back and nothing is claimed.
    public func update(batch changes: [TicketChange], thenClaimDueAt instant: Date, limit: Int,
                       until: Date) async throws -> (conflicts: [Int64], claimed: [Int64]) {
        guard !changes.isEmpty else { return ([], try await claimDueTickets(at: instant, limit: limit, until: until)) }
        try TicketChange.requireWritable(changes)
        let batch = try TicketBatchWrite(changes)
        let at = instant.millisecondsSince1970, held = until.millisecondsSince1970
        return try await write { db in
            let conflicts = try batch.write(in: db)
            guard limit > 0 else { return (conflicts, []) }
            return (conflicts, try Timers.claim(atMilliseconds: at, limit: limit, until: held, in: db))
        }
    }

    /// One immediate transaction: a stale version throws and rolls back every change written before it.
    public func update(together changes: [TicketChange]) async throws {
        guard !changes.isEmpty else { return }
        try TicketChange.requireWritable(changes)
        let stored = changes.map { change in
            TicketChange(ticket: change.ticket.storedForm, expectedVersion: change.expectedVersion, history: change.history,
                         outbox: change.outbox)
        }
        try await write { db in
            for change in stored where try !TicketWrites.update(change.ticket, expectedVersion: change.expectedVersion,
                                                                history: change.history, outbox: change.outbox, in: db) {
                throw TicketStoreError.conflict(number: change.ticket.number, expected: change.expectedVersion,
                                                actual: try TicketWrites.storedVersion(of: change.ticket.number, in: db))
            }
        }
    }

    public func markDelivered(_ ids: [String], at instant: Date) async throws {
        guard !ids.isEmpty else { return }
        try await write { db in
            for id in ids {
                try db.cachedStatement(sql: "UPDATE outbox SET attempts = attempts + 1, delivered_at = ? WHERE id = ?")
                    .execute(arguments: [instant.millisecondsSince1970, id])
                guard db.changesCount == 1 else { throw TicketStoreError.messageNotFound(id) }
            }
        }
    }
}
