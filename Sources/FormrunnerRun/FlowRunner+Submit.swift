import FormrunnerCore
import FormrunnerFlow
import FormrunnerPrompt

extension FlowRunner {
    /// The `submit` step: the review screen (every answer, identification included), changes,
    /// then the ticket is filed — or the run is discarded.
    func submit(label: String) async throws -> FlowOutcome {
        guard let form = currentForm else { throw FlowStop("the flow '\(flow.id)' leads to no form") }
        let user = try signedIn()
        let identification = flowAnswers.identificationForm
        let reviewed = FlowInterpreter.reviewForm(form, identification: identification)
        while true {
            var answers = state.identity.merging(state.answers) { _, formAnswer in formAnswer }
            if let subject = state.subjectID.flatMap({ flowAnswers.form(forSubject: $0)?.subject }) {
                prompter.say(RequesterText.subject.text(state.language, subject.label.text(in: state.language)), style: .plain)
            }
            switch try asker.review(reviewed, answers: answers, sendLabel: label) {
            case .send:
                switch try await interpreter.file(state, user: user) {
                case .filed(let ticket): return .filed(ticket)
                case .invalid(let problems, let identity):
                    try reask(identity ? identification : form, problems: problems)
                }
            case .edit(let fieldID):
                var files = state.files
                try asker.ask(reviewed, answers: &answers, files: &files, only: [fieldID])
                split(answers, files: files, identification: identification)
                try await saveDraft()
            case .cancel:
                guard try prompter.askConfirm(RequesterText.discard.text(state.language), default: false) else { continue }
                try await deleteDraft()
                return .discarded
            }
        }
    }

    /// Shows the problems the interpreter found when filing, and asks their fields again; the
    /// review then comes back.
    private func reask(_ form: FormDefinition?, problems: AnswerProblems) throws {
        guard let form else { return }
        for problem in problems.problems {
            let label = form.field(problem.field)?.label.text(in: state.language) ?? problem.field
            prompter.say("\(label): \(problem.message)", style: .error)
        }
        let isForm = form.id == currentForm?.id
        var answers = isForm ? state.answers : state.identity
        var files = isForm ? state.files : [:]
        try asker.ask(form, answers: &answers, files: &files, only: Set(problems.problems.map(\.field)))
        if isForm {
            state.answers = answers
            state.files = files
        } else {
            state.identity = answers
        }
    }

    /// Puts answers from the review back where they belong: identification or form.
    private func split(_ answers: [String: AnswerValue], files: [String: String], identification: FormDefinition?) {
        let identityIDs = Set(identification?.fields.map(\.id) ?? [])
        state.identity = answers.filter { identityIDs.contains($0.key) }
        state.answers = answers.filter { !identityIDs.contains($0.key) }
        state.files = files
    }
}
