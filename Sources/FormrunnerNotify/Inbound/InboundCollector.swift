import Foundation

/// Walks the MIME tree of an ``InboundMessage`` for its text and its files.
///
/// In a `multipart/alternative` the plain version is the text (the HTML one when there is no plain
/// one); the other branches still give their files marked `Content-Disposition: attachment`.
/// uuencoded blocks in a text are taken out of it as files. The number of files and the bytes they
/// decode to are bounded (``InboundMessage/maxAttachments``, ``InboundMessage/maxDecodedSize``).
struct InboundCollector {
    /// The plain text parts, in order.
    var plain: [String] = []
    /// The first HTML part.
    var html: String?
    var files: [InboundMessage.Attachment] = []
    /// The first limit passed, if any.
    var problem: String?
    private var decodedSize = 0

    mutating func collect(_ part: MIMEPart) {
        guard problem == nil else { return }
        let type = part.contentType.value
        if type == "multipart/alternative" && !part.parts.isEmpty {
            let best = part.parts.firstIndex { $0.contentType.value == "text/plain" && !$0.isAttachment }
                ?? part.parts.firstIndex { $0.contentType.value == "text/html" && !$0.isAttachment }
                ?? part.parts.firstIndex { $0.contentType.value.hasPrefix("multipart/") }
                ?? 0
            let blankBefore = plain.allSatisfy { $0.allSatisfy(\.isWhitespace) }
            for (index, branch) in part.parts.enumerated() {
                if index == best { collect(branch) } else { collectMarkedFiles(branch) }
            }
            // A blank plain version beside an HTML one: the HTML one has the words.
            if blankBefore, html == nil, plain.allSatisfy({ $0.allSatisfy(\.isWhitespace) }),
               let htmlBranch = part.parts.first(where: { $0.contentType.value == "text/html" && !$0.isAttachment }) {
                addText(htmlBranch, type: "text/html")
            }
        } else if type.hasPrefix("multipart/") && !part.parts.isEmpty {
            part.parts.forEach { collect($0) }
        } else if type.hasPrefix("multipart/") {
            // No parts could be read (no boundary line): its body is the text, not a file.
            addText(part, type: "text/plain")
        } else if part.isAttachment {
            addFile(part)
        } else {
            addText(part, type: type)
        }
    }

    /// Only the parts marked `Content-Disposition: attachment`, at any depth.
    private mutating func collectMarkedFiles(_ part: MIMEPart) {
        if part.contentType.value.hasPrefix("multipart/") {
            part.parts.forEach { collectMarkedFiles($0) }
        } else if part.disposition?.value == "attachment" {
            addFile(part)
        }
    }

    private mutating func addText(_ part: MIMEPart, type: String) {
        let decoded = part.decodedBody
        guard count(decoded.count) else { return }
        let raw = Charset.decode(decoded, name: part.contentType.parameters["charset"])
        if type == "text/html" {
            if html == nil { html = raw }
            return
        }
        var text = part.contentType.parameters["format"]?.lowercased() == "flowed"
            ? Self.unflowed(raw, deleteSpace: part.contentType.parameters["delsp"]?.lowercased() == "yes")
            : raw
        let (rest, encoded) = Uuencode.extract(from: text)
        if !encoded.isEmpty {
            text = rest
            for file in encoded where problem == nil {
                add(InboundMessage.Attachment(name: Self.safeName(file.name, type: "application/octet-stream", index: files.count + 1),
                                              mediaType: "application/octet-stream", content: Data(file.content)))
            }
        }
        plain.append(text)
    }

    private mutating func addFile(_ part: MIMEPart) {
        let content = part.decodedBody
        guard count(content.count) else { return }
        let type = part.contentType.value
        add(InboundMessage.Attachment(name: Self.safeName(part.fileName, type: type, index: files.count + 1),
                                      mediaType: type, content: Data(content)))
    }

    private mutating func add(_ file: InboundMessage.Attachment) {
        guard files.count < InboundMessage.maxAttachments else {
            problem = "the message has more than \(InboundMessage.maxAttachments) attachments"
            return
        }
        files.append(file)
    }

    /// Adds `size` decoded bytes; false (and the problem noted) past the limit.
    private mutating func count(_ size: Int) -> Bool {
        decodedSize += size
        if decodedSize > InboundMessage.maxDecodedSize {
            problem = "the message's parts decode to more than \(InboundMessage.maxDecodedSize >> 20) MB"
            return false
        }
        return true
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
