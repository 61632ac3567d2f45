/// Turns the HTML of an HTML-only e-mail into plain text: tags dropped, block elements and `<br>`
/// as line breaks, list items as `- `, `<blockquote>` content as `> ` quoted lines (so that the
/// ``ReplyCleaner`` removes it), `<script>`, `<style>` and `<head>` dropped, entities decoded,
/// runs of spaces collapsed.
enum HTMLText {
    /// The text of `html`.
    static func text(of html: String) -> String {
        var lines: [(depth: Int, text: String)] = []
        var current = ""
        var depth = 0
        var skipping: String?
        func endLine() {
            lines.append((depth, current.trimmingCharacters(in: .whitespaces)))
            current = ""
        }
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            if skipping == nil { appendText(rest[..<open], to: &current) }
            guard let close = rest[open...].firstIndex(of: ">") else {
                rest = rest[rest.endIndex...]
                break
            }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!--") {
                if !tag.hasSuffix("--"), let end = rest.range(of: "-->") { rest = rest[end.upperBound...] }
                continue
            }
            let isClosing = tag.hasPrefix("/")
            let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
            if let skipped = skipping {
                if isClosing && name == skipped { skipping = nil }
                continue
            }
            switch name {
            case "script", "style", "head", "title":
                if !isClosing && !tag.hasSuffix("/") { skipping = name }
            case "br":
                endLine()
            case "blockquote":
                endLine()
                depth = max(0, depth + (isClosing ? -1 : 1))
            case "li":
                if !isClosing {
                    endLine()
                    current = "- "
                }
            case "p", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "hr", "pre":
                endLine()
            default:
                break
            }
        }
        if skipping == nil { appendText(rest, to: &current) }
        endLine()
        var output: [String] = []
        for line in lines {
            let trimmed = line.text.isEmpty ? "" : String(repeating: "> ", count: line.depth) + line.text
            if trimmed.isEmpty && (output.last?.isEmpty ?? true) { continue }
            output.append(trimmed)
        }
        while output.last?.isEmpty == true { output.removeLast() }
        return output.joined(separator: "\n")
    }

    /// Appends text with whitespace collapsed and entities decoded.
    private static func appendText(_ text: Substring, to current: inout String) {
        for character in decodeEntities(text) {
            if character.isWhitespace && character != "\u{00A0}" {
                if !current.isEmpty && current.last != " " { current.append(" ") }
            } else {
                current.append(character == "\u{00A0}" ? " " : character)
            }
        }
    }

    /// `&name;`, `&#123;` and `&#x7B;` decoded; an unknown entity is kept.
    static func decodeEntities(_ text: Substring) -> String {
        var output = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                output.append("&")
                rest = rest.dropFirst()
                continue
            }
            let name = rest[rest.index(after: rest.startIndex)..<semicolon]
            if let scalar = scalar(for: name) {
                output.unicodeScalars.append(scalar)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                output.append("&")
                rest = rest.dropFirst()
            }
        }
        return output + rest
    }

    private static func scalar(for name: Substring) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
        return named[String(name)].flatMap(Unicode.Scalar.init)
    }

    /// The named entities mail clients write, Latin-1 letters included.
    private static let named: [String: UInt32] = {
        var table: [String: UInt32] = [
            "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "copy": 0xA9,
            "reg": 0xAE, "hellip": 0x2026, "mdash": 0x2014, "ndash": 0x2013, "lsquo": 0x2018, "rsquo": 0x2019,
            "ldquo": 0x201C, "rdquo": 0x201D, "euro": 0x20AC, "ordm": 0xBA, "ordf": 0xAA, "iexcl": 0xA1,
            "iquest": 0xBF, "laquo": 0xAB, "raquo": 0xBB, "middot": 0xB7, "bull": 0x2022, "deg": 0xB0,
            "szlig": 0xDF,
        ]
        let letters: [(String, UInt32)] = [
            ("Agrave", 0xC0), ("Aacute", 0xC1), ("Acirc", 0xC2), ("Atilde", 0xC3), ("Auml", 0xC4), ("Ccedil", 0xC7),
            ("Egrave", 0xC8), ("Eacute", 0xC9), ("Ecirc", 0xCA), ("Euml", 0xCB), ("Igrave", 0xCC), ("Iacute", 0xCD),
            ("Icirc", 0xCE), ("Iuml", 0xCF), ("Ntilde", 0xD1), ("Ograve", 0xD2), ("Oacute", 0xD3), ("Ocirc", 0xD4),
            ("Otilde", 0xD5), ("Ouml", 0xD6), ("Ugrave", 0xD9), ("Uacute", 0xDA), ("Ucirc", 0xDB), ("Uuml", 0xDC),
        ]
        for (name, value) in letters {
            table[name] = value
            table[name.prefix(1).lowercased() + name.dropFirst()] = value + 0x20
        }
        return table
    }()
}
