import Foundation
import FormrunnerCore

/// A minimal in-memory work queue for dispatcher tests: the outbox only (no timers are ever due).
actor OutboxStoreDouble: TicketWorkQueue {
    private(set) var messages: [OutboxMessage]
    private(set) var failureLog: [(id: String, nextAttemptAt: Date)] = []
    /// How many `markDelivered` calls fail before they succeed (a store outage after delivery).
    private var markDeliveredFailures = 0

    init(_ messages: [OutboxMessage]) {
        self.messages = messages
    }

    func failMarkDelivered(times: Int) { markDeliveredFailures = times }

    func message(_ id: String) -> OutboxMessage? { messages.first { $0.id == id } }

    /// The messages of one ticket, in the order given.
    func outbox(for number: Int64) -> [OutboxMessage] {
        messages.filter { $0.ticketNumber == number }
    }

    func dueTickets(at instant: Date, limit: Int) async throws -> [Int64] { [] }

    func claimDueTickets(at instant: Date, limit: Int, until: Date) async throws -> [Int64] { [] }

    func pendingOutbox(at instant: Date, limit: Int) async throws -> [OutboxMessage] {
        Array(messages.filter { $0.deliveredAt == nil && $0.nextAttemptAt <= instant }
            .sorted { $0.createdAt < $1.createdAt }.prefix(limit))
    }

    func claimOutbox(at instant: Date, limit: Int, until: Date) async throws -> [OutboxMessage] {
        let claimed = try await pendingOutbox(at: instant, limit: limit)
        for message in claimed {
            if let index = messages.firstIndex(where: { $0.id == message.id }) { messages[index].nextAttemptAt = until }
        }
        return claimed
    }

    func claimOutbox(ids: [String], at instant: Date, until: Date) async throws -> [OutboxMessage] {
        let claimed = try await pendingOutbox(at: instant, limit: .max).filter { ids.contains($0.id) }
        for message in claimed {
            if let index = messages.firstIndex(where: { $0.id == message.id }) { messages[index].nextAttemptAt = until }
        }
        return claimed
    }

    func nextClaimableInstant() async throws -> Date? {
        messages.filter { $0.deliveredAt == nil }.map(\.nextAttemptAt).min()
    }

    func markDelivered(_ id: String, at instant: Date) async throws {
        if markDeliveredFailures > 0 {
            markDeliveredFailures -= 1
            throw TicketStoreError.unavailable("database is locked")
        }
        guard let index = messages.firstIndex(where: { $0.id == id }) else { throw TicketStoreError.unavailable("no message \(id)") }
        messages[index].deliveredAt = instant
        messages[index].lastError = nil
    }

    func markFailed(_ id: String, error: String, nextAttemptAt: Date) async throws {
        guard let index = messages.firstIndex(where: { $0.id == id }) else { throw TicketStoreError.unavailable("no message \(id)") }
        messages[index].attempts += 1
        messages[index].lastError = error
        messages[index].nextAttemptAt = nextAttemptAt
        failureLog.append((id, nextAttemptAt))
    }
}
