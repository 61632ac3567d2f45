import FormrunnerCore

/// A repeatable group asked through a prompter: each item's fields in turn (an item field's `when:`
/// sees the answers before it in the same item), "Add another order?" while the group takes more
/// (not asked below `min`, never past `max`; "Any order to add?" for an optional group's first), then a review of the items: keep them, add, remove or
/// change one.
struct GroupQuestion {
    let field: FieldDefinition
    let prompter: any Prompter
    let language: String
    let checker: FormAnswers

    private var label: String { field.label.text(in: language) }
    private var itemName: String { field.itemLabel?.text(in: language) ?? RequesterText.item.text(language) }
    private var range: ClosedRange<Int> { field.itemCount }

    /// Asks the group; `current` items (a draft, or an answer being changed) go straight to the review.
    func ask(current: AnswerValue?) throws(PromptInterruption) -> AnswerValue? {
        var items: [[String: AnswerValue]] = []
        if case .items(let existing)? = current { items = existing }
        prompter.say(label, style: .title)
        var lines: [String] = []
        if let help = field.help?.text(in: language) { lines.append(help) }
        lines.append(RequesterText.itemCount.text(language, String(range.lowerBound), String(range.upperBound)))
        prompter.say(lines.joined(separator: "\n"), style: .info)
        if items.isEmpty {
            while items.count < range.upperBound {
                if items.count >= range.lowerBound {
                    let question = items.isEmpty ? RequesterText.addFirst : RequesterText.addAnother
                    guard try prompter.askConfirm(question.text(language, itemName), default: false) else { break }
                }
                items.append(try askItem(items.count, current: [:]))
            }
        }
        try review(&items)
        return .items(items)
    }

    /// The fields of item `index` (0-based), offering `current` answers as defaults.
    private func askItem(_ index: Int, current: [String: AnswerValue]) throws(PromptInterruption) -> [String: AnswerValue] {
        prompter.say(heading(index), style: .info)
        var item: [String: AnswerValue] = [:]
        for inner in field.itemFields where inner.isShown(given: item) {
            let question = FieldQuestion(field: inner, prompter: prompter, language: language, checker: checker)
            if let value = try question.ask(current: current[inner.id], files: [:]).value { item[inner.id] = value }
        }
        return item
    }

    /// `Order 2 of 5`: the item's 1-based index, as the item's problems name it.
    private func heading(_ index: Int) -> String {
        let name = itemName.prefix(1).uppercased() + itemName.dropFirst()
        return RequesterText.itemHeading.text(language, name, String(index + 1), String(range.upperBound))
    }

    /// Shows the items and asks what to do until they are kept.
    private func review(_ items: inout [[String: AnswerValue]]) throws(PromptInterruption) {
        let display = AnswerDisplay(language: language)
        while true {
            prompter.say(RequesterText.review.text(language, label), style: .title)
            if !items.isEmpty { prompter.say(display.text(.items(items), for: field), style: .plain) }
            var actions = [PromptOption(id: "keep", label: RequesterText.keepItems.text(language))]
            if items.count < range.upperBound { actions.append(PromptOption(id: "add", label: RequesterText.addItem.text(language))) }
            if items.count > range.lowerBound { actions.append(PromptOption(id: "remove", label: RequesterText.removeItem.text(language))) }
            if !items.isEmpty { actions.append(PromptOption(id: "change", label: RequesterText.changeItem.text(language))) }
            switch try prompter.askChoice(RequesterText.whatNext.text(language), help: nil, options: actions, default: "keep") {
            case "add": items.append(try askItem(items.count, current: [:]))
            case "remove": items.remove(at: try whichItem(items.count))
            case "change":
                let index = try whichItem(items.count)
                items[index] = try askItem(index, current: items[index])
            default: return
            }
        }
    }

    private func whichItem(_ count: Int) throws(PromptInterruption) -> Int {
        let options = (0..<count).map { PromptOption(id: String($0), label: heading($0)) }
        let id = try prompter.askChoice(RequesterText.whichItem.text(language), help: nil, options: options, default: options.first?.id)
        return Int(id) ?? 0
    }
}
