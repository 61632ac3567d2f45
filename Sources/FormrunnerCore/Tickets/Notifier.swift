/// Delivers rendered messages: the notifier plugin protocol.
///
/// A notifier is given each outbox message until it succeeds. It must be safe to call again with a
/// message it may already have delivered (after a crash between delivery and bookkeeping): use
/// ``OutboxMessage/id`` to recognise it (the Maildir notifier names its file after it; an e-mail
/// notifier uses it as the Message-ID).
public protocol Notifier: Sendable {
    /// The name it is chosen by (`console`, `maildir`, …).
    var name: String { get }

    /// Delivers one message; throws to have it retried later.
    func deliver(_ message: OutboxMessage) async throws
}
