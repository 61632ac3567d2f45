import FormrunnerCore
import FormrunnerPrompt

extension FlowRunner {
    /// The `submit` step: the review screen (every answer, identification included), changes,
    /// then the ticket is filed — or the run is discarded.
    func submit(label: String) async throws -> FlowOutcome {
        guard let form = currentForm else { throw FlowStop("the flow '\(flow.id)' leads to no form") }
        let user = try signedIn()
        let identification = flowAnswers.identificationForm
        let reviewed = Self.reviewForm(form, identification: identification)
        while true {
            var answers = state.identity.merging(state.answers) { _, formAnswer in formAnswer }
            if let subject = state.subjectID.flatMap({ flowAnswers.form(forSubject: $0)?.subject }) {
                prompter.say("Subject: " + subject.label.text(in: state.language), style: .plain)
            }
            switch try asker.review(reviewed, answers: answers, sendLabel: label) {
            case .send:
                var identity: [String: AnswerValue] = [:]
                if let identification {
                    guard let checked = try check(identification, values: state.identity, files: [:]) else { continue }
                    identity = checked.values
                }
                guard let checked = try check(form, values: state.answers, files: state.files) else { continue }
                let ticket = try await services.desk.create(
                    form: form, checked: checked,
                    requester: Requester(email: user.email, name: identity["name"]?.plainText ?? user.name),
                    workflowID: flow.id, account: Self.account(in: identity, of: identification), at: services.clock())
                try await deleteDraft()
                return .filed(ticket)
            case .edit(let fieldID):
                var files = state.files
                try asker.ask(reviewed, answers: &answers, files: &files, only: [fieldID])
                split(answers, files: files, identification: identification)
                try await saveDraft()
            case .cancel:
                guard try prompter.askConfirm("Discard your answers? Nothing will be sent.", default: false) else { continue }
                try await deleteDraft()
                return .discarded
            }
        }
    }

    /// The answer of the identification's `account` field: the store the ticket is about.
    static func account(in identity: [String: AnswerValue], of identification: FormDefinition?) -> String? {
        identification?.fields.first { $0.type == .account }.flatMap { identity[$0.id]?.plainText }
    }

    /// The form shown at the review: the identification fields first, when their ids do not clash
    /// with the form's.
    static func reviewForm(_ form: FormDefinition, identification: FormDefinition?) -> FormDefinition {
        guard let identification,
              Set(identification.fields.map(\.id)).isDisjoint(with: form.fields.map(\.id)) else { return form }
        var combined = form
        combined.fields = identification.fields + form.fields
        return combined
    }

    /// Checks answers on the path `--answers` takes; problems are shown and their fields asked
    /// again, and nil is returned so the review comes back.
    private func check(_ form: FormDefinition, values: [String: AnswerValue],
                       files: [String: String]) throws -> FormAnswers.Checked? {
        switch FormAnswers(form: form).check(values: values, files: files) {
        case .success(let checked): return checked
        case .failure(let problems):
            for problem in problems.problems {
                let label = form.field(problem.field)?.label.text(in: state.language) ?? problem.field
                prompter.say("\(label): \(problem.message)", style: .error)
            }
            var answers = values
            var newFiles = files
            try asker.ask(form, answers: &answers, files: &newFiles, only: Set(problems.problems.map(\.field)))
            if form.id == currentForm?.id {
                state.answers = answers
                state.files = newFiles
            } else {
                state.identity = answers
            }
            return nil
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
