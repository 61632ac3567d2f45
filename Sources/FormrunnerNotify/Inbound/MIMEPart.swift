/// One MIME entity: its headers and its body, with the parts of a multipart body parsed too.
struct MIMEPart: Sendable {
    /// What one message may hold before it is refused unprocessed (the work is then bounded).
    struct Limits: Sendable {
        /// The most MIME parts, at every level together.
        var parts = 1000
        /// The deepest nesting of multiparts.
        var depth = 32
    }

    /// Counts the parts seen while one message is parsed, and notes the first limit passed.
    final class Budget {
        let limits: Limits
        var parts = 0
        var problem: String?

        init(limits: Limits) {
            self.limits = limits
        }
    }

    var headers: MailHeaders
    /// The body as sent (still transfer-encoded); it shares the message's bytes.
    var rawBody: ArraySlice<UInt8>
    var contentType: ContentType
    /// The parts of a `multipart/*` body.
    var parts: [MIMEPart]

    /// Parses an entity: headers up to the first empty line, then the body.
    init(bytes: ArraySlice<UInt8>, depth: Int = 0, budget: Budget = Budget(limits: Limits())) {
        let (head, body) = Self.split(bytes)
        headers = MailHeaders(block: Array(head))
        rawBody = body
        contentType = headers["Content-Type"].map(ContentType.init(parsing:)) ?? .plainText
        parts = []
        guard contentType.value.hasPrefix("multipart/"), budget.problem == nil else { return }
        if depth >= budget.limits.depth {
            budget.problem = "the message nests MIME parts more than \(budget.limits.depth) levels deep"
            return
        }
        let declared = contentType.parameters["boundary"].flatMap { $0.isEmpty ? nil : $0 }
        guard let boundary = declared ?? Self.guessedBoundary(in: body) else { return }
        for piece in Self.bodies(of: body, boundary: boundary) {
            budget.parts += 1
            if budget.parts > budget.limits.parts {
                budget.problem = "the message has more than \(budget.limits.parts) MIME parts"
                return
            }
            parts.append(MIMEPart(bytes: piece, depth: depth + 1, budget: budget))
            if budget.problem != nil { return }
        }
    }

    /// The body with its transfer encoding undone.
    var decodedBody: [UInt8] {
        TransferDecoding.decode(Array(rawBody), encoding: headers["Content-Transfer-Encoding"])
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

    /// Headers and body: split at the first empty line (CRLF or LF), or at the first line that is
    /// neither a header field nor a continuation (a message missing its blank line keeps its text).
    private static func split(_ bytes: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var line = bytes[lineStart..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            let next = min(lineEnd + 1, bytes.endIndex)
            if line.isEmpty { return (bytes[bytes.startIndex..<lineStart], bytes[next...]) }
            let continues = lineStart > bytes.startIndex && (line.first == 0x20 || line.first == 0x09)
                || (lineStart == bytes.startIndex && line.starts(with: Array("From ".utf8))) // an mbox separator
            if !continues && !isField(line) {
                return (bytes[bytes.startIndex..<lineStart], bytes[lineStart...])
            }
            lineStart = next
        }
        return (bytes, bytes[bytes.endIndex...])
    }

    /// Whether `line` starts with a field name (printable ASCII but `:` and space) and a colon.
    private static func isField(_ line: ArraySlice<UInt8>) -> Bool {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else { return false }
        var name = line[line.startIndex..<colon]
        while name.last == 0x20 || name.last == 0x09 { name = name.dropLast() }
        return !name.isEmpty && name.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// The boundary of a multipart that does not declare one: the first `--…` line of its body.
    private static func guessedBoundary(in body: ArraySlice<UInt8>) -> String? {
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: 0x0A) ?? body.endIndex
            var line = body[lineStart..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            if line.count > 3, line.starts(with: [0x2D, 0x2D]), line.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
                var boundary = line.dropFirst(2)
                if boundary.count > 2, boundary.suffix(2).elementsEqual([0x2D, 0x2D]) { boundary = boundary.dropLast(2) }
                return String(decoding: boundary, as: UTF8.self)
            }
            lineStart = lineEnd + 1
        }
        return nil
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
