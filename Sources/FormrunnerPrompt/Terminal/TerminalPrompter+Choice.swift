extension TerminalPrompter {
    /// A list: ↑/↓ move, typing filters, Backspace widens, Enter chooses. The default is highlighted first.
    public func askChoice(_ label: String, help: String?, options: [PromptOption], default defaultID: String?) throws(PromptInterruption) -> String {
        guard !options.isEmpty else { return defaultID ?? "" }
        return try interact(hideCursor: true) { (renderer: inout FrameRenderer) throws(PromptInterruption) -> String in
            var list = ChoiceList(options: options, highlighted: defaultID)
            while true {
                draw(choiceFrame(label, help: help, list: &list, multiple: false, problem: nil), &renderer)
                let key = try readKey(label, &renderer)
                if key == .enter, let option = list.current {
                    finish(label, answer: option.label, &renderer)
                    return option.id
                }
                steer(&list, with: key, multiple: false)
            }
        }
    }

    /// A list with check marks: Space toggles, Enter confirms (and runs `check`), typing filters.
    public func askMultiChoice(_ label: String, help: String?, options: [PromptOption], defaults: [String],
                               check: ([String]) -> String?) throws(PromptInterruption) -> [String] {
        try interact(hideCursor: true) { (renderer: inout FrameRenderer) throws(PromptInterruption) -> [String] in
            var list = ChoiceList(options: options, selected: defaults)
            var problem: String?
            while true {
                draw(choiceFrame(label, help: help, list: &list, multiple: true, problem: problem), &renderer)
                let key = try readKey(label, &renderer)
                guard key == .enter else {
                    steer(&list, with: key, multiple: true)
                    continue
                }
                let chosen = list.selectedIDs
                if let reason = check(chosen) {
                    problem = reason
                    continue
                }
                let labels = options.filter { chosen.contains($0.id) }.map(\.label)
                finish(label, answer: labels.joined(separator: ", "), &renderer)
                return chosen
            }
        }
    }

    /// Applies a key that moves, filters or toggles.
    private func steer(_ list: inout ChoiceList, with key: Key, multiple: Bool) {
        let page = max(1, listRows - 1)
        switch key {
        case .up: list.move(by: -1)
        case .down, .tab: list.move(by: 1)
        case .pageUp: list.move(by: -page)
        case .pageDown: list.move(by: page)
        case .home: list.moveToFirst()
        case .end: list.moveToLast()
        case .backspace: list.erase()
        case .escape, .eraseLine: list.clearFilter()
        case .character(" ") where multiple: list.toggle()
        case .character(let character): list.type(character)
        default: break
        }
    }

    /// How many options fit on screen at once.
    private var listRows: Int {
        min(15, max(3, device.size.rows - 7))
    }

    private func choiceFrame(_ label: String, help: String?, list: inout ChoiceList, multiple: Bool, problem: String?) -> Frame {
        let columns = device.size.columns
        var frame = Frame()
        frame.add(Self.header(label, note: multiple ? PromptText.multiChoiceKeys(language) : PromptText.choiceKeys(language)))
        frame.add(help: help)
        if !list.filter.isEmpty {
            var filter = StyledLine("  filter: ", .subdued)
            filter.append(list.filter, .accent)
            frame.add(filter)
        }
        let window = list.window(size: listRows)
        if window.lowerBound > 0 { frame.add(indented: "↑ \(window.lowerBound) more", .subdued) }
        for position in window {
            let index = list.matches[position]
            let highlighted = position == list.highlight
            var line = StyledLine(highlighted ? "❯ " : "  ", .accent)
            if multiple { line.append(list.selected.contains(index) ? "◉ " : "◯ ", list.selected.contains(index) ? .success : .plain) }
            line.append(list.options[index].label.singleLine.truncated(to: max(10, columns - line.width - 1)), highlighted ? .accent : .plain)
            frame.add(line)
        }
        let below = list.matches.count - window.upperBound
        if below > 0 { frame.add(indented: "↓ \(below) more", .subdued) }
        if list.matches.isEmpty { frame.add(indented: "✗ " + PromptText.noMatch(list.filter, language), .failure) }
        if let help = list.current?.help, !help.isEmpty {
            frame.add(indented: help.singleLine.truncated(to: max(10, columns - 3)), .subdued)
        }
        if let problem { frame.add(indented: "✗ " + problem, .failure) }
        frame.cursor = (0, frame.lines[0].width)
        return frame
    }
}
