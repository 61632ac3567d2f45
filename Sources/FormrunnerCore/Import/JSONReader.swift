/// The JSON parser behind ``JSONSourceParser`` and the lines of `tickets import`: reads UTF-8 bytes in
/// place (no copy into a `String`) into the values of a ``JSONValueBuilding``, in its ``JSONDialect``.
///
/// Lines are counted as spaces are skipped (a line break in a string is refused); a column is counted
/// only when asked for, from the last one counted, so that a reader without columns pays nothing for them.
struct JSONReader<Builder: JSONValueBuilding> {
    typealias Failure = JSONSourceParser.Failure

    private let bytes: UnsafeBufferPointer<UInt8>
    private let dialect = Builder.dialect
    private var index = 0
    private var depth = 0
    private var line = 1
    /// Where the current line starts.
    private var lineStart = 0
    /// The last column counted: the byte at `countedIndex` (on the current line) is in column `countedColumn`.
    private var countedIndex = 0
    private var countedColumn = 1

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The one value `bytes` hold, spaces around it allowed.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> Builder.Value {
        var reader = JSONReader(bytes)
        reader.skipSpace()
        let value = try reader.value()
        reader.skipSpace()
        if reader.index < bytes.count {
            throw reader.failure("unexpected \(reader.found) after the JSON value; a file holds one value")
        }
        return value
    }

    // MARK: Places and failures

    /// The column of the byte at `target` on the current line (UTF-8 continuation bytes are not counted).
    private mutating func column(at target: Int) -> Int {
        if countedIndex < lineStart || countedIndex > target {
            countedIndex = lineStart
            countedColumn = 1
        }
        while countedIndex < target {
            if !Self.isContinuation(bytes[countedIndex]) { countedColumn += 1 }
            countedIndex += 1
        }
        return countedColumn
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte >= 0x80 && byte < 0xC0 }

