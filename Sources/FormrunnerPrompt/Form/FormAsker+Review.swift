import FormrunnerCore

extension FormAsker {
    /// Shows every shown field with its answer (secrets as `••••`), then asks whether to send,
    /// change an answer (and which) or cancel. `sendLabel` names the sending choice (a submit
    /// step's label such as "Create ticket").
    public func review(_ form: FormDefinition, answers: [String: AnswerValue],
                       sendLabel: String = "Send") throws(PromptInterruption) -> ReviewDecision {
        let shown = Self.shownFields(of: form, given: answers).filter(\.type.isQuestion)
        let display = AnswerDisplay(language: language)
        prompter.say(RequesterText.review.text(language, form.title.text(in: language)), style: .title)
        for field in shown {
            let label = field.label.text(in: language)
            let value = answers[field.id]
            if value == nil, field.required {
                prompter.say("\(label): " + RequesterText.requiredNoAnswer.text(language), style: .warning)
                continue
            }
            let lines = display.text(value, for: field).split(separator: "\n", omittingEmptySubsequences: false)
            if lines.count > 1 {
                prompter.say(label + ":\n" + lines.map { "    " + $0 }.joined(separator: "\n"), style: .plain)
            } else {
                prompter.say("\(label): \(lines.first ?? "")", style: .plain)
            }
        }
        var actions = [PromptOption(id: "send", label: sendLabel)]
        if !shown.isEmpty { actions.append(PromptOption(id: "edit", label: RequesterText.changeAnswer.text(language))) }
        actions.append(PromptOption(id: "cancel", label: RequesterText.cancelWithoutSending.text(language)))
        switch try prompter.askChoice(RequesterText.whatNext.text(language), help: nil, options: actions, default: "send") {
        case "send": return .send
        case "edit":
            let fields = shown.map { PromptOption(id: $0.id, label: $0.label.text(in: language)) }
            let id = try prompter.askChoice(RequesterText.whichAnswer.text(language), help: nil, options: fields, default: fields.first?.id)
            return .edit(id)
        default: return .cancel
        }
    }
}
