import Foundation
import FormrunnerCore

/// Writes an outbox message as an RFC 5322 e-mail (the bytes of a `.eml` file): a pure function of
/// the message and the writer's settings.
///
/// Every line ends in CRLF. Header values are stripped of CR/LF, so no text can add a header; a
/// non-ASCII subject or sender name is written as RFC 2047 encoded-words. The body is UTF-8 plain
/// text sent `8bit`, or quoted-printable if a line would exceed RFC 5322's 998 octets.
///
/// All the messages of a ticket thread together: each carries `In-Reply-To` and `References`
/// naming ``threadID(for:)``.
public struct EMLWriter: Sendable {
    /// The `From:` mailbox.
    public var from: String
    /// The domain of Message-IDs.
    public var domain: String
    /// The zone the `Date:` header is written in.
    public var timeZone: TimeZone

    /// The sender used when none is configured.
    public static let defaultFrom = "Support <support@formrunner.local>"

    /// A writer sending as `from`, with Message-IDs in `domain` and dates in `timeZone` (UTC by default).
    public init(from: String = EMLWriter.defaultFrom, domain: String = "formrunner.local",
                timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) {
        self.from = from
        self.domain = domain
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
        let quoted = lines.contains { $0.utf8.count > 998 }
        var output = ""
        for (name, value) in headers(for: message, quotedPrintable: quoted) {
            output += name + ": " + value + "\r\n"
        }
        output += "\r\n"
        output += quoted ? QuotedPrintable.encode(lines: lines) : lines.map { $0 + "\r\n" }.joined()
        return output
    }

    /// The headers, in order, with their values already safe and encoded.
    public func headers(for message: OutboxMessage, quotedPrintable: Bool = false) -> [(name: String, value: String)] {
        let thread = threadID(for: message.ticketNumber)
        return [
            ("Date", RFC5322Date.string(from: message.createdAt, timeZone: timeZone)),
            ("From", EncodedWord.mailbox(RenderedEmail.headerSafe(from))),
            ("To", RenderedEmail.headerSafe(message.address)),
            ("Subject", EncodedWord.encode(RenderedEmail.headerSafe(message.subject))),
            ("Message-ID", messageID(for: message.id)),
            ("In-Reply-To", thread),
            ("References", thread),
            ("X-Formrunner-Ticket", String(message.ticketNumber)),
            ("Auto-Submitted", "auto-generated"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Transfer-Encoding", quotedPrintable ? "quoted-printable" : "8bit"),
        ]
    }

    /// `<token@domain>` for an outbox message id.
    public func messageID(for id: String) -> String {
        "<" + MessageToken.token(for: id) + "@" + safeDomain + ">"
    }

    /// `<ticket-N@domain>`: the thread every message about ticket `number` replies to.
    public func threadID(for number: Int64) -> String {
        "<ticket-\(number)@" + safeDomain + ">"
    }

    private var safeDomain: String {
        let kept = domain.unicodeScalars.filter { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "-"
        }
        return kept.isEmpty ? "formrunner.local" : String(String.UnicodeScalarView(kept))
    }
}
