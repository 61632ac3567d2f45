/// Light stemmers for folded words (lower case, no accents): plural and common inflections removed,
/// after J. Savoy's light stemmers for Portuguese and Spanish and S-stemming with `-ing`/`-ed` for
/// English. Light on purpose: search wants "fatura" and "faturas" to meet, not linguistics.
enum Stemmer {
    /// The stem of `word` in `language` (English rules for any other language).
    static func stem(_ word: String, language: String) -> String {
        guard word.count > 3, word.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else { return word }
        switch language {
        case "pt": return portuguese(word)
        case "es": return spanish(word)
        default: return english(word)
        }
    }

    private static func english(_ word: String) -> String {
        var word = word
        if word.hasSuffix("ies"), word.count > 4 { word = String(word.dropLast(3)) + "y" }
        else if word.hasSuffix("sses") { word = String(word.dropLast(2)) }
        else if word.hasSuffix("es"), !word.hasSuffix("aes"), !word.hasSuffix("ees"), !word.hasSuffix("oes"), word.count > 4 {
            word = String(word.dropLast(1))
        } else if word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") {
            word = String(word.dropLast())
        }
        if word.hasSuffix("ing"), word.count > 5 { word = String(word.dropLast(3)) }
        else if word.hasSuffix("ed"), word.count > 4 { word = String(word.dropLast(2)) }
        if word.hasSuffix("y"), word.count > 3 { word = String(word.dropLast()) + "i" }
        if word.hasSuffix("e"), word.count > 4 { word = String(word.dropLast()) }
        return undouble(word)
    }

    private static func portuguese(_ word: String) -> String {
        var word = word
        for (suffix, replacement) in [("mente", ""), ("coes", "c"), ("cao", "c"), ("oes", "ao"), ("aes", "ao"),
                                      ("ais", "al"), ("eis", "el"), ("ois", "ol"), ("is", "il"), ("ns", "m"),
                                      ("res", "r"), ("ses", "s"), ("s", "")] where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            word = String(word.dropLast(suffix.count)) + replacement
            break
        }
        return dropFinalVowel(word)
    }

    private static func spanish(_ word: String) -> String {
        var word = word
        for (suffix, replacement) in [("mente", ""), ("ciones", "c"), ("cion", "c"), ("ces", "z"), ("es", ""), ("s", "")]
        where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            word = String(word.dropLast(suffix.count)) + replacement
            break
        }
        return dropFinalVowel(word)
    }

    /// Drops a final a, e or o (gender and verb endings) from words long enough to keep a stem.
    private static func dropFinalVowel(_ word: String) -> String {
        guard word.count > 4, let last = word.last, "aeo".contains(last) else { return word }
        return String(word.dropLast())
    }

    /// "stopp" → "stop" (a doubled final consonant after -ing/-ed).
    private static func undouble(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count > 3, scalars[scalars.count - 1] == scalars[scalars.count - 2],
              !"lsz".unicodeScalars.contains(scalars[scalars.count - 1]), !"aeiou".unicodeScalars.contains(scalars[scalars.count - 1])
        else { return word }
        return String(word.dropLast())
    }
}
