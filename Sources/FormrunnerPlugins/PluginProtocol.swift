import Foundation
import FormrunnerCore

/// The wire format between formrunner and its external plugins (see docs/plugins.md): one JSON
/// object on the plugin's standard input, at most one JSON object back on its standard output.
public enum PluginProtocol {
    /// The protocol version every request carries in `version`.
    public static let version = 1

    /// The request a notifier plugin is given for one message.
    struct DeliverRequest: Encodable {
        var version = PluginProtocol.version
        var action = "deliver"
        var message: WireMessage
        var settings: [String: JSONValue]
    }

    /// An outbox message as plugins see it.
    struct WireMessage: Encodable {
        var id: String
        var ticketNumber: Int64
        var recipient: String
        var address: String
        var template: String
        var subject: String
        var body: String
        var createdAt: Date
        var attempt: Int

        init(_ message: OutboxMessage) {
            id = message.id
            ticketNumber = message.ticketNumber
            recipient = message.recipient.rawValue
            address = message.address
            template = message.template
            subject = message.subject
            body = message.body
            createdAt = message.createdAt
            attempt = message.attempts + 1
        }

        enum CodingKeys: String, CodingKey {
            case id, recipient, address, template, subject, body, attempt
            case ticketNumber = "ticket_number"
            case createdAt = "created_at"
        }
    }

    /// The request an authenticator plugin is given.
    struct AuthenticateRequest: Encodable {
        var version = PluginProtocol.version
        var action = "authenticate"
        var credentials: [String: JSONValue]
        var settings: [String: JSONValue]
    }

    /// What a plugin answers: `{"ok": true}` (with `email` for an authenticator) or
    /// `{"ok": false, "error": "…"}`. Other members are ignored, so plugins may add their own.
    struct Reply: Decodable {
        var ok: Bool
        var error: String?
        var email: String?
    }

    /// `request` as one line of JSON with sorted keys, ending in a newline.
    static func encode(_ request: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(request)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
