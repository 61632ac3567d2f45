extension LinePrompter {
    /// Prints the label, help and default, then reads a line (or, for multiline, lines up to a
    /// lone `.`); an empty answer takes the default; re-asks with `error: <reason>` until `check` passes.
    public func askText(_ label: String, help: String?, default defaultValue: String?, masked: Bool, multiline: Bool,
                        check: (String) -> String?) throws(PromptInterruption) -> String {
        var details: [String] = []
        if multiline {
            details.append(Tone.subdued.apply("(" + PromptText.lineMultilineHint(language)
                                              + (defaultValue == nil ? ")" : "; a lone '.' keeps the default below)")))
            if let defaultValue {
                details += defaultValue.terminalSafe.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { Tone.subdued.apply("| " + $0) }
            }
        } else if let defaultValue {
            details.append(Tone.subdued.apply("(" + PromptText.defaultNote(defaultValue.singleLine, masked: masked, language) + ")"))
        }
        ask(label, help: help, details: details)
        while true {
            var answer = multiline ? try readMultiline() : try readAnswer(masked: masked)
            if answer.isEmpty, let defaultValue { answer = defaultValue }
            guard let reason = check(answer) else { return answer }
            refuse(reason)
        }
    }

    /// Lines up to one holding a single `.`.
    private func readMultiline() throws(PromptInterruption) -> String {
        var lines: [String] = []
        while true {
            let line = try readAnswer(prompt: lines.isEmpty ? "> " : "| ")
            if line == "." { return lines.joined(separator: "\n") }
            lines.append(line)
        }
    }
}
