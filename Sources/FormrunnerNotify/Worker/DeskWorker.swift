import Foundation
import FormrunnerCore

/// Fires timers and delivers the outbox, once or for as long as it is let run.
///
/// Timers and messages are claimed before they are handled (see ``TicketStore``), so any number of
/// workers can share one store: none fires a timer or sends a message another is handling. Between
/// passes the worker sleeps until the next timer falls due or the next message is to be tried
/// (``TicketWorkQueue/nextClaimableInstant()``), but never longer than ``poll``, so that work filed by
/// other processes is picked up within it. Asked to stop, it finishes the ticket or message in hand
/// and returns; what it had claimed but not handled comes back to any worker when the claim runs out.
public struct DeskWorker: Sendable {
    /// What one pass did.
    public struct PassReport: Sendable {
        /// The timers fired and conflicts met.
        public var tick = TicketDesk.TickReport()
        /// The deliveries.
        public var delivery = DispatchReport()

        /// Whether the pass handled anything (then another pass follows at once).
        public var didWork: Bool { !tick.fired.isEmpty || !tick.conflicts.isEmpty || delivery.claimed > 0 }
    }

    /// The desk whose timers fire.
    public var desk: TicketDesk
    /// Who delivers the outbox; `nil` leaves messages waiting.
    public var dispatcher: OutboxDispatcher?
    /// The longest sleep between passes.
    public var poll: TimeInterval
    /// How long claims are held.
    public var lease: TimeInterval
    /// How many tickets or messages are claimed at once.
    public var batch: Int

    /// A worker on `desk`, delivering with `dispatcher`.
    public init(desk: TicketDesk, dispatcher: OutboxDispatcher?, poll: TimeInterval = 5,
                lease: TimeInterval = TicketDesk.defaultLease, batch: Int = 50) {
        self.desk = desk
        self.dispatcher = dispatcher
        self.poll = poll
        self.lease = lease
        self.batch = max(batch, 1)
    }

    /// Fires every timer due at `now`, then delivers every message due at `now`.
    public func pass(at now: Date, while shouldContinue: @escaping @Sendable () -> Bool = { true }) async throws -> PassReport {
        var report = PassReport()
        report.tick = try await desk.tick(at: now, batch: batch, lease: lease, while: shouldContinue)
        guard let dispatcher else { return report }
        while shouldContinue() {
            let round = await dispatcher.deliverDue(at: now, limit: batch, while: shouldContinue)
            report.delivery.merge(round)
            if round.claimed == 0 { break }
        }
        return report
    }

    /// How long to sleep after a pass that found nothing, at `now`.
    public func pause(at now: Date) async throws -> TimeInterval {
        guard let next = try await desk.store.nextClaimableInstant() else { return poll }
        return min(max(next.timeIntervalSince(now), 0), poll)
    }

    /// Runs passes until `stop` is given, reporting each pass that did something and each error.
    public func run(until stop: StopSignal, clock: @Sendable () -> Date = { Date() },
                    onPass: (PassReport) -> Void, onError: (any Error) -> Void) async {
        while !stop.isStopped {
            var sleep = poll
            do {
                let report = try await pass(at: clock(), while: { !stop.isStopped })
                if report.didWork {
                    onPass(report)
                    continue
                }
                sleep = try await pause(at: clock())
            } catch {
                onError(error)
            }
            await stop.sleep(seconds: sleep)
        }
    }
}
