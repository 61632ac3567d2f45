import Foundation

/// An e-mail as received, parsed: who sent it, what it refers to, its text and its files.
///
/// The text is the first `text/plain` part; in a `multipart/alternative` the plain version is
/// preferred and an HTML-only message is converted with ``HTMLText``. Files are the parts marked
/// as attachments, or that are neither plain text nor HTML (inline images, forwarded messages).
public struct InboundMessage: Sendable {
    /// A file that came with the message.
    public struct Attachment: Hashable, Sendable {
        /// The file name as sent, made safe (no folders, no control characters), or `attachment-N`.
        public var name: String
        /// The declared media type, e.g. `application/pdf`.
        public var mediaType: String
        /// The decoded content.
        public var content: Data
    }

    /// Every header field.
    public var headers: MailHeaders
    /// The `Message-ID`, `<…>` included, or `nil`.
    public var messageID: String?
    /// The address in `From`, lower-cased (the first, when there are several: see ``senders``).
    public var sender: String?
    /// Every address in every `From` field, lower-cased: a reply has exactly one.
    public var senders: [String]
    /// How many `From` fields the message has: a reply has exactly one.
    public var fromFieldCount: Int
    /// The display name in `From`, decoded.
    public var senderName: String?
    /// The addresses the message was delivered to: `Delivered-To`, `X-Original-To`, `Envelope-To`,
    /// `To` and `Cc`, in that order.
    public var recipients: [String]
    /// The subject, decoded.
    public var subject: String
    /// The Message-IDs in `In-Reply-To`, then in `References` (last first: the nearest parent first).
    public var referencedIDs: [String]
    /// The text of the message (quoted text and signature still in).
    public var text: String
    /// The files.
    public var attachments: [Attachment]
    /// Why the message is too large or too deep to be handled (its parts were then not all read),
    /// or `nil`.
    public var problem: String?

    /// The most attachments one message may carry.
    public static let maxAttachments = 100
    /// The most bytes its parts may decode to, all together.
    public static let maxDecodedSize = 64 << 20

    /// Parses the bytes of a message (RFC 5322 with MIME). A message whose lines end in CR alone is
    /// read as if they ended in LF; NUL bytes in its text are dropped.
    public init(data: Data) {
        var bytes = Array(data)
        if !bytes.contains(0x0A) && bytes.contains(0x0D) {
            bytes = bytes.map { $0 == 0x0D ? 0x0A : $0 }
        }
        let budget = MIMEPart.Budget(limits: MIMEPart.Limits())
        let root = MIMEPart(bytes: bytes[...], budget: budget)
        headers = root.headers
        messageID = Self.messageIDs(in: root.headers["Message-ID"] ?? "").first
        let fromFields = root.headers.all("From")
        fromFieldCount = fromFields.count
        senders = fromFields.flatMap(AddressList.addresses(in:))
        sender = senders.first
        senderName = AddressList.displayName(in: fromFields.first ?? "")
        recipients = ["Delivered-To", "X-Original-To", "Envelope-To", "To", "Cc"]
            .flatMap { root.headers.all($0) }.flatMap(AddressList.addresses(in:))
        subject = root.headers.decoded("Subject") ?? ""
        referencedIDs = Self.messageIDs(in: root.headers["In-Reply-To"] ?? "")
            + Self.messageIDs(in: root.headers["References"] ?? "").reversed()
        var collector = InboundCollector()
        if budget.problem == nil { collector.collect(root) }
        let plain = collector.plain.joined(separator: "\n")
        let chosen = plain.contains(where: { !$0.isWhitespace }) || collector.html == nil
            ? plain : collector.html.map(HTMLText.text(of:)) ?? ""
        text = chosen.utf8.contains(0) ? String(decoding: chosen.utf8.filter { $0 != 0 }, as: UTF8.self) : chosen
        attachments = collector.files
        problem = budget.problem ?? collector.problem
    }

    /// The `<…>` ids in a header value.
    static func messageIDs(in value: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = rest[open...close]
            if id.count > 2, !id.contains(" ") { ids.append(String(id)) }
            rest = rest[rest.index(after: close)...]
        }
        return ids
    }
}
