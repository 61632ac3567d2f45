import Foundation

/// Turns a notification the life cycle asked for into an e-mail ready for the outbox.
///
/// The core only knows this protocol; `FormrunnerNotify` implements it with Mustache templates.
public protocol MessageComposing: Sendable {
    func compose(_ request: NotificationRequest, ticket: Ticket, lifecycle: LifecycleDefinition, at now: Date) throws -> OutboxMessage
}
