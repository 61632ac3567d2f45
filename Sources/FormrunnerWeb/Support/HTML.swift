/// Building HTML as text, with every piece of user or definition text escaped.
///
/// Pages are small and assembled from strings: ``HTML/escape(_:)`` is applied to every value that
/// did not come from this module's own markup, attributes included.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities: safe in element content and in
    /// quoted attribute values.
    static func escape(_ text: String) -> String {
        // Most texts (labels, ids, answers) need nothing: returned as they are, without a copy.
        // Read through the string's own storage when it has one: a plain loop over bytes, where
        // the UTF-8 view's iterator costs several times as much on a long help text.
        let special: (UInt8) -> Bool = { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? text.utf8.contains(where: special) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                // Control characters other than tab and line breaks never reach the page.
                if character.value < 0x20, character != "\n", character != "\t", character != "\r" { continue }
                result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// An attribute ` name="value"` with the value escaped.
    static func attribute(_ name: String, _ value: String) -> String {
        " \(name)=\"\(escape(value))\""
    }

    /// Plain text with its line breaks kept: escaped, then each line break a `<br>`.
    static func multiline(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "<br>")
    }

    /// A string safe as an `id` attribute and a fragment: letters, digits, `-` and `_`, others as `_`.
    static func identifier(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            let allowed = (scalar.value < 128) && (CharacterSetASCII.isAlphanumeric(scalar) || scalar == "-" || scalar == "_")
            return allowed ? Character(scalar) : "_"
        })
    }
}

/// ASCII character tests without Foundation's locale-dependent sets.
enum CharacterSetASCII {
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
