/// One MIME entity: its headers and its body, with the parts of a multipart body parsed too.
struct MIMEPart: Sendable {
    /// How deep multiparts may nest before the rest is taken as opaque data.
    static let maxDepth = 16

    var headers: MailHeaders
    /// The body as sent (still transfer-encoded).
    var rawBody: [UInt8]
    var contentType: ContentType
    /// The parts of a `multipart/*` body.
    var parts: [MIMEPart]

    /// Parses an entity: headers up to the first empty line, then the body.
    init(bytes: ArraySlice<UInt8>, depth: Int = 0) {
        let (head, body) = Self.split(bytes)
        headers = MailHeaders(block: Array(head))
        rawBody = Array(body)
        contentType = headers["Content-Type"].map(ContentType.init(parsing:)) ?? .plainText
        parts = []
        if contentType.value.hasPrefix("multipart/"), depth < Self.maxDepth,
           let boundary = contentType.parameters["boundary"], !boundary.isEmpty {
            parts = Self.bodies(of: body, boundary: boundary).map { MIMEPart(bytes: $0, depth: depth + 1) }
        }
    }

    /// The body with its transfer encoding undone.
    var decodedBody: [UInt8] {
        TransferDecoding.decode(rawBody, encoding: headers["Content-Transfer-Encoding"])
    }

    /// The body as text, by its charset.
    var text: String {
        Charset.decode(decodedBody, name: contentType.parameters["charset"])
    }

    /// The `Content-Disposition`, if any.
    var disposition: ContentType? {
        headers["Content-Disposition"].map(ContentType.init(parsing:))
    }

    /// The file name from the disposition's `filename` or the type's `name`.
    var fileName: String? {
        let name = disposition?["filename"] ?? contentType["name"]
        return name.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the part is a file rather than the text of the message.
    var isAttachment: Bool {
        if disposition?.value == "attachment" { return true }
        let isText = contentType.value == "text/plain" || contentType.value == "text/html"
        return !isText || (fileName != nil && disposition?.value != "inline")
    }

    /// Headers and body: split at the first empty line (CRLF or LF).
    private static func split(_ bytes: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var index = bytes.startIndex
        if bytes.first == 0x0D || bytes.first == 0x0A {
            // No headers at all.
            let skip = bytes.starts(with: [0x0D, 0x0A]) ? 2 : 1
            return (bytes[bytes.startIndex..<bytes.startIndex], bytes.dropFirst(skip))
        }
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                var next = bytes.index(after: index)
                if next < bytes.endIndex, bytes[next] == 0x0D { next += 1 }
                if next < bytes.endIndex, bytes[next] == 0x0A {
                    return (bytes[bytes.startIndex..<index], bytes[(next + 1)...])
                }
                if next >= bytes.endIndex { break }
            }
            index += 1
        }
        return (bytes, bytes[bytes.endIndex...])
    }

    /// The bodies between `--boundary` lines, up to `--boundary--`; the preamble and epilogue are dropped.
    private static func bodies(of body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array(("--" + boundary).utf8)
        var result: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: 0x0A) ?? body.endIndex
            var line = body[lineStart..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            if line.starts(with: delimiter) {
                let rest = line.dropFirst(delimiter.count)
                let isClose = rest.starts(with: [0x2D, 0x2D])
                let trailing = isClose ? rest.dropFirst(2) : rest
                if trailing.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    if let start = partStart {
                        var end = lineStart
                        // The line break before the delimiter belongs to it.
                        if end > start, body[end - 1] == 0x0A { end -= 1 }
                        if end > start, body[end - 1] == 0x0D { end -= 1 }
                        result.append(body[start..<max(start, end)])
                    }
                    if isClose { return result }
                    partStart = min(lineEnd + 1, body.endIndex)
                }
            }
            lineStart = lineEnd + 1
        }
        if let start = partStart, start < body.endIndex { result.append(body[start...]) }
        return result
    }
}
