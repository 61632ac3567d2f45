/// Draws successive frames of one question in place, below the cursor, erasing the previous frame.
///
/// Lines wider than the terminal wrap; the renderer counts the rows they take, so it can move back
/// to the top of the frame before drawing the next one.
struct FrameRenderer {
    /// The row of the cursor, counted from the frame's first row.
    private var cursorRow = 0

    /// The escape sequence that replaces the previous frame with `frame`, leaving the cursor where
    /// the frame says (or at the end of its last line when `placingCursor` is false).
    mutating func draw(_ frame: Frame, columns: Int, placingCursor: Bool = true) -> String {
        let columns = max(columns, 1)
        var output = rewind()
        var starts: [Int] = []
        var row = 0
        for (index, line) in frame.lines.enumerated() {
            if index > 0 { output += "\r\n" }
            output += line.text
            starts.append(row)
            row += Self.rows(of: line.width, columns: columns)
        }
        guard placingCursor, let lastLine = frame.lines.indices.last else {
            cursorRow = max(0, row - 1)
            return output
        }
        let endRow = row - 1
        let cursor = frame.cursor ?? (lastLine, frame.lines[lastLine].width)
        let line = min(max(cursor.line, 0), lastLine)
        var targetRow = starts[line] + cursor.column / columns
        var column = cursor.column % columns
        let lastRowOfLine = starts[line] + Self.rows(of: frame.lines[line].width, columns: columns) - 1
        if targetRow > lastRowOfLine {
            targetRow = lastRowOfLine
            column = columns - 1
        }
        output += "\r"
        if endRow > targetRow { output += "\u{1B}[\(endRow - targetRow)A" }
        if column > 0 { output += "\u{1B}[\(column)C" }
        cursorRow = targetRow
        return output
    }

    /// Draws the last frame (usually a one-line summary) and moves below it for good.
    mutating func finish(_ frame: Frame, columns: Int) -> String {
        let output = draw(frame, columns: columns, placingCursor: false) + "\r\n"
        cursorRow = 0
        return output
    }

    /// Moves to the start of the current frame and erases it and everything below.
    private func rewind() -> String {
        "\r" + (cursorRow > 0 ? "\u{1B}[\(cursorRow)A" : "") + "\u{1B}[J"
    }

    static func rows(of width: Int, columns: Int) -> Int {
        max(1, (width + columns - 1) / columns)
    }
}
