import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerNotify

/// Sends one-time codes to people through the notifiers: by e-mail with the `one-time-code`
/// template, by SMS with the `sms-code` template (the address is the phone number).
///
/// Codes go straight to the notifier, not through the ticket outbox: they belong to no ticket and
/// are worthless after a few minutes, so a failed send is reported at once and the person asks for
/// a new code.
public struct CodeSender: Sendable {
    /// Where the notifiers and the renderer come from.
    public let services: FlowServices

    /// A sender through `services`' notifiers.
    public init(services: FlowServices) {
        self.services = services
    }

    /// Where a code goes.
    public enum Channel: Sendable {
        case email(String)
        case sms(String)
    }

    /// Why a code was not sent.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Renders and delivers `code` to `channel`, in `language` (the renderer's when `nil`).
    public func send(_ code: IssuedCode, to channel: Channel, now: Date, language: String? = nil) async throws(Failure) {
        let (address, template, notifier): (String, String, (any Notifier)?) = switch channel {
        case .email(let address): (address, "one-time-code", services.mail)
        case .sms(let phone): (phone, "sms-code", services.sms ?? services.mail)
        }
        guard let notifier else {
            throw Failure(description: "the code cannot be sent: no notifier is configured (--notifier none)")
        }
        let minutes = max(1, Int((code.expiresAt.timeIntervalSince(now) / 60).rounded()))
        let email: RenderedEmail
        do {
            email = try services.renderer.render(template: template, context: TemplateContext([
                "code": code.code, "expires_minutes": String(minutes),
            ]), language: language)
        } catch {
            throw Failure(description: "the code message cannot be written: \(error)")
        }
        let message = OutboxMessage(id: "code-" + UUID().uuidString.lowercased(), ticketNumber: 0, recipient: .requester,
                                    address: address, template: template, subject: email.subject, body: email.body,
                                    createdAt: now)
        do {
            try await notifier.deliver(message)
        } catch {
            throw Failure(description: "the code could not be sent (\(error)); ask for a new one")
        }
    }
}
