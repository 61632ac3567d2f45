import Foundation

/// The ids of the outbox messages one ``TicketDesk`` wrote (its copies share them), so that a
/// command delivers its own messages after its work and leaves a backlog (a hanging notifier's,
/// another process's) to `deliver` and the worker.
///
/// Ids are noted after the write that stored them succeeded. The log keeps at most
/// ``capacity`` ids, the newest: a long-running process (`serve`) that never takes them does not
/// grow; the oldest are simply delivered by the worker.
public final class WrittenOutbox: @unchecked Sendable {
    /// The most ids kept.
    public static let capacity = 1000
    private let lock = NSLock()
    private var ids: [String] = []

    /// An empty log.
    public init() {}

    /// Notes messages just stored.
    public func note(_ messages: [OutboxMessage]) {
        note(ids: messages.map(\.id))
    }

    /// Notes the ids of messages just stored.
    public func note(ids written: [String]) {
        guard !written.isEmpty else { return }
        lock.withLock {
            ids.append(contentsOf: written)
            if ids.count > Self.capacity { ids.removeFirst(ids.count - Self.capacity) }
        }
    }

    /// The ids noted so far, oldest first; the log is then empty.
    public func take() -> [String] {
        lock.withLock {
            defer { ids = [] }
            return ids
        }
    }

    /// The ids noted so far, oldest first, without taking them.
    public var pending: [String] { lock.withLock { ids } }
}