    /// The character at `index`, quoted, for a message.
    private var found: String {
        guard index < bytes.count else { return "end of file" }
        var end = index + 1
        while end < bytes.count, Self.isContinuation(bytes[end]) { end += 1 }
        return "'" + String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self) + "'"
    }

    private mutating func failure(_ message: String, at place: Int? = nil) -> Failure {
        Failure(message: "malformed JSON: " + message, line: line, column: column(at: place ?? index))
    }

    // MARK: Values

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            case 0x20, 0x09, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func value() throws(Failure) -> Builder.Value {
        guard index < bytes.count else { throw failure("unexpected end of file; expected a value") }
        let position = JSONPosition(line: line, column: Builder.wantsColumns ? column(at: index) : 0)
        switch bytes[index] {
        case UInt8(ascii: "{"): return Builder.object(try object(), at: position)
        case UInt8(ascii: "["): return Builder.array(try array(), at: position)
        case UInt8(ascii: "\""): return Builder.string(try string(), at: position)
        case UInt8(ascii: "t"): try word("true"); return Builder.bool(true, at: position)
        case UInt8(ascii: "f"): try word("false"); return Builder.bool(false, at: position)
        case UInt8(ascii: "n"): try word("null"); return Builder.null(at: position)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number(at: position)
        default: throw failure("unexpected \(found); expected a value")
        }
    }

    private mutating func word(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw failure("unexpected \(found); expected a value") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw failure("unexpected \(found); expected a value")
        }
        index += count
    }

    /// Whether `index` is on `byte`.
    private func at(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    /// Enters an object or an array, `index` on its opening bracket; `true` when `close` follows (it is empty).
    private mutating func open(closedBy close: UInt8) throws(Failure) -> Bool {
        depth += 1
        if depth > dialect.maximumDepth { throw failure("nested deeper than \(dialect.maximumDepth) levels") }
        index += 1
        skipSpace()
        return at(close)
    }

    /// After a member or an item (`what`): `true` on `close` (a trailing comma before it skipped where the
    /// dialect allows one), `false` past the `,` that announces another.
    private mutating func ends(at close: UInt8, after what: String) throws(Failure) -> Bool {
        skipSpace()
        guard index < bytes.count else { throw failure("unexpected end of file; expected ',' or '\(Unicode.Scalar(close))'") }
        if bytes[index] == close { return true }
        guard bytes[index] == UInt8(ascii: ",") else {
            throw failure("expected ',' or '\(Unicode.Scalar(close))' after \(what), found \(found)")
        }
        index += 1
        skipSpace()
        return dialect.allowsTrailingCommas && at(close)
    }

    /// Leaves an object or an array, `index` on its closing bracket.
    private mutating func leave() {
        index += 1
        depth -= 1
    }

    private mutating func object() throws(Failure) -> Builder.Object {
        var object = Builder.emptyObject()
        if try !open(closedBy: UInt8(ascii: "}")) {
            repeat {
                guard at(UInt8(ascii: "\"")) else { throw failure("expected a key in double quotes, found \(found)") }
                let keyLine = line
                let key = try string()
                skipSpace()
                guard at(UInt8(ascii: ":")) else { throw failure("expected ':' after the key \"\(key)\", found \(found)") }
                index += 1
                skipSpace()
                Builder.add(key, line: keyLine, value: try value(), to: &object)
            } while try !ends(at: UInt8(ascii: "}"), after: "a member")
        }
        leave()
        return object
    }

    private mutating func array() throws(Failure) -> [Builder.Value] {
        var items: [Builder.Value] = []
        if try !open(closedBy: UInt8(ascii: "]")) {
            repeat {
                items.append(try value())
            } while try !ends(at: UInt8(ascii: "]"), after: "an item")
        }
        leave()
        return items
    }

    // MARK: Strings

    /// A string, `index` on its opening quote and left after its closing one. Without an escape (the
    /// common case) the text is made from the bytes in place.
    private mutating func string() throws(Failure) -> String {
        let quote = index
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = try text(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start, quote: quote) }
            try checkPlain(byte, quote: quote)
            index += 1
        }
        throw failure("unterminated string", at: quote)
    }

    /// Refuses a control character (a line break: the string is unterminated).
    private mutating func checkPlain(_ byte: UInt8, quote: Int) throws(Failure) {
        guard byte < 0x20 else { return }
        if byte == 0x0A { throw failure("unterminated string", at: quote) }
        throw failure("control character in a string; write it as an escape such as \\n or \\t")
    }

    /// The text of UTF-8 bytes: refused when invalid in a dialect without repairs, else repaired.
    private mutating func text(_ utf8: some Collection<UInt8>) throws(Failure) -> String {
        guard dialect.refusesRepairs else { return String(decoding: utf8, as: UTF8.self) }
        guard let text = String(validating: utf8, as: UTF8.self) else { throw failure("invalid UTF-8 in a string") }
        return text
    }

    /// The rest of a string that has an escape, `index` on its first backslash.
    private mutating func escapedString(from start: Int, quote: Int) throws(Failure) -> String {
        var utf8 = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return try text(utf8)
            }
            guard byte == UInt8(ascii: "\\") else {
                try checkPlain(byte, quote: quote)
                utf8.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            switch bytes[index] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(bytes[index])
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"): UTF8.encode(try unicodeEscape()) { utf8.append($0) }
            default: throw failure("invalid escape \\\(found.dropFirst().dropLast()) in a string")
            }
            index += 1
        }
        throw failure("unterminated string", at: quote)
    }

    /// `\uXXXX` (a surrogate pair included), `index` on its `u` and left on its last hex digit. An unpaired
    /// surrogate is U+FFFD, or refused in a dialect without repairs.
    private mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
        let first = try hex4()
        if (0xD800..<0xDC00).contains(first), bytes.count - index > 2, bytes[index + 1] == UInt8(ascii: "\\"),
           bytes[index + 2] == UInt8(ascii: "u") {
            index += 2
            let second = try hex4()
            if (0xDC00..<0xE000).contains(second), let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) {
                return scalar
            }
        }
        if let scalar = Unicode.Scalar(first) { return scalar }
        if dialect.refusesRepairs { throw failure("unpaired surrogate \\u escape in a string") }
        return "\u{FFFD}"
    }

    /// The four hex digits after `index`, `index` left on the last.
    private mutating func hex4() throws(Failure) -> UInt32 {
        guard bytes.count - index > 4 else { throw failure("invalid \\u escape in a string; write four hex digits") }
        var value: UInt32 = 0
        for offset in 1...4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape in a string; write four hex digits")
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    // MARK: Numbers

    /// A number: the characters numbers are written with are taken, then checked against RFC 8259's
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number(at position: JSONPosition) throws(Failure) -> Builder.Value {
        let start = index
        while index < bytes.count, JSONNumberGrammar.isNumberByte(bytes[index]) { index += 1 }
        let written = UnsafeBufferPointer(rebasing: bytes[start..<index])
        let text = String(decoding: written, as: UTF8.self)
        guard JSONNumberGrammar.isNumber(written), let value = Double(text) else {
            throw failure("invalid number '\(text)'", at: start)
        }
        if dialect.refusesRepairs, !value.isFinite || (value == 0 && JSONNumberGrammar.hasNonzeroDigit(written)) {
            throw failure("the number '\(text)' does not fit a Double", at: start)
        }
        return Builder.number(value, written: written, at: position)
    }
}
