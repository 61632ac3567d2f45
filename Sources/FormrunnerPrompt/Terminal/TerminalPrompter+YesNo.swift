extension TerminalPrompter {
    /// A yes/no question with a default, answered with `y`, `n` or Enter.
    public func askConfirm(_ label: String, default defaultValue: Bool) throws(PromptInterruption) -> Bool {
        try askYesNo(label, help: nil, default: defaultValue, skippable: false) ?? defaultValue
    }

    /// Answered with a single key: `y` or `n`, Enter for the default, `-` to skip when skippable.
    public func askYesNo(_ label: String, help: String?, default defaultValue: Bool?, skippable: Bool) throws(PromptInterruption) -> Bool? {
        try interact(hideCursor: false) { (renderer: inout FrameRenderer) throws(PromptInterruption) -> Bool? in
            var problem: String?
            while true {
                var frame = Frame()
                var note = YesNo.choices(default: defaultValue)
                if skippable { note += defaultValue == nil ? " · " + PromptText.skipHint(language) : " · " + PromptText.toClear(language) }
                frame.add(Self.header(label, note: note))
                frame.cursor = (0, frame.lines[0].width)
                frame.add(help: help)
                if let problem { frame.add(indented: "✗ " + problem, .failure) }
                draw(frame, &renderer)

                let answer: Bool?
                switch try readKey(label, &renderer) {
                case .character("y"), .character("Y"): answer = true
                case .character("n"), .character("N"): answer = false
                case .character("-") where skippable: answer = nil
                case .enter where defaultValue != nil || skippable: answer = defaultValue
                case .enter, .character:
                    problem = PromptText.answerYesOrNo(language)
                    continue
                default: continue
                }
                finish(label, answer: answer.map { ($0 ? RequesterText.yes : RequesterText.no).text(language) } ?? "", &renderer)
                return answer
            }
        }
    }
}
