import Foundation

/// Writes answers as the very bytes `JSONEncoder` writes with `.sortedKeys` (and, if asked,
/// `.withoutEscapingSlashes`), without its generic `Encodable` machinery: a create encodes its
/// answers twice (the submission digest and the stored row), and `JSONEncoder` was a twentieth of it.
///
/// Text, choices, yes/no answers and groups of them are written here; an answer of another kind
/// (a number, a date, files) makes ``encode(_:escapingSlashes:)`` return `nil`, and the caller uses
/// `JSONEncoder`. Keys are sorted by their UTF-8 bytes and strings escaped exactly as
/// swift-foundation's `JSONWriter` does (`"`, `\`, `/` unless not escaped, `\b \f \n \r \t`, other
/// control characters as `\u00xx`); tests compare both on every kind of answer and character.
enum AnswersJSON {
    /// The JSON of `answers`, or `nil` when one of them is of a kind written only by `JSONEncoder`.
    static func encode(_ answers: [String: AnswerValue], escapingSlashes: Bool) -> String? {
        var writer = Writer(escapingSlashes: escapingSlashes)
        guard writer.object(answers) else { return nil }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The JSON of `answers` as `JSONEncoder` writes it with `.sortedKeys` (slashes escaped unless told
    /// otherwise): written here when every answer is of a kind ``encode(_:escapingSlashes:)`` takes,
    /// else by `JSONEncoder`.
    static func sortedJSON(_ answers: [String: AnswerValue], escapingSlashes: Bool) throws -> String {
        if let json = encode(answers, escapingSlashes: escapingSlashes) { return json }
        let encoder = JSONEncoder()
        encoder.outputFormatting = escapingSlashes ? [.sortedKeys] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(answers), as: UTF8.self)
    }

    /// `text` as a JSON string, as `JSONEncoder` writes it (slashes escaped unless told otherwise).
    static func quoted(_ text: String, escapingSlashes: Bool = true) -> String {
        var writer = Writer(escapingSlashes: escapingSlashes)
        writer.string(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private struct Writer {
        let escapingSlashes: Bool
        var bytes: [UInt8] = []

        init(escapingSlashes: Bool) {
            self.escapingSlashes = escapingSlashes
            bytes.reserveCapacity(512)
        }

        mutating func object(_ answers: [String: AnswerValue]) -> Bool {
            bytes.append(UInt8(ascii: "{"))
            var first = true
            for (key, value) in answers.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                string(key)
                bytes.append(UInt8(ascii: ":"))
                guard answer(value) else { return false }
            }
            bytes.append(UInt8(ascii: "}"))
            return true
        }

        /// One tagged answer, `{"text":"…"}`.
        private mutating func answer(_ value: AnswerValue) -> Bool {
            switch value {
            case .text(let text): tagged("text") { $0.string(text) }
            case .choice(let id): tagged("choice") { $0.string(id) }
            case .boolean(let flag): tagged("boolean") { $0.bytes.append(contentsOf: (flag ? "true" : "false").utf8) }
            case .choices(let ids):
                tagged("choices") { writer in
                    writer.bytes.append(UInt8(ascii: "["))
                    for (index, id) in ids.enumerated() {
                        if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
                        writer.string(id)
                    }
                    writer.bytes.append(UInt8(ascii: "]"))
                }
            case .items(let items):
                bytes.append(contentsOf: #"{"items":["#.utf8)
                for (index, item) in items.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    guard object(item) else { return false }
                }
                bytes.append(contentsOf: "]}".utf8)
            case .number, .date, .dateTime, .files:
                return false
            }
            return true
        }

        private mutating func tagged(_ tag: String, _ value: (inout Writer) -> Void) {
            bytes.append(UInt8(ascii: "{"))
            string(tag)
            bytes.append(UInt8(ascii: ":"))
            value(&self)
            bytes.append(UInt8(ascii: "}"))
        }

        mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "/") where escapingSlashes: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "/")])
                case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x00...0x1F:
                    bytes.append(contentsOf: #"\u00"#.utf8)
                    bytes.append(Self.hex[Int(byte >> 4)])
                    bytes.append(Self.hex[Int(byte & 0x0F)])
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }

        private static let hex = Array("0123456789abcdef".utf8)
    }
}
