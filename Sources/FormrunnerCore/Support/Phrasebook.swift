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
        var result = ""
        result.reserveCapacity(template.utf8.count + values.reduce(0) { $0 + $1.utf8.count })
        var rest = Substring(template)
        while let percent = rest.firstIndex(of: "%") {
            result += rest[..<percent]
            let next = rest.index(after: percent)
            if next < rest.endIndex, let digit = rest[next].wholeNumberValue, digit >= 1, digit <= values.count {
                result += values[digit - 1]
                rest = rest[rest.index(after: next)...]
            } else {
                result += "%"
                rest = rest[next...]
            }
        }
        result += rest
        return result
    }
}
