/// Reads the stored answers JSON of the common kinds (text, number, boolean, date, datetime, choice,
/// choices) straight from its UTF-8 bytes, for ``StoredAnswers/decode(_:)``: a tick reads thousands
/// of tickets, and `JSONDecoder` was the largest single cost of reading them.
///
/// It accepts only strict JSON in the shape `StoredAnswers.encode` writes — an object of field ids,
/// each an object with exactly one known tag — and gives up (`nil`) on anything else (files, groups,
/// duplicate keys, unknown tags, numbers beyond `Double`), which is then decoded by `JSONDecoder` as
/// before. What it returns is what `JSONDecoder` returns for the same text.
struct StoredAnswersReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    /// The answers `json` holds, or `nil` when it is not in the shape this reader takes.
    static func answers(in json: String) -> [String: AnswerValue]? {
        var json = json
        return json.withUTF8 { bytes in
            var reader = StoredAnswersReader(bytes: bytes)
            return reader.answers()
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func answers() -> [String: AnswerValue]? {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return nil }
        var answers: [String: AnswerValue] = [:]
        // Room for every answer at once (each is an object, so one `{` each beyond the outer one; a
        // brace inside a text only adds room): the dictionary is not grown and rehashed on the way.
        answers.reserveCapacity(bytes.reduce(into: -1) { count, byte in if byte == UInt8(ascii: "{") { count += 1 } })
        skipSpace()
        if !take(UInt8(ascii: "}")) {
            repeat {
                skipSpace()
                guard let key = string(), colon(), let value = answer(), answers.updateValue(value, forKey: key) == nil else {
                    return nil
                }
                skipSpace()
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        skipSpace()
        return position == bytes.count ? answers : nil
    }

    /// One tagged answer: `{"tag": value}`.
    private mutating func answer() -> AnswerValue? {
        skipSpace()
        guard take(UInt8(ascii: "{")), skipSpace(), let tag = string(), colon() else { return nil }
        skipSpace()
        let value: AnswerValue?
        switch tag {
        case "text": value = string().map(AnswerValue.text)
        case "choice": value = string().map(AnswerValue.choice)
        case "number": value = number().map(AnswerValue.number)
        case "boolean": value = boolean().map(AnswerValue.boolean)
        case "date": value = string().flatMap(LocalDate.init(iso:)).map(AnswerValue.date)
        case "datetime": value = string().flatMap(LocalDateTime.init(iso:)).map(AnswerValue.dateTime)
        case "choices": value = strings().map(AnswerValue.choices)
        default: return nil
        }
        skipSpace()
        guard take(UInt8(ascii: "}")) else { return nil }
        return value
    }

    private mutating func colon() -> Bool {
        skipSpace()
        return take(UInt8(ascii: ":"))
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
            default: return true
            }
        }
        return true
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func take(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
        position += count
        return true
    }

    private mutating func boolean() -> Bool? {
        if take("true") { return true }
        if take("false") { return false }
        return nil
    }

    /// A JSON number, checked against JSON's grammar, as the nearest `Double`; `nil` when it has none.
    private mutating func number() -> Double? {
        let start = position
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            // No leading zeros in JSON.
        } else {
            guard digits() > 0 else { return nil }
        }
        if take(UInt8(ascii: ".")) { guard digits() > 0 else { return nil } }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard digits() > 0 else { return nil }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        // Out of `Double`'s range (infinite, or flushed to zero): left to `JSONDecoder`.
        guard let value = Double(text), value.isFinite,
              value != 0 || text.allSatisfy({ "-+.eE0".contains($0) }) else { return nil }
        return value
    }

    private mutating func digits() -> Int {
        let start = position
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") { position += 1 }
        return position - start
    }

    /// `["a", "b"]`.
    private mutating func strings() -> [String]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var strings: [String] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { return strings }
        repeat {
            skipSpace()
            guard let string = string() else { return nil }
            strings.append(string)
            skipSpace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? strings : nil
    }

    /// A JSON string; `nil` on a control character, a bad escape or a lone surrogate.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return escapedString(from: start) }
            guard byte >= 0x20 else { return nil }
            position += 1
        }
        return nil
    }

    /// The rest of a string that has escapes, its first `start..<position` bytes plain.
    private mutating func escapedString(from start: Int) -> String? {
        var text = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { return nil }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    text.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            default:
                guard byte >= 0x20 else { return nil }
                text.append(byte)
            }
        }
        return nil
    }

    /// The scalar of `\uXXXX` (after the `u`), a surrogate pair read as one.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let unit = hexadecimalUnit() else { return nil }
        switch unit {
        case 0xD800...0xDBFF:
            guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hexadecimalUnit(), (0xDC00...0xDFFF).contains(low) else {
                return nil
            }
            return Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
        case 0xDC00...0xDFFF:
            return nil
        default:
            return Unicode.Scalar(unit)
        }
    }

    private mutating func hexadecimalUnit() -> UInt16? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }
}
