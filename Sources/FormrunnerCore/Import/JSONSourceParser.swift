import Foundation

/// Parses JSON (RFC 8259) into ``JSONSourceValue``s that keep their lines and columns. Strict: no
/// comments, no trailing commas; nesting is limited so that a hostile file cannot exhaust the stack.
public struct JSONSourceParser {
    /// A syntax error and where it is.
    public struct Failure: Error, Sendable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    /// The deepest nesting of objects and arrays accepted.
    public static let maximumDepth = 64

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The value held in `text`.
    public static func parse(_ text: String) throws(Failure) -> JSONSourceValue {
        var parser = JSONSourceParser(Array(text.utf8))
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        if parser.index < parser.bytes.count {
            throw parser.failure("unexpected \(parser.found) after the JSON value; a file holds one value")
        }
        return value
    }

    private var found: String {
        guard index < bytes.count else { return "end of file" }
        var end = index + 1
        while end < bytes.count, bytes[end] >= 0x80, bytes[end] < 0xC0 { end += 1 }
        return "'" + String(decoding: bytes[index..<end], as: UTF8.self) + "'"
    }

    private func failure(_ message: String) -> Failure {
        Failure(message: "malformed JSON: " + message, line: line, column: column)
    }

    private mutating func advance() {
        if bytes[index] == 0x0A {
            line += 1
            column = 1
        } else if bytes[index] < 0x80 || bytes[index] >= 0xC0 {
            column += 1
        }
        index += 1
        // A continuation byte belongs to the character already counted.
        while index < bytes.count, bytes[index] >= 0x80, bytes[index] < 0xC0 { index += 1 }
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { advance() }
    }

    private mutating func value() throws(Failure) -> JSONSourceValue {
        guard index < bytes.count else { throw failure("unexpected end of file; expected a value") }
        let (startLine, startColumn) = (line, column)
        func make(_ kind: JSONSourceValue.Kind) -> JSONSourceValue { JSONSourceValue(kind: kind, line: startLine, column: startColumn) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return make(try object())
        case UInt8(ascii: "["): return make(try array())
        case UInt8(ascii: "\""): return make(.string(try string()))
        case UInt8(ascii: "t"): try word("true"); return make(.bool(true))
        case UInt8(ascii: "f"): try word("false"); return make(.bool(false))
        case UInt8(ascii: "n"): try word("null"); return make(.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return make(try number())
        default: throw failure("unexpected \(found); expected a value")
        }
    }

    private mutating func word(_ word: String) throws(Failure) {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw failure("unexpected \(found); expected a value")
        }
        for _ in expected { advance() }
    }

    private mutating func nest() throws(Failure) {
        depth += 1
        if depth > Self.maximumDepth { throw failure("nested deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func object() throws(Failure) -> JSONSourceValue.Kind {
        try nest()
        advance()
        skipSpace()
        var members: [JSONSourceValue.Member] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            advance()
            depth -= 1
            return .object(members)
        }
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure("expected a key in double quotes, found \(found)")
            }
            let keyLine = line
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw failure("expected ':' after the key \"\(key)\", found \(found)")
            }
            advance()
            skipSpace()
            members.append(JSONSourceValue.Member(key: key, line: keyLine, value: try value()))
            skipSpace()
            guard index < bytes.count else { throw failure("unexpected end of file; expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: "}") { break }
            guard bytes[index] == UInt8(ascii: ",") else { throw failure("expected ',' or '}' after a member, found \(found)") }
            advance()
            skipSpace()
        }
        advance()
        depth -= 1
        return .object(members)
    }

    private mutating func array() throws(Failure) -> JSONSourceValue.Kind {
        try nest()
        advance()
        skipSpace()
        var items: [JSONSourceValue] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            advance()
            depth -= 1
            return .array(items)
        }
        while true {
            items.append(try value())
            skipSpace()
            guard index < bytes.count else { throw failure("unexpected end of file; expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: "]") { break }
            guard bytes[index] == UInt8(ascii: ",") else { throw failure("expected ',' or ']' after an item, found \(found)") }
            advance()
            skipSpace()
        }
        advance()
        depth -= 1
        return .array(items)
    }

    private mutating func string() throws(Failure) -> String {
        let unterminated = Failure(message: "malformed JSON: unterminated string", line: line, column: column)
        advance()
        var scalars = String.UnicodeScalarView()
        var start = index
        func flush() { scalars.append(contentsOf: String(decoding: bytes[start..<index], as: UTF8.self).unicodeScalars) }
        while true {
            guard index < bytes.count, bytes[index] != 0x0A else { throw unterminated }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw failure("control character in a string; write it as an escape such as \\n or \\t") }
            guard byte == UInt8(ascii: "\\") else { advance(); continue }
            flush()
            advance()
            guard index < bytes.count else { throw unterminated }
            let escape = bytes[index]
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escape))
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
            default: throw failure("invalid escape \\\(found.dropFirst().dropLast()) in a string")
            }
            advance()
            start = index
        }
        flush()
        advance()
        return String(scalars)
    }

    /// `\uXXXX` (a surrogate pair included), leaving `index` on its last hex digit.
    private mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
        func hex4() throws(Failure) -> UInt32 {
            guard bytes.count - index > 4, let value = UInt32(String(decoding: bytes[(index + 1)...(index + 4)], as: UTF8.self), radix: 16) else {
                throw failure("invalid \\u escape in a string; write four hex digits")
            }
            for _ in 0..<4 { advance() }
            return value
        }
        let first = try hex4()
        if (0xD800..<0xDC00).contains(first), bytes.count - index > 2, bytes[index + 1] == UInt8(ascii: "\\"), bytes[index + 2] == UInt8(ascii: "u") {
            advance()
            advance()
            let second = try hex4()
            if (0xDC00..<0xE000).contains(second), let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) {
                return scalar
            }
        }
        return Unicode.Scalar(first) ?? "\u{FFFD}"
    }

    private mutating func number() throws(Failure) -> JSONSourceValue.Kind {
        let start = index, (startLine, startColumn) = (line, column)
        while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { advance() }
        let written = String(decoding: bytes[start..<index], as: UTF8.self)
        let grammar = #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$"#
        guard written.range(of: grammar, options: .regularExpression) != nil, let value = Double(written) else {
            throw Failure(message: "malformed JSON: invalid number '\(written)'", line: startLine, column: startColumn)
        }
        return .number(value, written)
    }
}
