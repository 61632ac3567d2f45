import FormrunnerCore
import FormrunnerPrompt

extension FlowRunner {
    /// The `identification` step: the group's fields (for example Name and Account), the account
    /// chosen among those the user may act for, the `name` field starting with the user's name.
    func identify() throws {
        guard let form = flowAnswers.identificationForm else { return }
        let user = try signedIn()
        if form.fields.contains(where: { $0.type == .account }), user.accounts.isEmpty {
            throw FlowStop("\(user.email) may not act for any account; ask an administrator to add yours")
        }
        if state.identity["name"] == nil, form.field("name")?.type == .text {
            state.identity["name"] = .text(user.name)
        }
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
        if id != state.subjectID {
            state.answers = [:]
            state.files = [:]
        }
        state.subjectID = id
    }

    /// The form the run leads to: the chosen subject's, or the form step's.
    var currentForm: FormDefinition? {
        if let subjectID = state.subjectID { return flowAnswers.form(forSubject: subjectID)?.form }
        for step in flow.steps {
            if case .form(let reference) = step.kind { return services.catalog.forms[reference.id] }
        }
        return nil
    }

    /// Asks the form's fields — after a restored draft, only those still unanswered. When the
    /// assistant step collected guidance, the form's first multi-line field starts with it.
    func askForm() throws {
        guard let form = currentForm else { throw FlowStop("the flow '\(flow.id)' leads to no form") }
        var only: Set<String>?
        if restored, !state.answers.isEmpty {
            only = Set(FormAsker.shownFields(of: form, given: state.answers).map(\.id).filter { state.answers[$0] == nil })
        }
        var asker = self.asker
        if let summary = guidanceSummary, let field = form.fields.first(where: { $0.type == .multiline }) {
            asker.suggestions[field.id] = .text(summary)
        }
        // Locals, not `state`'s own properties: two in-out accesses to one class property overlap.
        var answers = state.answers
        var files = state.files
        defer { (state.answers, state.files) = (answers, files) }
        try asker.ask(form, answers: &answers, files: &files, only: only)
    }

    private var guidanceSummary: String? {
        for step in flow.steps {
            if case .assistant(let settings) = step.kind { return AssistantStep.summary(of: settings, state: state) }
        }
        return nil
    }
}
