import FormrunnerCore

/// What stands in for a secret wherever an answer would be shown.
let secretMask = "••••"

extension String {
    /// The text made safe for the terminal and flattened to one line: newlines and tabs become spaces.
    var singleLine: String {
        String(terminalSafe.map { $0 == "\n" || $0 == "\t" || $0 == "\r\n" ? " " : $0 })
    }

    /// The text cut to `width` characters, ending with `…` when it was longer.
    func truncated(to width: Int) -> String {
        guard count > width else { return self }
        guard width > 1 else { return String(prefix(max(width, 0))) }
        return String(prefix(width - 1)) + "…"
    }

    /// Whether the text is empty once spaces and newlines are trimmed.
    var isBlank: Bool {
        allSatisfy { $0.isWhitespace || $0.isNewline }
    }
}
