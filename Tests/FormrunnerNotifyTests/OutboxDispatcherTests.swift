import Foundation
import Testing
import FormrunnerCore
@testable import FormrunnerNotify

@Suite("Outbox dispatcher")
struct OutboxDispatcherTests {
    let start = Sample.now

    @Test("backoff: 30 s doubling, capped at one hour; dead after the last attempt")
    func policy() {
        let policy = RetryPolicy()
        #expect((1...9).map { policy.delay(afterFailures: $0) } == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600])
        #expect(policy.delay(afterFailures: 10_000) == 3600)
        #expect(policy.nextAttempt(afterFailures: 1, at: start) == start.addingTimeInterval(30))
        #expect(policy.nextAttempt(afterFailures: 11, at: start) != nil)
        #expect(policy.nextAttempt(afterFailures: 12, at: start) == nil)
    }

    @Test("everything due is delivered once and marked delivered")
    func delivers() async {
        let store = OutboxStoreDouble([Sample.message(id: "a"), Sample.message(id: "b", at: start.addingTimeInterval(1)),
                                       Sample.message(id: "later", at: start.addingTimeInterval(60))])
        let notifier = RecordingNotifier()
        let dispatcher = OutboxDispatcher(store: store, notifier: notifier, policy: .standard)
        let report = await dispatcher.deliverDue(at: start.addingTimeInterval(5), limit: 10)
        #expect(report.delivered == 2 && report.failed == 0 && report.errors.isEmpty && report.dead.isEmpty)
        #expect(await notifier.delivered == ["a", "b"])
        #expect(await store.message("a")?.deliveredAt == start.addingTimeInterval(5))
        #expect(await store.message("later")?.deliveredAt == nil)
        let again = await dispatcher.deliverDue(at: start.addingTimeInterval(5), limit: 10)
        #expect(again.delivered == 0 && again.failed == 0)
        #expect(await notifier.delivered == ["a", "b"])
    }

    @Test("the limit is respected")
    func limit() async {
        let store = OutboxStoreDouble((1...5).map { Sample.message(id: "m\($0)", at: start.addingTimeInterval(Double($0))) })
        let notifier = RecordingNotifier()
        let report = await OutboxDispatcher(store: store, notifier: notifier).deliverDue(at: start.addingTimeInterval(10), limit: 2)
        #expect(report.delivered == 2)
        #expect(await notifier.delivered == ["m1", "m2"])
    }

    @Test("a flaky notifier: retried on the backoff schedule, delivered exactly once, nothing lost")
    func retries() async throws {
        let store = OutboxStoreDouble([Sample.message(id: "x")])
        let notifier = RecordingNotifier(failures: 3)
        let dispatcher = OutboxDispatcher(store: store, notifier: notifier, policy: RetryPolicy())
        var now = start
        var schedule: [TimeInterval] = []
        for _ in 1...3 {
            let report = await dispatcher.deliverDue(at: now, limit: 10)
            #expect(report.delivered == 0 && report.failed == 1 && report.dead.isEmpty)
            #expect(report.errors.first?.messageID == "x" && report.errors.first?.ticketNumber == 12)
            let message = try #require(await store.message("x"))
            #expect(message.lastError == "flaky: mail server unavailable")
            schedule.append(message.nextAttemptAt.timeIntervalSince(now))
            // Not due yet: nothing happens.
            let early = await dispatcher.deliverDue(at: message.nextAttemptAt.addingTimeInterval(-1), limit: 10)
            #expect(early.delivered == 0 && early.failed == 0)
            now = message.nextAttemptAt
        }
        #expect(schedule == [30, 60, 120])
        let report = await dispatcher.deliverDue(at: now, limit: 10)
        #expect(report.delivered == 1 && report.failed == 0)
        #expect(await notifier.delivered == ["x"])
        #expect(await notifier.calls == 4)
        let message = try #require(await store.message("x"))
        #expect(message.attempts == 3 && message.deliveredAt == now && message.lastError == nil)
        let after = await dispatcher.deliverDue(at: .distantFuture, limit: 10)
        #expect(after.delivered == 0 && after.failed == 0)
        #expect(await notifier.delivered == ["x"])
    }

    @Test("after the last allowed attempt a message is dead: failed, never tried again, still in the outbox")
    func deadLetter() async throws {
        let store = OutboxStoreDouble([Sample.message(id: "d")])
        let notifier = RecordingNotifier(failures: 100)
        let dispatcher = OutboxDispatcher(store: store, notifier: notifier,
                                          policy: RetryPolicy(baseDelay: 30, maxDelay: 3600, maxAttempts: 3))
        var now = start
        var reports: [DispatchReport] = []
        for _ in 1...3 {
            reports.append(await dispatcher.deliverDue(at: now, limit: 10))
            now = try #require(await store.message("d")).nextAttemptAt
        }
        #expect(reports.map(\.failed) == [1, 1, 1])
        #expect(reports.map(\.dead) == [[], [], ["d"]])
        #expect(reports[2].errors.first?.error.hasSuffix("(attempt 3 of 3; given up)") == true)
        let message = try #require(await store.message("d"))
        #expect(message.attempts == 3 && message.deliveredAt == nil && message.nextAttemptAt == .distantFuture)
        #expect(await store.failureLog.map { $0.nextAttemptAt.timeIntervalSince(start) }.prefix(2) == [30, 90])
        let later = await dispatcher.deliverDue(at: start.addingTimeInterval(86_400 * 365), limit: 10)
        #expect(later.delivered == 0 && later.failed == 0)
        #expect(await notifier.calls == 3)
        #expect(await store.outbox(for: 12).map(\.id) == ["d"])
    }

