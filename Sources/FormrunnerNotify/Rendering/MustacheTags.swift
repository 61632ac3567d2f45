import Foundation

/// The tags of a Mustache template, found by a linear scan that follows set-delimiter tags and
/// triple mustaches as the parser does: enough to bound nesting and check variable names before
/// (or without) parsing.
struct MustacheTags {
    /// One tag: its sigil (`#`, `^`, `/`, `&`, `{`, `!`, `>`, `=`, or nil for a variable), the name
    /// inside it, and where its opening delimiter is (1-based line and column in characters).
    struct Tag: Hashable {
        var sigil: Character?
        var name: String
        var line: Int
        var column: Int
    }

    /// The tags of `source`, whose first line is line `firstLine` of its file and starts at column
    /// `firstColumn`.
    static func scan(_ source: String, firstLine: Int = 1, firstColumn: Int = 1) -> [Tag] {
        let scalars = Array(source.unicodeScalars)
        var open: [Unicode.Scalar] = ["{", "{"], close: [Unicode.Scalar] = ["}", "}"]
        var tags: [Tag] = []
        var line = firstLine, column = firstColumn, index = 0
        func advance(to end: Int) {
            while index < end {
                if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }
        while index < scalars.count {
            guard starts(scalars, with: open, at: index) else { advance(to: index + 1); continue }
            let (tagLine, tagColumn) = (line, column)
            var start = index + open.count
            var closing = close
            var sigil: Character?
            if open == ["{", "{"], start < scalars.count, scalars[start] == "{" {
                closing = ["}", "}", "}"]
                sigil = "{"
                start += 1
            }
            var end = start
            while end < scalars.count, !starts(scalars, with: closing, at: end) { end += 1 }
            var inner = String(String.UnicodeScalarView(scalars[start..<min(end, scalars.count)]))
                .trimmingCharacters(in: .whitespaces)
            if sigil == nil, let first = inner.first, "#^/&!>=".contains(first) {
                sigil = first
                inner = String(inner.dropFirst())
                if first == "=" {
                    let parts = inner.dropLast().split(separator: " ", omittingEmptySubsequences: true)
                    if inner.hasSuffix("="), parts.count == 2 {
                        open = Array(parts[0].unicodeScalars)
                        close = Array(parts[1].unicodeScalars)
                    }
                }
            }
            tags.append(Tag(sigil: sigil, name: inner.trimmingCharacters(in: .whitespaces), line: tagLine, column: tagColumn))
            advance(to: min(end + closing.count, scalars.count))
        }
        return tags
    }

    private static func starts(_ scalars: [Unicode.Scalar], with prefix: [Unicode.Scalar], at index: Int) -> Bool {
        guard !prefix.isEmpty, index + prefix.count <= scalars.count else { return false }
        for offset in prefix.indices where scalars[index + offset] != prefix[offset] { return false }
        return true
    }
}
