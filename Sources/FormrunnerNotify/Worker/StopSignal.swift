import Foundation

/// A request to stop, shared between a signal handler and a long-running loop.
///
/// The loop asks ``isStopped`` between items and sleeps with ``sleep(seconds:)``, which returns early
/// as soon as ``stop()`` is called.
public final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]
    private var finished: Set<UUID> = []

    /// A signal that has not been given.
    public init() {}

    /// Whether ``stop()`` was called.
    public var isStopped: Bool { lock.withLock { stopped } }

    /// Asks the loop to stop and wakes it if it sleeps.
    public func stop() {
        let woken = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            stopped = true
            defer { waiters = [:] }
            return Array(waiters.values)
        }
        woken.forEach { $0.resume() }
    }

    /// Sleeps for `seconds`, or until ``stop()`` is called if that comes first.
    public func sleep(seconds: TimeInterval) async {
        let id = UUID()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(nanoseconds: UInt64(max(seconds, 0) * 1_000_000_000)) }
            group.addTask { await self.wait(id) }
            await group.next()
            self.finish(id)
            group.cancelAll()
        }
    }

    /// Returns once stopped, or once ``finish(_:)`` is called for `id`.
    private func wait(_ id: UUID) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = lock.withLock { () -> Bool in
                if stopped || finished.remove(id) != nil { return true }
                waiters[id] = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Ends the wait `id`, whether it has begun or not.
    private func finish(_ id: UUID) {
        let waiter = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            if let waiter = waiters.removeValue(forKey: id) { return waiter }
            if !stopped { finished.insert(id) }
            return nil
        }
        waiter?.resume()
    }
}