    @Test("one failing message does not hold up the others")
    func independent() async {
        let store = OutboxStoreDouble([Sample.message(id: "first"), Sample.message(id: "second", at: start.addingTimeInterval(1))])
        let notifier = RecordingNotifier(failures: 1)
        let report = await OutboxDispatcher(store: store, notifier: notifier).deliverDue(at: start.addingTimeInterval(2), limit: 10)
        #expect(report.delivered == 1 && report.failed == 1)
        #expect(await notifier.delivered == ["second"])
        #expect(await store.message("first")?.nextAttemptAt == start.addingTimeInterval(32))
    }

    @Test("delivered but not recorded: offered again once its claim runs out, never lost")
    func unrecorded() async {
        let store = OutboxStoreDouble([Sample.message(id: "u")])
        await store.failMarkDelivered(times: 1)
        let notifier = RecordingNotifier()
        let dispatcher = OutboxDispatcher(store: store, notifier: notifier)
        let first = await dispatcher.deliverDue(at: start, limit: 10)
        #expect(first.delivered == 0 && first.failed == 0 && first.errors.count == 1)
        #expect(first.errors.first?.error.hasPrefix("delivered, but cannot record it") == true)
        #expect(await store.message("u")?.deliveredAt == nil)
        let held = await dispatcher.deliverDue(at: start, limit: 10)
        #expect(held.delivered == 0 && held.errors.isEmpty)
        let afterLease = start.addingTimeInterval(dispatcher.lease)
        let second = await dispatcher.deliverDue(at: afterLease, limit: 10)
        #expect(second.delivered == 1 && second.errors.isEmpty)
        #expect(await store.message("u")?.deliveredAt == afterLease)
    }

    @Test("a store that cannot be read is reported, not fatal")
    func unreadableStore() async {
        let report = await OutboxDispatcher(store: BrokenStore(), notifier: RecordingNotifier()).deliverDue(at: start, limit: 10)
        #expect(report.delivered == 0 && report.errors.count == 1 && report.errors[0].messageID == nil)
        #expect(report.errors[0].error.hasPrefix("cannot read the outbox: "))
    }

    @Test("dispatching through a Maildir twice after lost bookkeeping leaves one file")
    func maildirRedelivery() async throws {
        try await Sample.withTemporaryFolder { root in
            let message = Sample.message(id: "once")
            let notifier = MaildirNotifier(root: root, hostname: "h")
            // A crash after delivery but before markDelivered: the message is offered again.
            try await notifier.deliver(message)
            let store = OutboxStoreDouble([message])
            let report = await OutboxDispatcher(store: store, notifier: notifier).deliverDue(at: start, limit: 10)
            #expect(report.delivered == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("new").path).count == 1)
        }
    }
}

/// A whole store that fails at everything: the dispatcher's work queue here, the desk's store in the
/// mail ingester tests.
struct BrokenStore: TicketStore {
    func create(_ ticket: Ticket, history: [HistoryEntry], submissionKey: String?, files: [String: URL],
                assignment: AssignmentRequest?, outbox: @Sendable (Ticket) throws -> [OutboxMessage]) async throws -> Ticket { throw error }
    func ticket(_ number: Int64) async throws -> Ticket? { throw error }
    func update(_ ticket: Ticket, expectedVersion: Int, history: [HistoryEntry], outbox: [OutboxMessage],
                files: [String: URL]) async throws { throw error }
    func update(together changes: [TicketChange]) async throws { throw error }
    func history(_ number: Int64) async throws -> [HistoryEntry] { throw error }
    func list(status: String?, before: Int64?, limit: Int) async throws -> [Ticket] { throw error }
    func list(requester email: String, status: String?, before: Int64?, limit: Int) async throws -> [Ticket] { throw error }
    func count(status: String?) async throws -> Int { throw error }
    func search(_ text: String, limit: Int) async throws -> [Ticket] { throw error }
    func dueTickets(at instant: Date, limit: Int) async throws -> [Int64] { throw error }
    func outbox(for number: Int64) async throws -> [OutboxMessage] { throw error }
    func pendingOutbox(at instant: Date, limit: Int) async throws -> [OutboxMessage] { throw error }
    func markDelivered(_ id: String, at instant: Date) async throws { throw error }
    func markFailed(_ id: String, error: String, nextAttemptAt: Date) async throws { throw self.error }
    func claimDueTickets(at instant: Date, limit: Int, until: Date) async throws -> [Int64] { throw error }
    func claimOutbox(at instant: Date, limit: Int, until: Date) async throws -> [OutboxMessage] { throw error }
    func claimOutbox(ids: [String], at instant: Date, until: Date) async throws -> [OutboxMessage] { throw error }
    func nextClaimableInstant() async throws -> Date? { throw error }
    private var error: TicketStoreError { .unavailable("disk on fire") }
}
