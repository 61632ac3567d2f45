import Foundation

/// Which ticket a reply is about, and how that was found.
///
/// Looked for in this order, the first found wins:
/// 1. **address**: a recipient `local+ticket-N@…` of the desk (``DeskAddress/ticketNumber(inAddress:)``):
///    the `Reply-To` of every message we send, so the most direct sign;
/// 2. **reference**: one of our Message-IDs in `In-Reply-To`, then in `References` (nearest first);
/// 3. **subject**: `[#N]` or `Ticket #N` in the subject (what our subjects carry).
///
/// None of these proves who wrote: the caller must still check that the sender is the requester.
public struct TicketReference: Hashable, Sendable {
    /// How the ticket was found.
    public enum Source: String, Hashable, Sendable {
        /// A `local+ticket-N@…` recipient.
        case address
        /// One of our Message-IDs in `In-Reply-To` or `References`.
        case reference
        /// A `[#N]` or `Ticket #N` tag in the subject.
        case subject
    }

    /// The ticket number.
    public var number: Int64
    /// How it was found.
    public var source: Source

    /// The ticket `message` refers to for the desk `desk`, or `nil`.
    public static func find(in message: InboundMessage, desk: DeskAddress) -> TicketReference? {
        for recipient in message.recipients {
            if let number = desk.ticketNumber(inAddress: recipient) { return TicketReference(number: number, source: .address) }
        }
        for id in message.referencedIDs {
            if let number = desk.ticketNumber(inMessageID: id) { return TicketReference(number: number, source: .reference) }
        }
        if let number = subjectNumber(message.subject) { return TicketReference(number: number, source: .subject) }
        return nil
    }

    /// The number in a `[#N]` or `Ticket #N` tag of `subject`.
    static func subjectNumber(_ subject: String) -> Int64? {
        for pattern in ["\\[#([0-9]{1,18})\\]", "(?i)\\bticket #([0-9]{1,18})\\b"] {
            guard let expression = try? NSRegularExpression(pattern: pattern),
                  let match = expression.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)),
                  let range = Range(match.range(at: 1), in: subject) else { continue }
            if let number = DeskAddress.number(String(subject[range])) { return number }
        }
        return nil
    }
}
