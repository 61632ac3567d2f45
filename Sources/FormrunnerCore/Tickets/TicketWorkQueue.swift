import Foundation

/// The work-queue role of a ticket store: the due timers and the outbox, claimed by workers so that
/// none does anything twice, and the marks that record each delivery's outcome.
public protocol TicketWorkQueue: Sendable {
    /// Numbers of tickets with a timer due at or before `instant`, earliest due first.
    func dueTickets(at instant: Date, limit: Int) async throws -> [Int64]

    /// Claims the timers due at or before `instant` that no one holds, until `until`; returns the numbers
    /// of their tickets (at most `limit`, each once), earliest due first.
    func claimDueTickets(at instant: Date, limit: Int, until: Date) async throws -> [Int64]

    /// Undelivered messages whose next attempt is at or before `instant`, oldest first.
    func pendingOutbox(at instant: Date, limit: Int) async throws -> [OutboxMessage]

    /// Claims undelivered messages due at or before `instant`, oldest first, by moving their next attempt
    /// to `until`; returns them as stored after the claim.
    func claimOutbox(at instant: Date, limit: Int, until: Date) async throws -> [OutboxMessage]

    /// Claims, like ``claimOutbox(at:limit:until:)``, only the messages among `ids` that are undelivered,
    /// due at or before `instant` and held by no one: what a command wrote, delivered after its work.
    /// Unknown ids are skipped.
    func claimOutbox(ids: [String], at instant: Date, until: Date) async throws -> [OutboxMessage]

    /// Records a successful delivery.
    func markDelivered(_ id: String, at instant: Date) async throws

    /// Records successful deliveries of several messages in one write; an unknown id throws
    /// ``TicketStoreError/messageNotFound(_:)`` and records nothing.
    func markDelivered(_ ids: [String], at instant: Date) async throws

    /// Records a failed delivery and when to try again.
    func markFailed(_ id: String, error: String, nextAttemptAt: Date) async throws

    /// The earliest instant at which a timer or an outbox message can be claimed (a held timer counts at
    /// the end of its claim), or `nil` when nothing is armed or waiting.
    func nextClaimableInstant() async throws -> Date?
}
