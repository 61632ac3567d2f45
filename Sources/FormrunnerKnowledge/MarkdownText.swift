import Foundation

/// The small Markdown of articles — paragraphs, `#` headings, `-`/`*` and `1.` lists, fenced code,
/// `**bold**`, `*emphasis*`, `` `code` `` and `[text](target)` links — as plain text, as text for a
/// terminal, or as safe HTML (every character of the source escaped; links only to other articles
/// (`kb:ID`) or to `http(s)` addresses).
public enum MarkdownText {
    /// A block of an article.
    enum Block: Equatable {
        case heading(level: Int, text: String)
        case paragraph(String)
        case list(ordered: Bool, items: [String])
        case code(String)
    }

    /// The text without markup: what the index and the excerpts read.
    public static func plain(_ markdown: String) -> String {
        MarkdownPlain.plain(markdown) ?? readPlain(markdown)
    }

    /// ``plain(_:)`` Character by Character, for any text (``MarkdownPlain`` reads most texts faster).
    static func readPlain(_ markdown: String) -> String {
        blocks(markdown).map { block in
            switch block {
            case .heading(_, let text), .paragraph(let text): return inlinePlain(text)
            case .list(_, let items): return items.map(inlinePlain).joined(separator: "\n")
            case .code(let text): return text
            }
        }.joined(separator: "\n")
    }

    /// The text for a terminal: headings underlined, lists numbered or bulleted, links followed by
    /// their article id; control characters removed.
    public static func terminal(_ markdown: String) -> String {
        var clean = ""
        clean.unicodeScalars.append(contentsOf: markdown.unicodeScalars.filter { scalar in
            scalar == "\n" || scalar == "\t" || scalar.properties.generalCategory != .control
        })
        return blocks(clean).map { block -> String in
            switch block {
            case .heading(_, let text):
                let line = inlineTerminal(text)
                return line + "\n" + String(repeating: "─", count: min(line.count, 60))
            case .paragraph(let text): return inlineTerminal(text)
            case .list(let ordered, let items):
                return items.enumerated().map { index, item in (ordered ? "\(index + 1). " : "• ") + inlineTerminal(item) }
                    .joined(separator: "\n")
            case .code(let text): return text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
            }
        }.joined(separator: "\n\n")
    }

    /// Safe HTML; `link` makes the address of an article from its id.
    public static func html(_ markdown: String, link: (String) -> String) -> String {
        blocks(markdown).map { block in
            switch block {
            case .heading(let level, let text):
                let tag = "h\(min(level + 1, 4))"
                return "<\(tag)>\(inlineHTML(text, link: link))</\(tag)>"
            case .paragraph(let text): return "<p>\(inlineHTML(text, link: link))</p>"
            case .list(let ordered, let items):
                let tag = ordered ? "ol" : "ul"
                return "<\(tag)>" + items.map { "<li>\(inlineHTML($0, link: link))</li>" }.joined() + "</\(tag)>"
            case .code(let text): return "<pre><code>\(escape(text))</code></pre>"
            }
        }.joined(separator: "\n")
    }

