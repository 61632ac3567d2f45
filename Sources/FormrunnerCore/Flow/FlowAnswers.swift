/// The answers of a whole entry flow given at once (`formrunner run WORKFLOW --answers FILE --set …`):
/// the identification fields, the subject, and the chosen form's fields — checked on the same
/// path as the interactive run, with every problem reported together by field id.
public struct FlowAnswers: Sendable {
    /// The key that chooses the subject in a flow with a subject step.
    public static let subjectKey = "subject"

    public let catalog: Catalog
    public let flow: WorkflowDefinition

    public init(catalog: Catalog, flow: WorkflowDefinition) {
        self.catalog = catalog
        self.flow = flow
    }

    /// What the answers resolve to.
    public struct Resolved: Sendable {
        public var form: FormDefinition
        public var subjectID: String?
        /// Answers to the identification step (e.g. name and account).
        public var identity: [String: AnswerValue]
        public var answers: FormAnswers.Checked
    }

    /// The fields of the identification step, if the flow has one, as a form of their own.
    public var identificationForm: FormDefinition? {
        for step in flow.steps {
            guard case .identification(let identification) = step.kind,
                  let group = catalog.fieldGroups[identification.group.id] else { continue }
            let fields = FormLinker(sink: DiagnosticSink(), optionLists: catalog.optionLists, fieldGroups: catalog.fieldGroups)
                .expand(group.items, owner: "field group '\(group.id)'")
            return FormDefinition(id: "\(flow.id).\(step.id)", version: 1, title: group.title ?? LocalizedText(step.id),
                                  team: flow.team, lifecycleID: flow.lifecycleID, items: group.items, fields: fields,
                                  file: flow.file, location: step.location)
        }
        return nil
    }

    /// The subject step, if any.
    public var subjectChoice: StepDefinition.SubjectChoice? {
        for step in flow.steps { if case .subject(let choice) = step.kind { return choice } }
        return nil
    }

    /// The form a subject id (or label) leads to.
    public func form(forSubject text: String) -> (subject: StepDefinition.SubjectChoice.Subject, form: FormDefinition)? {
        guard let choice = subjectChoice else { return nil }
        let lowered = text.lowercased()
        guard let subject = choice.subjects.first(where: {
                  $0.id == text || $0.formID == text || $0.label.english.lowercased() == lowered
              }),
              let form = catalog.forms[subject.formID] else { return nil }
        return (subject, form)
    }

    /// Checks everything; `accounts` are the accounts the user may act for (nil: not checked).
    public func check(_ raw: [String: RawAnswer], accounts: [String]?) -> Result<Resolved, AnswerProblems> {
        var problems: [AnswerProblem] = []
        var remaining = raw
        var identity: [String: AnswerValue] = [:]
        if let identification = identificationForm {
            let own = raw.filter { identification.field($0.key) != nil }
            for key in own.keys { remaining[key] = nil }
            switch FormAnswers(form: identification).check(own) {
            case .success(let checked): identity = checked.values
            case .failure(let found): problems += found.problems
            }
            // The account is checked even when another identification answer is wrong.
            for field in identification.fields where field.type == .account {
                if let account = own[field.id]?.items.first?.trimmingCharacters(in: .whitespaces), !account.isEmpty,
                   let accounts, !accounts.contains(account) {
                    problems.append(AnswerProblem(field: field.id, message: accounts.isEmpty
                        ? "you may not act for any account"
                        : "'\(account)' is not one of your accounts" + Suggestion.hintOrList(for: account, in: accounts)))
                }
            }
        }
        let form: FormDefinition
        var subjectID: String?
        if let choice = subjectChoice {
            remaining[Self.subjectKey] = nil
            guard let text = raw[Self.subjectKey]?.items.first, !text.isEmpty else {
                problems.append(AnswerProblem(field: Self.subjectKey, message: "'\(choice.label.english)' is required; one of "
                                              + choice.subjects.map(\.id).joined(separator: ", ")))
                return .failure(AnswerProblems(problems))
            }
            guard let found = self.form(forSubject: text) else {
                problems.append(AnswerProblem(field: Self.subjectKey, message: "'\(text)' is not a subject"
                                              + Suggestion.hintOrList(for: text, in: choice.subjects.map(\.id))))
                return .failure(AnswerProblems(problems))
            }
            form = found.form
            subjectID = found.subject.id
        } else if let formID = flow.formIDs.first, let found = catalog.forms[formID] {
            form = found
        } else {
            return .failure(AnswerProblems(problems + [AnswerProblem(field: "form", message: "workflow '\(flow.id)' leads to no form")]))
        }
        switch FormAnswers(form: form).check(remaining) {
        case .success(let checked):
            return problems.isEmpty
                ? .success(Resolved(form: form, subjectID: subjectID, identity: identity, answers: checked))
                : .failure(AnswerProblems(problems))
        case .failure(let found):
            return .failure(AnswerProblems(problems + found.problems))
        }
    }
}
