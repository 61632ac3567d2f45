import Foundation
import FormrunnerCore

/// The e-mails a `--demo` portal would have sent, kept in memory (the latest 100) for the demo
/// mailbox page, which says clearly that they were not sent.
public final class DemoMailbox: Notifier, @unchecked Sendable {
    public let name = "demo-mailbox"
    private let lock = NSLock()
    private var messages: [OutboxMessage] = []

    /// An empty mailbox.
    public init() {}

    public func deliver(_ message: OutboxMessage) async throws {
        lock.withLock {
            messages.append(message)
            if messages.count > 100 { messages.removeFirst(messages.count - 100) }
        }
    }

    /// The messages, newest first.
    var newestFirst: [OutboxMessage] { lock.withLock { messages.reversed() } }
}
