import Foundation

/// Reads the rest of a file after a YAML syntax error, so that one broken line does not hide every
/// other problem of the file.
///
/// libyaml stops at the first syntax error. The recovery blanks the lines of the smallest part of
/// the file that holds the error *and that the language gives a meaning of its own*: the item of a
/// top-level list (one field of `fields:`, one transition of `transitions:`) or else the whole
/// top-level key, then reads the file again, until it reads or nothing more can be blanked. Lines
/// are blanked, never removed, so every later diagnostic keeps its line and column. What was
/// blanked is returned, so that decoders do not report it again as missing (no cascade).
struct YAMLRecovery {
    /// A part of the file that could not be read and was left out.
    struct Unreadable: Sendable, Hashable {
        /// The top-level key it was under (`fields`), when there is one.
        var key: String?
        /// The `id:` of the list item that was left out, when it was an item with an id.
        var itemID: String?
        /// Whether the whole top-level key (not just one of its items) was left out.
        var wholeKey: Bool
    }

    /// The most parts left out of one file: past that, the file is too broken to be worth reading.
    static let maximumRounds = 20

    let path: String
    let limits: YAMLReader.Limits
    let purpose: YAMLReader.Purpose

    /// Reads `text` again after a syntax error on `line`: the root read from the rest (if any), the
    /// diagnostics found on the way (besides those in `reported`), and what was left out.
    func recover(_ text: String, brokenAt line: Int, reported: [Diagnostic])
        -> (root: YAMLNode?, diagnostics: [Diagnostic], unreadable: [Unreadable]) {
        var lines = Self.lines(of: text)
        var seen = Set(reported)
        var found: [Diagnostic] = []
        var unreadable: [Unreadable] = []
        var line = line
        for _ in 0..<Self.maximumRounds {
            guard let part = Self.part(of: lines, containing: line - 1) else { break }
            unreadable.append(part.unreadable)
            for index in part.lines { lines[index] = "" }
            var composer = Composer(path: path, limits: limits, purpose: purpose)
            let root = composer.compose(lines.joined(separator: "\n"))
            for diagnostic in composer.diagnostics where seen.insert(diagnostic).inserted {
                found.append(diagnostic)
            }
            if let root { return (root, found, unreadable) }
            guard let next = composer.syntaxErrorLine else { break }
            line = next
        }
        return (nil, found, unreadable)
    }

    /// The lines of `text`, without their breaks.
    static func lines(of text: String) -> [String] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.map(String.init)
    }

    /// The lines (0-based) of the part holding line `index`, and what it was; `nil` when that line
    /// is already blank (nothing left to leave out).
    static func part(of lines: [String], containing index: Int) -> (lines: Range<Int>, unreadable: Unreadable)? {
        let index = min(max(0, index), lines.count - 1)
        guard index >= 0 else { return nil }
        // The top-level block: from the last line at indentation 0 up to the next one.
        var start = index
        while start > 0, !(isContent(lines[start]) && indentation(lines[start]) == 0) { start -= 1 }
        var end = index + 1
        while end < lines.count, !(isContent(lines[end]) && indentation(lines[end]) == 0) { end += 1 }
        guard (start..<end).contains(where: { isContent(lines[$0]) }) else { return nil }
        if isItem(lines[start]) {
            // A list written at indentation 0 (`fields:` then `- id: a`): the block is one item.
            let owner = (0..<start).last { isContent(lines[$0]) && indentation(lines[$0]) == 0 && !isItem(lines[$0]) }
            return (start..<end, Unreadable(key: owner.flatMap { topLevelKey(lines[$0]) },
                                            itemID: itemID(in: lines[start..<end]), wholeKey: false))
        }
        let key = topLevelKey(lines[start])
        let whole = Unreadable(key: key, itemID: nil, wholeKey: true)
        // Within it, the item of a block list that holds the line, when the key's value is a list.
        guard index > start, let first = (start + 1..<end).first(where: { isContent(lines[$0]) }),
              first <= index, isItem(lines[first]) else { return (start..<end, whole) }
        let itemIndentation = indentation(lines[first])
        guard let itemStart = (first...index).last(where: { isItem(lines[$0]) && indentation(lines[$0]) == itemIndentation })
        else { return (start..<end, whole) }
        var itemEnd = itemStart + 1
        while itemEnd < end, !(isContent(lines[itemEnd]) && indentation(lines[itemEnd]) <= itemIndentation) { itemEnd += 1 }
        itemEnd = max(itemEnd, index + 1)
        let item = itemStart..<itemEnd
        return (item, Unreadable(key: key, itemID: itemID(in: lines[item]), wholeKey: false))
    }

    /// The place of a quote that opens a value and is not closed on its line, where the next line
    /// is a sibling key or item (so the quoted text was not meant to go on): the usual cause of a
    /// syntax error that libyaml reports much later, where the quoted text finally ends.
    static func unclosedQuote(in lines: [String], upTo last: Int) -> (line: Int, column: Int)? {
        for index in 0..<min(last, lines.count) {
            let line = lines[index]
            let indentation = self.indentation(line)
            var rest = Substring(line.dropFirst(indentation))
            var column = indentation + 1
            if rest.hasPrefix("- ") { rest = rest.dropFirst(2); column += 2 }
            if let colon = rest.range(of: ": "), !rest[..<colon.lowerBound].contains(where: { $0 == "\"" || $0 == "'" }) {
                let value = rest[colon.upperBound...]
                column += rest.distance(from: rest.startIndex, to: colon.upperBound) + value.prefix(while: { $0 == " " }).count
                rest = value.drop { $0 == " " }
            }
            guard let quote = rest.first, quote == "\"" || quote == "'", !isClosed(rest.dropFirst(), by: quote) else { continue }
            guard let next = lines[(index + 1)...].first(where: isContent), self.indentation(next) <= indentation else { continue }
            return (index + 1, column)
        }
        return nil
    }

    /// Whether `text` (after an opening quote) holds the closing `quote`.
    static func isClosed(_ text: Substring, by quote: Character) -> Bool {
        var escaped = false
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if quote == "\"" {
                if escaped { escaped = false; continue }
                if character == "\\" { escaped = true; continue }
                if character == "\"" { return true }
            } else if character == "'" {
                // '' is a quote inside single-quoted text.
                guard let following = iterator.next() else { return true }
                if following != "'" { return true }
            }
        }
        return false
    }

    /// A line that holds something (not blank, not only a comment).
    static func isContent(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        return !trimmed.isEmpty && !trimmed.hasPrefix("#") && trimmed.contains { !$0.isWhitespace }
    }

    static func indentation(_ line: String) -> Int {
        line.prefix { $0 == " " }.count
    }

    /// A line that starts a block-list item (`- id: x` or a lone `-`).
    static func isItem(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        return trimmed == "-" || trimmed.hasPrefix("- ")
    }

    /// `fields` for a line `fields:`; `nil` when the line is not a plain `key:`.
    static func topLevelKey(_ line: String) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon]
        return key.isEmpty || !key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) ? nil : String(key)
    }

    /// The id an item's lines give it (`- id: amount`, `  id: "amount"`, `- {id: amount, …}`).
    static func itemID(in lines: ArraySlice<String>) -> String? {
        for line in lines {
            guard let range = line.range(of: #"(^|[\s{,-])id:\s*["']?[A-Za-z0-9_.-]+"#, options: .regularExpression) else { continue }
            let match = line[range]
            guard let colon = match.range(of: "id:") else { continue }
            let value = match[colon.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" }
            return value.isEmpty ? nil : String(value)
        }
        return nil
    }
}
