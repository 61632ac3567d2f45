import Foundation

/// One ticket's write in a batch (``TicketStore/update(batch:)``): what
/// ``TicketStore/update(_:expectedVersion:history:outbox:)`` takes for one ticket.
public struct TicketChange: Sendable, Hashable {
    /// The ticket as it is to be stored; its `version` is `expectedVersion + 1`.
    public var ticket: Ticket
    /// The stored version the change was made from.
    public var expectedVersion: Int
    /// History lines to append.
    public var history: [HistoryEntry]
    /// Outbox messages to file under the ticket.
    public var outbox: [OutboxMessage]

    /// A change of `ticket` made from stored version `expectedVersion`.
    public init(ticket: Ticket, expectedVersion: Int, history: [HistoryEntry] = [], outbox: [OutboxMessage] = []) {
        self.ticket = ticket
        self.expectedVersion = expectedVersion
        self.history = history
        self.outbox = outbox
    }
}

extension TicketStore {
    /// Reads the tickets one at a time: the default of stores without a batched read.
    public func tickets(_ numbers: [Int64]) async throws -> [Ticket] {
        var found: [Ticket] = []
        for number in numbers {
            if let ticket = try await ticket(number) { found.append(ticket) }
        }
        return found
    }

    /// Writes each change with its own `update`, a conflict skipping that change only: the default of
    /// stores without a batched write (one transaction per change).
    public func update(batch changes: [TicketChange]) async throws -> [Int64] {
        var conflicts: [Int64] = []
        for change in changes {
            do {
                try await update(change.ticket, expectedVersion: change.expectedVersion, history: change.history,
                                 outbox: change.outbox)
            } catch TicketStoreError.conflict(let number, _, _) {
                conflicts.append(number)
            }
        }
        return conflicts
    }

    /// Marks each message delivered with its own `markDelivered`: the default of stores without a
    /// batched mark.
    public func markDelivered(_ ids: [String], at instant: Date) async throws {
        for id in ids { try await markDelivered(id, at: instant) }
    }
}

extension TicketChange {
    /// Checks what every store checks before a batch is written: versions that follow, storable
    /// tickets, each ticket once, outbox ids new within the batch.
    public static func requireWritable(_ changes: [TicketChange]) throws {
        var numbers: Set<Int64> = [], ids: Set<String> = []
        for change in changes {
            try change.ticket.requireVersion(following: change.expectedVersion)
            try change.ticket.requireStorable()
            guard numbers.insert(change.ticket.number).inserted else {
                throw TicketStoreError.invalid("ticket \(change.ticket.number) is changed twice in one batch")
            }
            for message in change.outbox where !ids.insert(message.id).inserted {
                throw TicketStoreError.invalid("outbox message \(message.id) already exists")
            }
        }
    }
}
