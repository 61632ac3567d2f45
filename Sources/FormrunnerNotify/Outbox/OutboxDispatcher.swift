import Foundation
import FormrunnerCore

/// Delivers the outbox: hands each due message to the notifier and records the outcome.
///
/// A message is marked delivered only after the notifier returns; a failure is recorded with the
/// next attempt from the ``RetryPolicy`` (the store counts the attempt), and after the last allowed
/// attempt the message stays failed with its next attempt at `Date.distantFuture` (dead-lettered).
/// Messages are never dropped; one delivered but not recorded (a crash, a store error) is offered
/// again once its claim runs out, and notifiers recognise it by its id.
///
/// Messages are claimed (``TicketStore/claimOutbox(at:limit:until:)``) for ``lease`` seconds before they
/// are delivered, so several dispatchers on one store (workers on several machines, a command run
/// while a worker is up) never deliver the same message twice.
public struct OutboxDispatcher: Sendable {
    /// Where the outbox lives.
    public var store: any TicketStore
    /// Who delivers.
    public var notifier: any Notifier
    /// When failed messages are retried.
    public var policy: RetryPolicy
    /// How long a claimed message is held before another dispatcher may take it (a crashed one's).
    public var lease: TimeInterval

    /// A dispatcher delivering `store`'s outbox through `notifier`.
    public init(store: any TicketStore, notifier: any Notifier, policy: RetryPolicy = .standard,
                lease: TimeInterval = TicketDesk.defaultLease) {
        self.store = store
        self.notifier = notifier
        self.policy = policy
        self.lease = max(lease, 0.001)
    }

    /// Claims up to `limit` messages due at `now`, oldest first, and delivers them one at a time.
    ///
    /// `shouldContinue` is asked before each message; once it says no, the rest stay claimed until
    /// the lease runs out and are then offered again.
    public func deliverDue(at now: Date, limit: Int,
                           while shouldContinue: @Sendable () -> Bool = { true }) async -> DispatchReport {
        await deliver(at: now, while: shouldContinue) {
            try await store.claimOutbox(at: now, limit: limit, until: now.addingTimeInterval(lease))
        }
    }

    /// Claims the messages among `ids` that are due at `now` and held by no one (what one command
    /// wrote), and delivers them one at a time; any other message waits for ``deliverDue(at:limit:while:)``.
    ///
    /// `shouldContinue` is asked before each message, as in ``deliverDue(at:limit:while:)``.
    public func deliver(ids: [String], at now: Date, while shouldContinue: @Sendable () -> Bool = { true }) async -> DispatchReport {
        guard !ids.isEmpty else { return DispatchReport() }
        return await deliver(at: now, while: shouldContinue) {
            try await store.claimOutbox(ids: ids, at: now, until: now.addingTimeInterval(lease))
        }
    }

    /// Claims messages with `claim`, then delivers them one at a time while `shouldContinue` says so.
    private func deliver(at now: Date, while shouldContinue: @Sendable () -> Bool,
                         claiming claim: () async throws -> [OutboxMessage]) async -> DispatchReport {
        var report = DispatchReport()
        let messages: [OutboxMessage]
        do {
            messages = try await claim()
        } catch {
            report.errors.append(.init(messageID: nil, ticketNumber: nil, error: "cannot read the outbox: \(error)"))
            return report
        }
        report.claimed = messages.count
        var delivered: [OutboxMessage] = []
        for message in messages {
            guard shouldContinue() else { break }
            if await deliver(message, at: now, into: &report) { delivered.append(message) }
        }
        await record(delivered, at: now, into: &report)
        return report
    }

    /// Records the deliveries of a claimed batch in one write.
    private func record(_ delivered: [OutboxMessage], at now: Date, into report: inout DispatchReport) async {
        guard !delivered.isEmpty else { return }
        do {
            try await store.markDelivered(delivered.map(\.id), at: now)
            report.delivered += delivered.count
        } catch {
            for message in delivered {
                report.errors.append(.init(
                    messageID: message.id, ticketNumber: message.ticketNumber,
                    error: "delivered, but cannot record it (it will be offered again when its claim runs out): \(error)"))
            }
        }
    }

    /// Hands `message` to the notifier; `true` when it was delivered (recorded later, with its batch),
    /// `false` when it failed (recorded at once).
    private func deliver(_ message: OutboxMessage, at now: Date, into report: inout DispatchReport) async -> Bool {
        let failure = { (text: String) in
            DispatchReport.Failure(messageID: message.id, ticketNumber: message.ticketNumber, error: text)
        }
        do {
            try await notifier.deliver(message)
        } catch {
            let failures = message.attempts + 1
            let next = policy.nextAttempt(afterFailures: failures, at: now)
            report.failed += 1
            if next == nil { report.dead.append(message.id) }
            let reason = "\(notifier.name): \(error)"
            report.errors.append(failure(next == nil ? "\(reason) (attempt \(failures) of \(policy.maxAttempts); given up)"
                                                     : "\(reason) (attempt \(failures) of \(policy.maxAttempts))"))
            do {
                try await store.markFailed(message.id, error: reason, nextAttemptAt: next ?? .distantFuture)
            } catch {
                report.errors.append(failure("cannot record the failed delivery: \(error)"))
            }
            return false
        }
        return true
    }
}
