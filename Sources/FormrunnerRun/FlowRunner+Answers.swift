import FormrunnerCore
import FormrunnerFlow
import FormrunnerPrompt

extension FlowRunner {
    /// The `identification` step: the group's fields (for example Name and Account), the account
    /// chosen among those the user may act for, the `name` field starting with the user's name.
    func identify() throws {
        guard let form = flowAnswers.identificationForm else { return }
        let user = try signedIn()
        if let refusal = interpreter.identificationRefusal(for: user) { throw FlowStop(refusal) }
        interpreter.prefillIdentification(for: user, in: &state)
        var identity = state.identity
        var noFiles: [String: String] = [:]
        defer { state.identity = identity }
        try asker.ask(form, answers: &identity, files: &noFiles)
    }

    /// The `subject` step's choice; a new subject starts its form afresh.
    func chooseSubject(_ choice: StepDefinition.SubjectChoice) throws {
        let options = choice.subjects.map { PromptOption(id: $0.id, label: $0.label.text(in: state.language)) }
        let id = try prompter.askChoice(choice.label.text(in: state.language), help: nil, options: options,
                                        default: state.subjectID)
        _ = interpreter.chooseSubject(id, in: &state)
    }

    /// The form the run leads to: the chosen subject's, or the form step's.
    var currentForm: FormDefinition? { interpreter.currentForm(state) }

    /// Asks the form's fields — after a restored draft, only those still unanswered. When the
    /// assistant step collected guidance, the form's first multi-line field starts with it.
    func askForm() throws {
        guard let form = currentForm else { throw FlowStop("the flow '\(flow.id)' leads to no form") }
        var only: Set<String>?
        if restored, !state.answers.isEmpty {
            only = Set(FormAsker.shownFields(of: form, given: state.answers).map(\.id).filter { state.answers[$0] == nil })
        }
        var asker = self.asker
        asker.suggestions.merge(interpreter.suggestions(for: form, in: state)) { _, suggested in suggested }
        for notice in state.formChanges ?? [] where !notice.isRemoval {
            asker.reasons[notice.field] = notice.text(in: state.language)
        }
        // Locals, not `state`'s own properties: two in-out accesses to one class property overlap.
        var answers = state.answers
        var files = state.files
        defer { (state.answers, state.files) = (answers, files) }
        try asker.ask(form, answers: &answers, files: &files, only: only)
        state.formChanges = nil
    }
}
