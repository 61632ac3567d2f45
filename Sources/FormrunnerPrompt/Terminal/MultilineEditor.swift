/// The text of a multiline input: lines, and the cursor's line and column.
struct MultilineEditor: Equatable {
    private(set) var lines: [LineEditor]
    /// The line the cursor is on.
    private(set) var row: Int

    /// What a key did.
    enum Outcome: Equatable {
        /// The text changed or the cursor moved (or nothing happened).
        case editing
        /// The person finished: Ctrl-D, or Enter on a line holding a single `.` (which is dropped).
        case finished
    }

    init(_ text: String = "") {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { LineEditor(String($0)) }
        row = lines.count - 1
    }

    /// The lines joined by newlines, without trailing empty lines.
    var text: String {
        var texts = lines.map(\.text)
        while let last = texts.last, last.isBlank, texts.count > 0 { texts.removeLast() }
        return texts.joined(separator: "\n")
    }

    /// The cursor's column on its line.
    var column: Int { lines[row].cursor }

    mutating func apply(_ key: Key) -> Outcome {
        switch key {
        case .endOfTransmission: return .finished
        case .enter:
            if lines[row].text == "." {
                lines.remove(at: row)
                if lines.isEmpty { lines = [LineEditor()] }
                row = min(row, lines.count - 1)
                return .finished
            }
            let characters = lines[row].characters
            let cursor = lines[row].cursor
            lines[row] = LineEditor(String(characters[..<cursor]))
            var next = LineEditor(String(characters[cursor...]))
            next.apply(.home)
            lines.insert(next, at: row + 1)
            row += 1
        case .backspace where lines[row].cursor == 0 && row > 0:
            let tail = lines.remove(at: row).text
            row -= 1
            var joined = LineEditor(lines[row].text + tail)
            for _ in 0..<tail.count { joined.apply(.left) }
            lines[row] = joined
        case .up where row > 0: move(to: row - 1)
        case .down where row < lines.count - 1: move(to: row + 1)
        default: lines[row].apply(key)
        }
        return .editing
    }

    /// Moves to another line, keeping the column where the line is long enough.
    private mutating func move(to target: Int) {
        let column = lines[row].cursor
        var line = lines[target]
        line.apply(.home)
        for _ in 0..<min(column, line.characters.count) { line.apply(.right) }
        lines[target] = line
        row = target
    }
}
