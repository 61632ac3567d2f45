/// One line of a frame: styled text, and its width in columns without the styling.
struct StyledLine: Equatable {
    private(set) var text = ""
    private(set) var width = 0

    init() {}

    /// A line holding `text` in `tone`.
    init(_ text: String, _ tone: Tone = .plain) {
        append(text, tone)
    }

    /// Adds `text` (made safe and flattened to one line) in `tone`.
    mutating func append(_ text: String, _ tone: Tone = .plain) {
        let safe = text.singleLine
        guard !safe.isEmpty else { return }
        self.text += tone.apply(safe)
        width += safe.count
    }
}

/// What a question shows at one moment: its lines, and where the cursor sits.
struct Frame: Equatable {
    var lines: [StyledLine] = []
    /// The line and column of the cursor; the end of the last line when nil.
    var cursor: (line: Int, column: Int)? {
        get { cursorLine.map { ($0, cursorColumn) } }
        set {
            cursorLine = newValue?.line
            cursorColumn = newValue?.column ?? 0
        }
    }
    private var cursorLine: Int?
    private var cursorColumn = 0

    init(lines: [StyledLine] = []) {
        self.lines = lines
    }

    mutating func add(_ line: StyledLine) { lines.append(line) }

    /// Adds a line holding `text` in `tone`, indented by two spaces.
    mutating func add(indented text: String, _ tone: Tone) {
        var line = StyledLine("  ")
        line.append(text, tone)
        lines.append(line)
    }

    /// Adds help text, one indented subdued line per line of the text.
    mutating func add(help: String?) {
        for line in helpLines(help) { add(indented: line, .subdued) }
    }
}

/// The non-blank lines of a help text.
func helpLines(_ help: String?) -> [String] {
    (help ?? "").split(separator: "\n").map(String.init).filter { !$0.isBlank }
}
