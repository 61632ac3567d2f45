import FormrunnerCore

extension FlowInterpreter {
    // MARK: - Assistant

    /// What the person chose at the end of the assistant step.
    public enum AssistantChoice: String, Sendable {
        /// Talk to a person: the flow goes on.
        case handoff
        /// The question is answered: the run ends without a ticket.
        case answered
    }

    /// Records the assistant step's answers: the language and scenario (option ids of the step; an
    /// unknown id is a problem), the guidance texts by guidance id (blank ones dropped).
    public func recordAssistant(_ settings: StepDefinition.Assistant, language: String?, scenario: String?,
                                guidance: [String: String], in state: inout FlowState) -> [AnswerProblem] {
        var problems: [AnswerProblem] = []
        if let language, !settings.languages.isEmpty {
            if settings.languages.contains(where: { $0.id == language }) {
                state.language = language
            } else {
                problems.append(AnswerProblem(field: "language", message: "'\(language)' is not one of the languages offered"))
            }
        }
        if let scenario, !settings.scenarios.isEmpty {
            if settings.scenarios.contains(where: { $0.id == scenario }) {
                state.scenario = scenario
            } else {
                problems.append(AnswerProblem(field: "scenario", message: "'\(scenario)' is not one of the scenarios offered"))
            }
        }
        for prompt in settings.guidance {
            let text = guidance[prompt.id] ?? ""
            state.guidance[prompt.id] = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
        }
        return problems
    }

    /// The guidance answers as one text, each under its prompt's label: what the form's first
    /// multi-line field starts with, so nothing is typed twice.
    public func guidanceSummary(_ state: FlowState) -> String? {
        for step in flow.steps {
            guard case .assistant(let settings) = step.kind else { continue }
            let parts = settings.guidance.compactMap { prompt -> String? in
                guard let text = state.guidance[prompt.id] else { return nil }
                return prompt.label.text(in: state.language) + ":\n" + text
            }
            return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
        }
        return nil
    }

    /// Answers suggested before the form is shown: the guidance summary in the form's first
    /// multi-line field, unless it has an answer.
    public func suggestions(for form: FormDefinition, in state: FlowState) -> [String: AnswerValue] {
        guard let summary = guidanceSummary(state),
              let field = form.fields.first(where: { $0.type == .multiline }) else { return [:] }
        return [field.id: .text(summary)]
    }

    // MARK: - Identification

    /// Why `user` cannot fill the identification step (no account to act for), or nil.
    public func identificationRefusal(for user: UserRecord) -> String? {
        guard let form = identificationForm, form.fields.contains(where: { $0.type == .account }),
              user.accounts.isEmpty else { return nil }
        return "\(user.email) may not act for any account; ask an administrator to add yours"
    }

    /// Starts the identification answers: the `name` field with the user's name.
    public func prefillIdentification(for user: UserRecord, in state: inout FlowState) {
        if state.identity["name"] == nil, identificationForm?.field("name")?.type == .text {
            state.identity["name"] = .text(user.name)
        }
    }

    /// Checks and records the identification answers given at once (a web page); the account must
    /// be one of the user's. Returns every problem, by field id; nothing is recorded when there is one.
    public func recordIdentification(_ raw: [String: RawAnswer], user: UserRecord,
                                     in state: inout FlowState) -> [AnswerProblem] {
        guard let form = identificationForm else { return [] }
        var problems: [AnswerProblem] = []
        var values: [String: AnswerValue] = [:]
        switch FormAnswers(form: form).check(raw.filter { form.field($0.key) != nil }) {
        case .success(let checked): values = checked.values
        case .failure(let found): problems = found.problems
        }
        for field in form.fields where field.type == .account {
            if let account = raw[field.id]?.items.first?.trimmingCharacters(in: .whitespaces), !account.isEmpty,
               !user.accounts.contains(account) {
                problems.removeAll { $0.field == field.id }
                problems.append(AnswerProblem(field: field.id, message: "'\(account)' is not one of your accounts"
                                              + Suggestion.hintOrList(for: account, in: user.accounts)))
            }
        }
        guard problems.isEmpty else { return problems }
        state.identity = values
        return []
    }

    // MARK: - Subject

    /// Records the chosen subject (by id); a new subject starts its form afresh. Returns false for
    /// an id the step does not offer.
    public func chooseSubject(_ id: String, in state: inout FlowState) -> Bool {
        guard let choice = flowAnswers.subjectChoice, choice.subjects.contains(where: { $0.id == id }) else { return false }
        if id != state.subjectID {
            state.answers = [:]
            state.files = [:]
            state.formChanges = nil
        }
        state.subjectID = id
        return true
    }

    // MARK: - Form

    /// Checks and records the form's answers given at once (a web page), with the files already on
    /// disk (`files` answers are paths). Hidden fields' answers are dropped, as in `run`. Returns
    /// every problem, by field id; the answers that were fine are kept either way.
    public func recordForm(_ raw: [String: RawAnswer], in state: inout FlowState) -> [AnswerProblem] {
        guard let form = currentForm(state) else {
            return [AnswerProblem(field: "form", message: "the flow '\(flow.id)' leads to no form")]
        }
        let own = raw.filter { form.field($0.key) != nil }
        switch FormAnswers(form: form).check(own) {
        case .success(let checked):
            state.answers = checked.values
            state.files = checked.files
            state.formChanges = nil
            return []
        case .failure(let found):
            let wrong = Set(found.problems.map(\.field))
            var kept: [String: AnswerValue] = [:]
            var files: [String: String] = [:]
            let checker = FormAnswers(form: form)
            for field in form.fields where !wrong.contains(field.id) {
                guard let answer = own[field.id], case .success(let (value, found)) = checker.value(answer, for: field) else { continue }
                kept[field.id] = value
                files.merge(found) { first, _ in first }
            }
            state.answers = kept
            state.files = files
            return found.problems
        }
    }
}
