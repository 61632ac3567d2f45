/// Finds the comments of a YAML file, which libyaml's events do not carry.
///
/// A `#` starts a comment only outside scalars: every scalar's text is known from the tree (where
/// it starts and ends), so a `#` in a label, a quoted string or a block of text is never taken for
/// one. A comment is *full-line* when nothing but spaces comes before it, else *trailing*.
struct CommentScanner {
    /// One comment: its 1-based line, its text from the `#`, and whether it follows something on its line.
    struct Comment: Hashable, Sendable {
        var line: Int
        var text: String
        var trailing: Bool
    }

    /// The comments of `text`, whose tree is `root`, in order.
    static func comments(in text: String, root: YAMLNode) -> [Comment] {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map { Array($0.unicodeScalars) }
        // The columns (1-based, half-open ranges) scalars take on each line.
        var taken: [Int: [Range<Int>]] = [:]
        for scalar in scalars(of: root) {
            guard let end = scalar.end else { continue }
            let start = scalar.location
            if start.line == end.line {
                taken[start.line, default: []].append(start.column..<max(end.column, start.column + 1))
                continue
            }
            taken[start.line, default: []].append(start.column..<Int.max)
            for line in (start.line + 1)..<max(end.line, start.line + 1) { taken[line, default: []].append(1..<Int.max) }
            // A block of text ends at column 1 of the line after it, which it does not take.
            if end.column > 1 { taken[end.line, default: []].append(1..<end.column) }
        }
        var found: [Comment] = []
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let ranges = taken[number] ?? []
            var previous: Unicode.Scalar = " "
            for (offset, scalar) in line.enumerated() {
                let column = offset + 1
                if ranges.contains(where: { $0.contains(column) }) {
                    previous = "x"
                    continue
                }
                if scalar == "#", previous == " " || previous == "\t" {
                    let before = line[..<offset].allSatisfy { $0 == " " || $0 == "\t" }
                    let body = String(String.UnicodeScalarView(line[offset...]))
                    found.append(Comment(line: number, text: body.trimmingTrailingSpaces, trailing: !before))
                    break
                }
                previous = scalar
            }
        }
        return found
    }

    /// Every scalar of the tree, keys included.
    static func scalars(of node: YAMLNode) -> [YAMLScalar] {
        switch node {
        case .scalar(let scalar): return [scalar]
        case .sequence(let sequence): return sequence.items.flatMap(scalars(of:))
        case .mapping(let mapping): return mapping.entries.flatMap { [$0.key] + scalars(of: $0.value) }
        }
    }
}

extension String {
    /// The text without the spaces and tabs that end it.
    var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
