import Foundation

/// One ticket's write in a batch (``TicketWriting/update(batch:)``): what
/// ``TicketWriting/update(_:expectedVersion:history:outbox:)`` takes for one ticket.
public struct TicketChange: Sendable, Hashable {
    /// The ticket as it is to be stored; its `version` is `expectedVersion + 1`.
    public var ticket: Ticket
    /// The stored version the change was made from.
    public var expectedVersion: Int
    /// History lines to append.
    public var history: [HistoryEntry]
    /// Outbox messages to file under the ticket.
    public var outbox: [OutboxMessage]
    /// The ticket as this store handed it back at `expectedVersion`, when the change was made from it:
    /// a store may then write only what differs from it (a timer firing changes neither the title nor
    /// the answers, so their search words and attachment rows are left as stored). Ignored unless its
    /// number and version are the change's; `nil`: everything is written.
    public var previous: Ticket?

    /// A change of `ticket` made from stored version `expectedVersion` (read as `previous`, if given).
    public init(ticket: Ticket, expectedVersion: Int, history: [HistoryEntry] = [], outbox: [OutboxMessage] = [],
                previous: Ticket? = nil) {
        self.ticket = ticket
        self.expectedVersion = expectedVersion
        self.history = history
        self.outbox = outbox
        self.previous = previous
    }

    /// ``previous`` when it is the stored ticket this change is written over: same number, at
    /// `expectedVersion`.
    public var base: Ticket? { hasPreviousAsBase ? previous : nil }

    /// Whether ``previous`` is given and is the change's ``base`` (found without copying it).
    var hasPreviousAsBase: Bool {
        guard let number = previous?.number, let version = previous?.version else { return false }
        return number == ticket.number && version == expectedVersion
    }
}

extension TicketReading {
    /// Reads the tickets one at a time: the default of stores without a batched read.
    public func tickets(_ numbers: [Int64]) async throws -> [Ticket] {
        var found: [Ticket] = []
        for number in numbers {
            if let ticket = try await ticket(number) { found.append(ticket) }
        }
        return found
    }
}

extension TicketWriting {
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
}

extension TicketWorkQueue {
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
        numbers.reserveCapacity(changes.count)
        ids.reserveCapacity(changes.count)
        // Through a pointer: `for change in changes` copied every change (a dozen retains each), and
        // so does a method called on `changes[index].ticket`; a pointer's element is read where it is.
        try changes.withUnsafeBufferPointer { buffer in
            guard let changes = buffer.baseAddress else { return }
            for index in buffer.indices {
                try changes[index].ticket.requireVersion(following: changes[index].expectedVersion)
                try changes[index].ticket.requireStorable()
                guard numbers.insert(changes[index].ticket.number).inserted else {
                    throw TicketStoreError.invalid("ticket \(changes[index].ticket.number) is changed twice in one batch")
                }
                for message in changes[index].outbox.indices where !ids.insert(changes[index].outbox[message].id).inserted {
                    throw TicketStoreError.invalid("outbox message \(changes[index].outbox[message].id) already exists")
                }
            }
        }
    }
}
