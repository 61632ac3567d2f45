import Foundation
import FormrunnerCore
import PostgresNIO

extension PostgresTicketStore {
    public func tickets(_ numbers: [Int64]) async throws -> [Ticket] {
        guard !numbers.isEmpty else { return [] }
        return try await read { rows in try await rows.tickets(numbered: numbers) }
    }

    /// One transaction of a few set-wise statements for the whole batch (the tickets, then history,
    /// timers, attachments and outbox of those written), whatever its size: a round trip costs more
    /// than a row.
    public func update(batch changes: [TicketChange]) async throws -> [Int64] {
        guard !changes.isEmpty else { return [] }
        try TicketChange.requireWritable(changes)
        let stored = changes.map(\.storedForm)
        return try await transaction { rows in
            var written: Set<Int64> = []
            for slice in PostgresBatch.slices(of: stored, size: PostgresBatch.documentRows) {
                written.formUnion(try await rows.updateTickets(slice))
            }
            let conflicts = stored.map(\.ticket.number).filter { !written.contains($0) }
            if !conflicts.isEmpty {
                let known = try await rows.run(PostgresQuery(
                    unsafeSQL: "SELECT number FROM ticket WHERE number = ANY($1)", binds: PostgresBatch.binds(conflicts)))
                    .collect().map { try $0.decode(Int64.self) }
                if let missing = Set(conflicts).subtracting(known).min() { throw TicketStoreError.notFound(missing) }
            }
            try await rows.writeDependents(of: stored.filter { written.contains($0.ticket.number) })
            return conflicts
        }
    }

    /// One transaction, as a batch; a stale version throws (the first in ticket order) and rolls back
    /// the tickets already written.
    public func update(together changes: [TicketChange]) async throws {
        guard !changes.isEmpty else { return }
        try TicketChange.requireWritable(changes)
        let stored = changes.map { change in
            TicketChange(ticket: change.ticket.storedForm, expectedVersion: change.expectedVersion, history: change.history,
                         outbox: change.outbox.map { $0.storedForm(number: change.ticket.number) })
        }
        try await transaction { rows in
            var written: Set<Int64> = []
            for slice in PostgresBatch.slices(of: stored, size: PostgresBatch.documentRows) {
                written.formUnion(try await rows.updateTickets(slice))
            }
            if let stale = stored.filter({ !written.contains($0.ticket.number) }).min(by: { $0.ticket.number < $1.ticket.number }) {
                let number = stale.ticket.number
                let actual = try await rows.run("SELECT version FROM ticket WHERE number = \(number)").collect()
                guard let version = try actual.first?.decode(Int.self) else { throw TicketStoreError.notFound(number) }
                throw TicketStoreError.conflict(number: number, expected: stale.expectedVersion, actual: version)
            }
            try await rows.writeDependents(of: stored)
        }
    }

    public func markDelivered(_ ids: [String], at instant: Date) async throws {
        guard !ids.isEmpty else { return }
        var binds = PostgresBindings()
        binds.append(instant.millisecondsSince1970)
        binds.append(ids)
        try await transaction { rows in
            let marked = try await rows.run(PostgresQuery(
                unsafeSQL: "UPDATE outbox SET attempts = attempts + 1, delivered_at = $1 WHERE id = ANY($2) RETURNING id",
                binds: binds)).collect().map { try $0.decode(String.self) }
            if let unknown = ids.first(where: { !Set(marked).contains($0) }) { throw TicketStoreError.messageNotFound(unknown) }
        }
    }
}