    static func blocks(_ markdown: String) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])?
        var code: [String]?
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))) }
            paragraph = []
            if let current = list { blocks.append(.list(ordered: current.ordered, items: current.items)) }
            list = nil
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = trimmed(raw)
            if var lines = code {
                if line.hasPrefix("```") { blocks.append(.code(lines.joined(separator: "\n"))); code = nil } else { lines.append(String(raw)); code = lines }
                continue
            }
            if line.hasPrefix("```") { flush(); code = []; continue }
            if line.isEmpty { flush(); continue }
            if let level = headingLevel(line) {
                flush()
                blocks.append(.heading(level: level, text: trimmed(line.dropFirst(level))))
            } else if let item = listItem(line) {
                if !paragraph.isEmpty || (list != nil && list!.ordered != item.ordered) { flush() }
                if list == nil { list = (item.ordered, []) }
                list!.items.append(item.text)
            } else if list != nil, raw.hasPrefix("  ") {
                list!.items[list!.items.count - 1] += " " + line
            } else {
                if list != nil { flush() }
                paragraph.append(line)
            }
        }
        if let lines = code { blocks.append(.code(lines.joined(separator: "\n"))) }
        flush()
        return blocks
    }

    /// `text` without the spaces and tabs around it (`CharacterSet.whitespaces`: tab and the
    /// Unicode space separators), without Foundation's round trip through NSString.
    static func trimmed(_ text: some StringProtocol) -> String {
        let scalars = text.unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    private static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    private static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return (false, String(line.dropFirst(2))) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3, line.dropFirst(digits.count).hasPrefix(". ") {
            return (true, String(line.dropFirst(digits.count + 2)))
        }
        return nil
    }

    /// Inline spans: text, emphasis, code and links.
    enum Span: Equatable {
        case text(String)
        case strong(String)
        case emphasis(String)
        case code(String)
        case link(text: String, target: String)
    }

    static func spans(_ text: String) -> [Span] {
        var spans: [Span] = []
        var plain = ""
        var rest = Substring(text)
        func emit(_ span: Span) {
            if !plain.isEmpty { spans.append(.text(plain)); plain = "" }
            spans.append(span)
        }
        while let first = rest.first {
            if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**") {
                emit(.strong(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound])))
                rest = rest[end.upperBound...]
            } else if first == "`", let end = rest.dropFirst().firstIndex(of: "`") {
                emit(.code(String(rest[rest.index(after: rest.startIndex)..<end])))
                rest = rest[rest.index(after: end)...]
            } else if first == "*" || first == "_", let end = rest.dropFirst().firstIndex(of: first),
                      end > rest.index(after: rest.startIndex) {
                emit(.emphasis(String(rest[rest.index(after: rest.startIndex)..<end])))
                rest = rest[rest.index(after: end)...]
            } else if first == "[", let close = rest.range(of: "]("), let end = rest[close.upperBound...].firstIndex(of: ")") {
                emit(.link(text: String(rest[rest.index(after: rest.startIndex)..<close.lowerBound]),
                           target: String(rest[close.upperBound..<end])))
                rest = rest[rest.index(after: end)...]
            } else {
                plain.append(first)
                rest = rest.dropFirst()
            }
        }
        if !plain.isEmpty { spans.append(.text(plain)) }
        return spans
    }

    private static func inlinePlain(_ text: String) -> String {
        spans(text).map { span in
            switch span {
            case .text(let text), .strong(let text), .emphasis(let text), .code(let text), .link(let text, _): return text
            }
        }.joined()
    }

    private static func inlineTerminal(_ text: String) -> String {
        spans(text).map { span in
            switch span {
            case .text(let text), .strong(let text), .emphasis(let text): return text
            case .code(let text): return "`\(text)`"
            case .link(let text, let target):
                if target.hasPrefix("kb:") { return "\(text) (formrunner knowledge show \(target.dropFirst(3)))" }
                return "\(text) (\(target))"
            }
        }.joined()
    }

    private static func inlineHTML(_ text: String, link: (String) -> String) -> String {
        spans(text).map { span in
            switch span {
            case .text(let text): return escape(text)
            case .strong(let text): return "<strong>\(escape(text))</strong>"
            case .emphasis(let text): return "<em>\(escape(text))</em>"
            case .code(let text): return "<code>\(escape(text))</code>"
            case .link(let text, let target):
                if target.hasPrefix("kb:") { return "<a href=\"\(escape(link(String(target.dropFirst(3)))))\">\(escape(text))</a>" }
                let lowered = target.lowercased()
                guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else { return escape(text) }
                return "<a href=\"\(escape(target))\" rel=\"noopener noreferrer\">\(escape(text))</a>"
            }
        }.joined()
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` escaped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
