import FormrunnerCore
import FormrunnerKnowledge

extension FormAsker {
    /// A section's title as a heading, then its help.
    func sayHeading(of section: SectionDefinition) {
        prompter.say(section.title.text(in: language), style: .title)
        if let help = section.help?.text(in: language) { prompter.say(MarkdownText.terminal(help), style: .info) }
    }

    /// While the answers break one of the form's `rules:`, shows its message and asks its field again.
    func askAgainForRules(_ form: FormDefinition, answers: inout [String: AnswerValue], files: inout [String: String],
                          checker: FormAnswers) throws(PromptInterruption) {
        while let broken = checker.brokenRules(Self.shownAnswers(of: form, given: answers)).first,
              let field = form.field(broken.field) {
            prompter.say(broken.message, style: .error)
            let (value, newFiles) = try question(for: field, checker: checker).ask(current: answers[field.id], files: files)
            answers[field.id] = value
            files.merge(newFiles) { _, new in new }
        }
    }

    /// The answers of the fields shown given `answers`.
    static func shownAnswers(of form: FormDefinition, given answers: [String: AnswerValue]) -> [String: AnswerValue] {
        var shown: [String: AnswerValue] = [:]
        for field in shownFields(of: form, given: answers) { shown[field.id] = answers[field.id] }
        return shown
    }
}
