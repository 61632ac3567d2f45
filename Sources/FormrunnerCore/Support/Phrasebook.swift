/// A set of words shown to people (pages, prompts), each in English, Portuguese and Spanish.
public protocol Phrasebook: Hashable {
    /// Every case's words: English, Portuguese, Spanish.
    static var table: [Self: (en: String, pt: String, es: String)] { get }
}

extension Phrasebook {
    /// The text in `language` (`en`, `pt`, `es`), English for any other.
    public func text(_ language: String) -> String {
        let entry = Self.table[self] ?? ("", "", "")
        switch language {
        case "pt": return entry.pt
        case "es": return entry.es
        default: return entry.en
        }
    }

    /// The text in `language` with `%1`, `%2`… replaced by `values` (escape them first for HTML).
    public func text(_ language: String, _ values: String...) -> String {
        PlaceholderText.fill(text(language), with: values)
    }
}

/// Filling the numbered places of a translated text.
public enum PlaceholderText {
    /// `template` with each `%1`…`%9` replaced by the value of that number (kept as it is when
    /// there is no such value), in one pass (a value holding `%2` is not filled again) and without
    /// Foundation (its `replacingOccurrences` was 3% of a web page's CPU).
    public static func fill(_ template: String, with values: [String]) -> String {
        var template = template
        // Scanned as stored bytes: walking characters took 8,000 instructions for one short text.
        return template.withUTF8 { bytes in
            var result = ""
            result.reserveCapacity(bytes.count + values.reduce(0) { $0 + $1.utf8.count })
            var start = 0, index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "%"), index + 1 < bytes.count,
                      case let digit = Int(bytes[index + 1]) - Int(UInt8(ascii: "0")), digit >= 1, digit <= min(values.count, 9) else {
                    index += 1
                    continue
                }
                result += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                result += values[digit - 1]
                index += 2
                start = index
            }
            result += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self)
            return result
        }
    }
}
