import Foundation

/// The HTML of a SurveyJS `html` element as the Markdown of a note: paragraphs, line breaks,
/// headings, list items, bold, italics and links kept; other tags dropped, entities decoded.
enum SurveyJSHTML {
    static func markdown(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        var link: String?
        while let open = rest.firstIndex(of: "<") {
            out += decode(rest[..<open])
            guard let close = rest[open...].firstIndex(of: ">") else {
                rest = rest[open...]
                break
            }
            let tag = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            rest = rest[rest.index(after: close)...]
            let name = tag.lowercased().prefix { $0.isLetter || $0.isNumber || $0 == "/" }
            switch name {
            case "br", "br/": out += "\n"
            case "p", "div": out += out.isEmpty || out.hasSuffix("\n\n") ? "" : "\n\n"
            case "/p", "/div", "/ul", "/ol": out += "\n\n"
            case "li": out += "- "
            case "/li": out += "\n"
            case "b", "/b", "strong", "/strong": out += "**"
            case "i", "/i", "em", "/em": out += "*"
            case "h1", "h2", "h3", "h4", "h5", "h6": out += String(repeating: "#", count: Int(String(name.last!)) ?? 1) + " "
            case "/h1", "/h2", "/h3", "/h4", "/h5", "/h6": out += "\n\n"
            case "a":
                link = attribute("href", in: tag)
                out += "["
            case "/a":
                out += "](" + (link ?? "") + ")"
                link = nil
            default: break
            }
        }
        out += decode(rest)
        while out.contains("\n\n\n") { out = out.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func attribute(_ name: String, in tag: String) -> String? {
        guard let range = tag.range(of: name + "=") else { return nil }
        var value = tag[range.upperBound...]
        guard let quote = value.first, quote == "\"" || quote == "'" else { return value.split(separator: " ").first.map(String.init) }
        value = value.dropFirst()
        return value.firstIndex(of: quote).map { String(value[..<$0]) }
    }

    private static func decode(_ text: Substring) -> String {
        var text = String(text)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }
}
