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
    /// The address in `From`, lower-cased.
    public var sender: String?
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

    /// Parses the bytes of a message (RFC 5322 with MIME).
    public init(data: Data) {
        let root = MIMEPart(bytes: Array(data)[...])
        headers = root.headers
        messageID = Self.messageIDs(in: root.headers["Message-ID"] ?? "").first
        let from = root.headers["From"] ?? ""
        sender = AddressList.addresses(in: from).first
        senderName = AddressList.displayName(in: from)
        recipients = ["Delivered-To", "X-Original-To", "Envelope-To", "To", "Cc"]
            .flatMap { root.headers.all($0) }.flatMap(AddressList.addresses(in:))
        subject = root.headers.decoded("Subject") ?? ""
        referencedIDs = Self.messageIDs(in: root.headers["In-Reply-To"] ?? "")
            + Self.messageIDs(in: root.headers["References"] ?? "").reversed()
        var collector = Collector()
        collector.collect(root)
        text = collector.plain ?? collector.html.map(HTMLText.text(of:)) ?? ""
        attachments = collector.files
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

    /// Walks the MIME tree for the text and the files.
    private struct Collector {
        var plain: String?
        var html: String?
        var files: [Attachment] = []

        mutating func collect(_ part: MIMEPart) {
            let type = part.contentType.value
            if type == "multipart/alternative" && !part.parts.isEmpty {
                let best = part.parts.first { $0.contentType.value == "text/plain" && !$0.isAttachment }
                    ?? part.parts.first { $0.contentType.value == "text/html" && !$0.isAttachment }
                    ?? part.parts[0]
                collect(best)
            } else if type.hasPrefix("multipart/") && !part.parts.isEmpty {
                part.parts.forEach { collect($0) }
            } else if part.isAttachment {
                files.append(Attachment(name: Self.safeName(part.fileName, type: type, index: files.count + 1),
                                        mediaType: type, content: Data(part.decodedBody)))
            } else if type == "text/html" {
                if html == nil { html = part.text }
            } else {
                let text = part.contentType.parameters["format"]?.lowercased() == "flowed"
                    ? Self.unflowed(part.text, deleteSpace: part.contentType.parameters["delsp"]?.lowercased() == "yes")
                    : part.text
                plain = plain.map { $0 + "\n" + text } ?? text
            }
        }

        /// `format=flowed` text (RFC 3676) with its soft line breaks joined: a line ending in a space
        /// continues on the next one (the signature delimiter `-- ` excepted).
        static func unflowed(_ text: String, deleteSpace: Bool) -> String {
            var output: [String] = []
            var joining = false
            for line in text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n") {
                let unstuffed = line.hasPrefix(" ") ? String(line.dropFirst()) : line
                if joining, let last = output.popLast() {
                    output.append(last + unstuffed)
                } else {
                    output.append(unstuffed)
                }
                joining = unstuffed.hasSuffix(" ") && unstuffed != "-- "
                if joining && deleteSpace, let last = output.popLast() { output.append(String(last.dropLast())) }
            }
            return output.joined(separator: "\n")
        }

        /// The last path component of `name` without control characters, or `attachment-N[.eml]`.
        static func safeName(_ name: String?, type: String, index: Int) -> String {
            let base = (name ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
            let clean = RenderedEmail.headerSafe(base).trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            if !clean.isEmpty { return String(clean.prefix(200)) }
            return "attachment-\(index)" + (type == "message/rfc822" ? ".eml" : "")
        }
    }
}
