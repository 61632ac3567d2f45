import Foundation
import FormrunnerCore

/// Writes an outbox message as an RFC 5322 e-mail (the bytes of a `.eml` file): a pure function of
/// the message and the writer's settings.
///
/// Every line ends in CRLF. Header values are stripped of CR/LF and other control characters, so no
/// text can add a header; a non-ASCII subject or display name is written as RFC 2047 encoded-words.
/// The body is UTF-8 plain text: `7bit` when it is ASCII with short lines, otherwise quoted-printable.
///
/// Threading follows ``DeskAddress``: the Message-ID comes from the outbox id (stable across
/// retries); every message but the ticket's first names that first one (`<ticket-N@domain>`) in
/// `In-Reply-To` and `References`; `Reply-To` is `local+ticket-N@domain`.
public struct EMLWriter: Sendable {
    /// The desk: `From:`, `Reply-To:` and the domain of Message-IDs.
    public var desk: DeskAddress
    /// The zone the `Date:` header is written in.
    public var timeZone: TimeZone

    /// A writer sending as `desk`, with dates in `timeZone` (UTC by default).
    public init(desk: DeskAddress = .standard, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) {
        self.desk = desk
        self.timeZone = timeZone
    }

    /// The complete message.
    public func data(for message: OutboxMessage) -> Data {
        Data(text(for: message).utf8)
    }

    /// The complete message as text.
    public func text(for message: OutboxMessage) -> String {
        let lines = RenderedEmail.normalizedBody(message.body).dropLast().split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let quoted = lines.contains { line in line.utf8.count > 998 || line.utf8.contains { $0 >= 0x80 || ($0 < 0x20 && $0 != 0x09) } }
        var output = ""
        for (name, value) in headers(for: message, quotedPrintable: quoted) {
            output += name + ": " + value + "\r\n"
        }
        output += "\r\n"
        output += quoted ? QuotedPrintable.encode(lines: lines) : lines.map { $0 + "\r\n" }.joined()
        return output
    }

    /// The headers, in order, with their values already safe and encoded.
    ///
    /// A message that belongs to no ticket yet (`ticketNumber` 0, such as a sign-in code) has no
    /// thread, no ticket Reply-To and no `X-Formrunner-Ticket`: a reply to it cannot reach a ticket.
    public func headers(for message: OutboxMessage, quotedPrintable: Bool = false) -> [(name: String, value: String)] {
        let number = message.ticketNumber
        let ticketed = number > 0
        let id = ticketed ? desk.messageID(for: message.id, ticket: number)
            : "<" + MessageToken.token(for: message.id) + "@" + desk.domain + ">"
        let root = desk.threadRoot(ticket: number)
        let thread: [(name: String, value: String)] = !ticketed || id == root ? [] : [("In-Reply-To", root), ("References", root)]
        return [
            ("Date", RFC5322Date.string(from: message.createdAt, timeZone: timeZone)),
            ("From", desk.mailbox),
            ("Reply-To", ticketed ? desk.replyTo(ticket: number) : desk.mailbox),
            ("To", Self.headerAddress(message.address)),
            ("Subject", EncodedWord.encode(RenderedEmail.headerSafe(message.subject))),
            ("Message-ID", id),
        ] + thread + (ticketed ? [("X-Formrunner-Ticket", String(number))] : []) + [
            ("Auto-Submitted", "auto-generated"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Transfer-Encoding", quotedPrintable ? "quoted-printable" : "7bit"),
        ]
    }

    /// `address` as a header can carry it: an internationalised domain in Punycode (`xn--…`).
    public static func headerAddress(_ address: String) -> String {
        let safe = RenderedEmail.headerSafe(address)
        guard let at = safe.lastIndex(of: "@") else { return safe }
        return String(safe[..<at]) + "@" + Punycode.asciiDomain(String(safe[safe.index(after: at)...]))
    }

    /// Why `address` cannot be written in a plain (not SMTPUTF8) message, or `nil`: a local part
    /// that is not ASCII has no ASCII form.
    public static func addressProblem(_ address: String) -> String? {
        guard let at = address.lastIndex(of: "@"), !address[..<at].unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        return "the address \(RenderedEmail.headerSafe(address)) has non-ASCII letters before the @, which plain e-mail "
            + "cannot carry; correct the requester's address"
    }
}

/// A message that cannot be written: its recipient's address has no ASCII form.
public struct UnwritableAddressError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why.
    public var description: String
}
