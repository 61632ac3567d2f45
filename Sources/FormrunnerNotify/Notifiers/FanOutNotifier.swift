import Foundation
import FormrunnerCore

/// Delivers each message through several notifiers (a Maildir copy and a webhook, say).
///
/// Every notifier is tried, in order, even after one fails; if any failed, the delivery throws a
/// ``FanOutFailure`` naming each, and the dispatcher retries the message later through all of
/// them. Notifiers recognise a message they already delivered by its id (see ``Notifier``), so a
/// retry does not repeat what succeeded.
public struct FanOutNotifier: Notifier {
    /// The notifiers, in delivery order.
    public var notifiers: [any Notifier]

    /// A notifier delivering through each of `notifiers`.
    public init(_ notifiers: [any Notifier]) {
        self.notifiers = notifiers
    }

    /// The names joined by `+`, such as `maildir+plugin:webhook`.
    public var name: String { notifiers.map(\.name).joined(separator: "+") }

    /// Delivers `message` through every notifier.
    /// - Throws: ``FanOutFailure`` when any of them failed.
    public func deliver(_ message: OutboxMessage) async throws {
        var failures: [String] = []
        for notifier in notifiers {
            do {
                try await notifier.deliver(message)
            } catch {
                failures.append("\(notifier.name): \(error)")
            }
        }
        if !failures.isEmpty { throw FanOutFailure(failures: failures) }
    }
}

/// The notifiers of a ``FanOutNotifier`` that failed, each with its reason.
public struct FanOutFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// `name: reason`, one per failed notifier.
    public var failures: [String]

    /// The failures joined by `; `.
    public var description: String { failures.joined(separator: "; ") }
}
