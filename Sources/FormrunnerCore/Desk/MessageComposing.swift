import Foundation

/// Turns a notification the life cycle asked for into an e-mail ready for the outbox.
///
/// The core only knows this protocol; `FormrunnerNotify` implements it with Mustache templates.
public protocol MessageComposing: Sendable {
    func compose(_ request: NotificationRequest, ticket: Ticket, lifecycle: LifecycleDefinition, at now: Date) throws -> OutboxMessage

    /// The messages for the `requests` of one change of `ticket`, in order (a composer may share the
    /// work they have in common); by default each composed on its own.
    func compose(_ requests: [NotificationRequest], ticket: Ticket, lifecycle: LifecycleDefinition,
                 at now: Date) throws -> [OutboxMessage]
}

extension MessageComposing {
    public func compose(_ requests: [NotificationRequest], ticket: Ticket, lifecycle: LifecycleDefinition,
                        at now: Date) throws -> [OutboxMessage] {
        try requests.map { try compose($0, ticket: ticket, lifecycle: lifecycle, at: now) }
    }
}
