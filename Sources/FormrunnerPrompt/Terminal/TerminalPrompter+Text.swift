extension TerminalPrompter {
    /// An editable input line (← → Home End, Backspace, Delete, Ctrl-U, Ctrl-W); masked input shows
    /// one `•` per character. Multiline text opens the editor instead.
    public func askText(_ label: String, help: String?, default defaultValue: String?, masked: Bool, multiline: Bool,
                        check: (String) -> String?) throws(PromptInterruption) -> String {
        if multiline {
            return try askMultilineText(label, help: help, default: defaultValue, check: check)
        }
        return try interact(hideCursor: false) { (renderer: inout FrameRenderer) throws(PromptInterruption) -> String in
            var editor = LineEditor()
            var problem: String?
            while true {
                var frame = Frame()
                frame.add(Self.header(label, note: defaultValue.map { PromptText.defaultNote($0, masked: masked, language) }))
                frame.add(help: help)
                var input = StyledLine("› ", .accent)
                input.append(masked ? String(repeating: "•", count: editor.characters.count) : editor.text)
                frame.add(input)
                frame.cursor = (frame.lines.count - 1, 2 + editor.cursor)
                if let problem { frame.add(indented: "✗ " + problem, .failure) }
                draw(frame, &renderer)

                let key = try readKey(label, &renderer)
                switch key {
                case .enter:
                    let answer = editor.text.isEmpty ? defaultValue ?? "" : editor.text
                    if let reason = check(answer) {
                        problem = reason
                        continue
                    }
                    finish(label, answer: masked && !answer.isEmpty ? secretMask : answer, &renderer)
                    return answer
                case .endOfTransmission where editor.characters.isEmpty:
                    try abandon(label, .endOfInput, &renderer)
                default:
                    editor.apply(key)
                }
            }
        }
    }

    /// The multiline editor: starts with the default in it; Enter adds a line; Ctrl-D or a line
    /// holding a single `.` finishes.
    private func askMultilineText(_ label: String, help: String?, default defaultValue: String?,
                                  check: (String) -> String?) throws(PromptInterruption) -> String {
        try interact(hideCursor: false) { (renderer: inout FrameRenderer) throws(PromptInterruption) -> String in
            var editor = MultilineEditor(defaultValue ?? "")
            var problem: String?
            while true {
                var frame = Frame()
                frame.add(Self.header(label, note: PromptText.terminalMultilineHint(language)))
                frame.add(help: help)
                let first = frame.lines.count
                for line in editor.lines {
                    var styled = StyledLine("│ ", .subdued)
                    styled.append(line.text)
                    frame.add(styled)
                }
                frame.cursor = (first + editor.row, 2 + editor.column)
                if let problem { frame.add(indented: "✗ " + problem, .failure) }
                draw(frame, &renderer)

                let key = try readKey(label, &renderer)
                guard editor.apply(key) == .finished else { continue }
                let answer = editor.text
                if let reason = check(answer) {
                    problem = reason
                    continue
                }
                finish(label, answer: Self.summary(ofMultiline: answer, language: language), &renderer)
                return answer
            }
        }
    }

    /// The first line of a text, and how many lines follow it (in `language`).
    static func summary(ofMultiline text: String, language: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first else { return "" }
        return lines.count > 1 ? RequesterText.moreLines.text(language, String(first), "\(lines.count - 1)") : String(first)
    }
}
