import Foundation
import Testing

/// One message of the mail corpus: its bytes as a client sends them, and what must be recorded.
struct CorpusCase: CustomTestStringConvertible, Sendable {
    /// The client and the shape, e.g. "Gmail web, top-posted".
    var name: String
    /// The message as on the wire.
    var data: Data
    /// The reply text recorded (``ReplyCleaner/reply(in:)``).
    var text: String
    /// The attachments' names, in order.
    var attachments: [String] = []
    /// The sender recorded.
    var sender = "ana@example.com"
    /// How the message is told from a person's (``AutomaticMessage/marker(_:)``), or nil for a reply a person wrote.
    var automatic: String?

    var testDescription: String { name }

    /// Every message of the corpus.
    static var all: [CorpusCase] { clients + charsets + replies + structures + automatic + moreCharsets }

    /// A message from ana@example.com to the desk about ticket 12: `head` (extra header lines,
    /// among them the Content-Type) and `body` (as sent), lines ending in CRLF.
    static func mail(_ name: String, head: String, body: String, text: String, attachments: [String] = [],
                     from: String = "Ana Souza <ana@example.com>", subject: String = "Re: [Support] Ticket #12",
                     sender: String = "ana@example.com", automatic: String? = nil) -> CorpusCase {
        let raw = "From: \(from)\nTo: Support <support+ticket-12@desk.example>\nSubject: \(subject)\n"
            + "Message-ID: <corpus-\(abs(name.hashValue))@example.com>\nMIME-Version: 1.0\n" + head + "\n\n" + body
        return CorpusCase(name: name, data: Data(raw.replacingOccurrences(of: "\n", with: "\r\n").utf8), text: text,
                          attachments: attachments, sender: sender, automatic: automatic)
    }

    /// A single text/plain part in `charset`, its bytes in Base64 (from the UTF-8 `body`, converted).
    static func encoded(_ name: String, charset: String, base64: String, text: String) -> CorpusCase {
        mail(name, head: "Content-Type: text/plain; charset=\(charset)\nContent-Transfer-Encoding: base64", body: base64, text: text)
    }
}
