import Foundation
import FormrunnerCore

/// it still ends, until `safety` seconds have passed), and counts them.
final class GateNotifier: Notifier, @unchecked Sendable {
    let name = "gate"
    private let lock = NSLock()
    private var opened = false
    private var started = 0
    private var finished: [OutboxMessage] = []
    private let safety: TimeInterval

    /// `safety` is long: in a full `swift test` the browser suite and the CLI tests block the
    /// cooperative threads for minutes, and the background send waits for one (it returns at once
    /// when the deliveries come).
    init(safety: TimeInterval = 600) {
        self.safety = safety
    }

    func deliver(_ message: OutboxMessage) async throws {
        lock.withLock { started += 1 }
        let giveUp = Date().addingTimeInterval(safety)
        while !lock.withLock({ opened }), Date() < giveUp {
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        lock.withLock { finished.append(message) }
    }

    /// Lets every held and later delivery through.
    func open() { lock.withLock { opened = true } }

    /// How many deliveries have returned.
    var finishedCount: Int { lock.withLock { finished.count } }

    /// The messages delivered, once `count` deliveries have returned (or after `safety` seconds).
    func delivered(count: Int) async throws -> [OutboxMessage] {
        let giveUp = Date().addingTimeInterval(safety)
        while finishedCount < count, Date() < giveUp { try await Task.sleep(nanoseconds: 5_000_000) }
        return lock.withLock { finished }
    }
}
