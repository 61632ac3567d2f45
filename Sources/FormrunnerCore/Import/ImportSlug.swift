import Foundation

/// Turns free text into the language's ids.
public enum ImportSlug {
    /// Condition keywords, which a field id may not be.
    static let reserved: Set<String> = ["and", "or", "not", "in", "contains", "true", "false"]

    /// A field id: lower-case ASCII letters, digits and `_`, starting with a letter, whole words up to 40
    /// characters (`What happened?` → `what_happened`); empty when the text has no letter or digit.
    public static func fieldID(_ text: String) -> String {
        var id = joined(words(text), by: "_", limit: 40)
        if id.isEmpty { return "" }
        if let first = id.first, !first.isLetter { id = "q_" + id }
        return reserved.contains(id) ? id + "_field" : id
    }

    /// An option id: as a field id, but it may start with a digit (`1.0.2 (Default)` → `1_0_2_default`).
    public static func optionID(_ text: String) -> String {
        joined(words(text), by: "_", limit: 32)
    }

    /// A form id: lower-case words joined by `-` (`Bug Report` → `bug-report`).
    public static func formID(_ text: String) -> String {
        joined(words(text), by: "-", limit: 60)
    }

    /// `words` joined by `separator`, as many whole words as fit in `limit` characters (at least the
    /// first word, cut to the limit).
    static func joined(_ words: [String], by separator: String, limit: Int) -> String {
        var id = ""
        for word in words {
            let next = id.isEmpty ? word : id + separator + word
            if next.count > limit { return id.isEmpty ? String(word.prefix(limit)) : id }
            id = next
        }
        return id
    }

    /// The runs of ASCII letters and digits of `text`, lower-cased, accents dropped (`Ação` → `acao`).
    static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.diacriticInsensitive], locale: nil)
        var words: [String] = [], current = ""
        for scalar in folded.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Unique option ids for `labels`: slugged, `option_N` when a label has no letter or digit,
    /// `_2`, `_3` on repeats.
    static func optionIDs(_ labels: [String]) -> [String] {
        var used: Set<String> = []
        return labels.enumerated().map { index, label in
            let base = optionID(label)
            return unique(base.isEmpty ? "option_\(index + 1)" : base, among: &used)
        }
    }

    /// `base`, or `base_2`, `base_3`… when taken; the id returned is added to `used`.
    static func unique(_ base: String, among used: inout Set<String>) -> String {
        var candidate = base, number = 2
        while used.contains(candidate) {
            candidate = "\(base)_\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}
