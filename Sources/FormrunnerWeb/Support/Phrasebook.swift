/// A set of words shown on pages, each in English, Portuguese and Spanish.
protocol Phrasebook: Hashable {
    /// Every case's words: English, Portuguese, Spanish.
    static var table: [Self: (en: String, pt: String, es: String)] { get }
}

extension Phrasebook {
    /// The text in `language` (`en`, `pt`, `es`), English for any other.
    func text(_ language: String) -> String {
        let entry = Self.table[self] ?? ("", "", "")
        switch language {
        case "pt": return entry.pt
        case "es": return entry.es
        default: return entry.en
        }
    }

    /// The text in `language` with `%1`, `%2`… replaced by `values` (escape them first for HTML).
    func text(_ language: String, _ values: String...) -> String {
        var result = text(language)
        for (index, value) in values.enumerated() {
            result = result.replacingOccurrences(of: "%\(index + 1)", with: value)
        }
        return result
    }
}
