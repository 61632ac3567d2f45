import Foundation
import FormrunnerCore

/// A store that records the writes it is asked for and lets a test change a ticket behind the writer's
/// back just before a batch or a single update is written. Only its writing role interferes; reads and
/// the work queue go straight to `inner` (the extensions below).
final class InterferingStore: TicketStore, @unchecked Sendable {
    let inner: any TicketStore
    /// Runs before each batch write, with the batch.
    let beforeBatch: @Sendable (any TicketStore, [TicketChange]) async throws -> Void
    /// Runs before each single update, with the ticket to be written.
    let beforeUpdate: @Sendable (any TicketStore, Ticket) async throws -> Void
    private let lock = NSLock()
    private var batchNumbers: [[Int64]] = []
    private var updateNumbers: [Int64] = []

    init(_ inner: any TicketStore,
         beforeBatch: @escaping @Sendable (any TicketStore, [TicketChange]) async throws -> Void = { _, _ in },
         beforeUpdate: @escaping @Sendable (any TicketStore, Ticket) async throws -> Void = { _, _ in }) {
        self.inner = inner
        self.beforeBatch = beforeBatch
        self.beforeUpdate = beforeUpdate
    }

    /// The numbers of each batch written, in order.
    var batches: [[Int64]] { lock.withLock { batchNumbers } }
    /// The numbers of the tickets written alone, in order.
    var singles: [Int64] { lock.withLock { updateNumbers } }

    func create(_ ticket: Ticket, history: [HistoryEntry], submissionKey: String?, files: [String: URL],
                assignment: AssignmentRequest?, outbox: @Sendable (Ticket) throws -> [OutboxMessage]) async throws -> Ticket {
        try await inner.create(ticket, history: history, submissionKey: submissionKey, files: files, assignment: assignment,
                               outbox: outbox)
    }

    func update(_ ticket: Ticket, expectedVersion: Int, history: [HistoryEntry], outbox: [OutboxMessage],
                files: [String: URL]) async throws {
        lock.withLock { updateNumbers.append(ticket.number) }
        try await beforeUpdate(inner, ticket)
        try await inner.update(ticket, expectedVersion: expectedVersion, history: history, outbox: outbox, files: files)
    }

    func update(batch changes: [TicketChange]) async throws -> [Int64] {
        lock.withLock { batchNumbers.append(changes.map(\.ticket.number)) }
        try await beforeBatch(inner, changes)
        return try await inner.update(batch: changes)
    }

    func update(together changes: [TicketChange]) async throws {
        lock.withLock { batchNumbers.append(changes.map(\.ticket.number)) }
        try await beforeBatch(inner, changes)
        try await inner.update(together: changes)
    }
}

/// Reads go to the inner store.
extension InterferingStore {
    func ticket(_ number: Int64) async throws -> Ticket? { try await inner.ticket(number) }
    func tickets(_ numbers: [Int64]) async throws -> [Ticket] { try await inner.tickets(numbers) }
    func history(_ number: Int64) async throws -> [HistoryEntry] { try await inner.history(number) }
    func list(status: String?, before: Int64?, limit: Int) async throws -> [Ticket] {
        try await inner.list(status: status, before: before, limit: limit)
    }
    func list(requester email: String, status: String?, before: Int64?, limit: Int) async throws -> [Ticket] {
        try await inner.list(requester: email, status: status, before: before, limit: limit)
    }
    func count(status: String?) async throws -> Int { try await inner.count(status: status) }
    func search(_ text: String, limit: Int) async throws -> [Ticket] { try await inner.search(text, limit: limit) }
    func outbox(for number: Int64) async throws -> [OutboxMessage] { try await inner.outbox(for: number) }
}

/// The work queue is the inner store's.
extension InterferingStore {
    func dueTickets(at instant: Date, limit: Int) async throws -> [Int64] { try await inner.dueTickets(at: instant, limit: limit) }
    func pendingOutbox(at instant: Date, limit: Int) async throws -> [OutboxMessage] {
        try await inner.pendingOutbox(at: instant, limit: limit)
    }
    func markDelivered(_ id: String, at instant: Date) async throws { try await inner.markDelivered(id, at: instant) }
    func markDelivered(_ ids: [String], at instant: Date) async throws { try await inner.markDelivered(ids, at: instant) }
    func markFailed(_ id: String, error: String, nextAttemptAt: Date) async throws {
        try await inner.markFailed(id, error: error, nextAttemptAt: nextAttemptAt)
    }
    func claimDueTickets(at instant: Date, limit: Int, until: Date) async throws -> [Int64] {
        try await inner.claimDueTickets(at: instant, limit: limit, until: until)
    }
    func claimOutbox(at instant: Date, limit: Int, until: Date) async throws -> [OutboxMessage] {
        try await inner.claimOutbox(at: instant, limit: limit, until: until)
    }
    func claimOutbox(ids: [String], at instant: Date, until: Date) async throws -> [OutboxMessage] {
        try await inner.claimOutbox(ids: ids, at: instant, until: until)
    }
    func nextClaimableInstant() async throws -> Date? { try await inner.nextClaimableInstant() }
}

extension TicketStore {
    /// Writes ticket `number` again unchanged but for its version and a note line: someone else's
    /// change, made between a writer's read and its write.
    func touch(_ number: Int64, at instant: Date) async throws {
        guard var ticket = try await ticket(number) else { return }
        let version = ticket.version
        ticket.version += 1
        try await update(ticket, expectedVersion: version, history: [
            HistoryEntry(at: instant, actor: .agent, event: "note", from: ticket.status, to: ticket.status,
                         message: "looked at it", isInternal: true),
        ], outbox: [])
    }
}
