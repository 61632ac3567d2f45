/// The header fields of a message or a MIME part, in order, unfolded.
public struct MailHeaders: Hashable, Sendable {
    /// One field.
    public struct Field: Hashable, Sendable {
        /// The name as written.
        public var name: String
        /// The raw value, unfolded (continuation line breaks removed), not decoded.
        public var value: String
    }

    /// Every field, in order.
    public var fields: [Field]

    /// Reads a header block (the text before the first empty line). Folded lines are joined; a line
    /// that is neither a field nor a continuation is ignored. Bytes are read as UTF-8 when valid
    /// (RFC 6532), else as Latin-1.
    init(block: [UInt8]) {
        let text = Charset.decode(block, name: nil)
        var fields: [Field] = []
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if let first = line.first, first == " " || first == "\t" {
                if !fields.isEmpty { fields[fields.count - 1].value += String(line) }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains(" ") else { continue }
            fields.append(Field(name: name, value: String(line[line.index(after: colon)...])))
        }
        self.fields = fields.map { Field(name: $0.name, value: $0.value.trimmingCharacters(in: .whitespaces)) }
    }

    /// The raw value of the first field called `name` (compared without case).
    public subscript(name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower }?.value
    }

    /// The values of every field called `name`, in order.
    public func all(_ name: String) -> [String] {
        let lower = name.lowercased()
        return fields.filter { $0.name.lowercased() == lower }.map(\.value)
    }

    /// The first field called `name`, with its encoded-words decoded.
    public func decoded(_ name: String) -> String? {
        self[name].map(EncodedWordDecoder.decode)
    }
}
