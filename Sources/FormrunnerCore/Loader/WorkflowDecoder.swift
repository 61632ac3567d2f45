/// Decodes `workflow` documents: entry flows made of declarative steps.
struct WorkflowDecoder {
    let sink: DiagnosticSink
    let file: String

    static let workflowKeys = ["workflow", "title", "team", "description", "lifecycle", "steps"]
    static let commonStepKeys = ["id", "type", "title", "help"]
    static let stepKeys: [String: [String]] = [
        "authentication": ["methods", "second_factor"],
        "permission": ["require", "countries", "message"],
        "assistant": ["languages", "scenarios", "guidance", "handoff", "suggestions", "no_match", "read", "answered", "ask_again",
                      "other_words", "back", "closing", "find_answers"],
        "one_time_code": ["channel", "digits", "expires", "attempts", "resend_after", "label"],
        "identification": ["group", "continue"],
        "subject": ["label", "continue", "subjects"],
        "form": ["form"],
        "submit": ["label"],
    ]

    var values: ValueReader { ValueReader(sink: sink) }

    func workflow(_ mapping: YAMLMapping) -> WorkflowDefinition? {
        let reader = MappingReader(mapping, context: "workflow", keys: Self.workflowKeys, sink: sink)
        let id = reader.identifier("workflow")
        let title = reader.label("title")
        let team = reader.identifier("team")
        let description = reader.label("description", required: false)
        let lifecycle = reader.identifier("lifecycle")
        let steps = reader.required("steps").map(steps) ?? []
        guard let id, let title, let team, let lifecycle else { return nil }
        let flow = WorkflowDefinition(id: id.id, title: title, team: team.id, description: description,
                                      lifecycleID: lifecycle.id, lifecycleLocation: lifecycle.location,
                                      steps: steps, file: file, location: mapping.location)
        if reader.has("steps") { checkShape(of: flow, stepsAt: reader.keyLocation("steps")) }
        return flow
    }

    private func steps(_ node: YAMLNode) -> [StepDefinition] {
        guard case .sequence(let sequence) = node else {
            sink.error(.wrongKind, "expected a list of steps, found \(node.kindDescription)", at: node.location)
            return []
        }
        var seen: [String: SourceLocation] = [:]
        return sequence.items.compactMap { item -> StepDefinition? in
            guard let step = step(item) else { return nil }
            if let first = seen[step.id] {
                sink.error(.duplicateID, "duplicate step id '\(step.id)'", at: step.location, notes: [.init("first defined here", at: first)])
            }
            seen[step.id] = step.location
            return step
        }
    }

    /// A flow has exactly one submit step, last, and one form or subject step before it.
    private func checkShape(of flow: WorkflowDefinition, stepsAt location: SourceLocation) {
        let submits = flow.steps.filter { if case .submit = $0.kind { true } else { false } }
        let forms = flow.steps.filter {
            switch $0.kind {
            case .form, .subject: return true
            default: return false
            }
        }
        if submits.isEmpty {
            sink.error(.submitStep, "workflow '\(flow.id)' has no submit step; end the steps with `type: submit`", at: location)
        } else if submits.count > 1 {
            sink.error(.submitStep, "workflow '\(flow.id)' has more than one submit step", at: submits[1].location,
                       notes: [.init("first submit step here", at: submits[0].location)])
        } else if let last = flow.steps.last, last != submits[0] {
            sink.error(.submitStep, "the submit step '\(submits[0].id)' must be the last step", at: submits[0].location)
        }
        if forms.isEmpty {
            sink.error(.formStep, "workflow '\(flow.id)' never asks a form; add a `form` or a `subject` step before submit",
                       at: location)
        } else if forms.count > 1 {
            sink.error(.formStep, "workflow '\(flow.id)' has more than one form or subject step", at: forms[1].location,
                       notes: [.init("first one here", at: forms[0].location)])
        }
    }

    private func step(_ node: YAMLNode) -> StepDefinition? {
        guard case .mapping(let mapping) = node else {
            sink.error(.wrongKind, "expected a step (a mapping with id and type), found \(node.kindDescription)", at: node.location)
            return nil
        }
        let typeScalar: YAMLScalar? = if case .scalar(let s) = mapping["type"] { s } else { nil }
        let typeName = typeScalar?.value
        let ownKeys = typeName.flatMap { Self.stepKeys[$0] }
        let context = typeName.map { "\($0) step" } ?? "step"
        let reader = MappingReader(mapping, context: context,
                                   keys: Self.commonStepKeys + (ownKeys ?? Self.stepKeys.values.flatMap { $0 }), sink: sink)
        let id = reader.identifier("id")
        guard reader.required("type") != nil, let typeScalar else { return nil }
        guard ownKeys != nil else {
            let names = StepDefinition.typeNames
            sink.error(.unknownKeyword, "unknown step type '\(typeScalar.value)'" + Suggestion.hintOrList(for: typeScalar.value, in: names),
                       at: typeScalar.location)
            return nil
        }
        let title = reader.label("title", required: false)
        let help = reader.label("help", required: false)
        guard let kind = kind(typeScalar.value, reader), let id else { return nil }
        return StepDefinition(id: id.id, title: title, help: help, kind: kind, location: mapping.location)
    }

    private func kind(_ type: String, _ reader: MappingReader) -> StepDefinition.Kind? {
        switch type {
        case "authentication": return authentication(reader).map(StepDefinition.Kind.authentication)
        case "permission":
            let required = reader.identifiers("require", required: false) ?? []
            let countries = reader.identifiers("countries", required: false) ?? []
            if required.isEmpty && countries.isEmpty {
                sink.error(.stepRule, "a permission step needs 'require' or 'countries'", at: reader.location)
            }
            for country in countries where !(country.id.count == 2 && country.id.allSatisfy(\.isUppercase)) {
                sink.error(.invalidValue, "'\(country.id)' is not an ISO country code; write two capital letters such as BR", at: country.location)
            }
            return .permission(.init(required: required.map(\.id), countries: countries.map(\.id),
                                     message: reader.label("message", required: false)))
        case "assistant": return assistant(reader).map(StepDefinition.Kind.assistant)
        case "one_time_code": return oneTimeCode(reader).map(StepDefinition.Kind.oneTimeCode)
        case "identification":
            guard let group = reader.identifier("group") else { return nil }
            return .identification(.init(group: group, continueLabel: reader.label("continue", required: false)))
        case "subject": return subjectChoice(reader).map(StepDefinition.Kind.subject)
        case "form": return reader.identifier("form").map(StepDefinition.Kind.form)
        default: return reader.label("label").map { .submit(label: $0) }
        }
    }

    private func authentication(_ reader: MappingReader) -> StepDefinition.Authentication? {
        guard let methods = reader.keywords("methods", as: StepDefinition.Authentication.Method.self) else { return nil }
        let factors = reader.keywords("second_factor", as: StepDefinition.Authentication.SecondFactor.self, required: false) ?? []
        if methods.isEmpty { sink.error(.emptyValue, "'methods' needs at least one log-in method", at: reader.keyLocation("methods")) }
        if methods.contains(.password), factors.isEmpty {
            sink.error(.stepRule, "password log-in needs 'second_factor' (totp, sms or both)", at: reader.keyLocation("methods"))
        }
        if !methods.contains(.password), !factors.isEmpty {
            sink.error(.stepRule, "'second_factor' only applies to password log-in, which 'methods' does not list",
                       at: reader.keyLocation("second_factor"))
        }
        return .init(methods: methods, secondFactors: factors)
    }

    private func assistant(_ reader: MappingReader) -> StepDefinition.Assistant? {
        let forms = FormDecoder(sink: sink, file: file)
        let languages = reader.required("languages").map(forms.options)
        let scenarios = reader.required("scenarios").map(forms.options)
        let guidance = reader.optional("guidance").map(forms.options) ?? []
        let handoff = reader.label("handoff")
        guard let languages, let scenarios, let handoff else { return nil }
        var texts = AssistantTexts.standard
        let keys: [(String, WritableKeyPath<AssistantTexts, LocalizedText>)] = [
            ("suggestions", \.suggestions), ("no_match", \.noMatch), ("read", \.read), ("answered", \.answered),
            ("ask_again", \.askAgain), ("other_words", \.otherWords), ("back", \.back), ("closing", \.closing),
            ("find_answers", \.findAnswers),
        ]
        for (key, path) in keys { if let text = reader.label(key, required: false) { texts[keyPath: path] = text } }
        return .init(languages: languages, scenarios: scenarios, guidance: guidance, handoff: handoff, texts: texts)
    }

    private static func wholeSeconds(_ seconds: Double) -> Int {
        Int(min(seconds.rounded(.up), Double(Int32.max)))
    }

    private func oneTimeCode(_ reader: MappingReader) -> StepDefinition.OneTimeCode? {
        let channel = reader.keyword("channel", as: StepDefinition.OneTimeCode.Channel.self, required: false) ?? .email
        let digits = reader.integer("digits", required: false, range: 4...10) ?? 6
        // Codes count whole seconds: a part of a second counts as a whole one.
        let expires = reader.optional("expires").flatMap { values.duration($0, what: "'expires'") }.map(Self.wholeSeconds) ?? 600
        let attempts = reader.integer("attempts", required: false, range: 1...20) ?? 5
        let resend = reader.optional("resend_after").flatMap { values.duration($0, what: "'resend_after'") }
            .map(Self.wholeSeconds) ?? 60
        return .init(channel: channel, digits: digits, expires: expires, attempts: attempts, resendAfter: resend,
                     label: reader.label("label", required: false))
    }

    private func subjectChoice(_ reader: MappingReader) -> StepDefinition.SubjectChoice? {
        let label = reader.label("label")
        let continueLabel = reader.label("continue", required: false)
        guard let node = reader.required("subjects") else { return nil }
        guard case .sequence(let sequence) = node, !sequence.items.isEmpty else {
            sink.error(.wrongKind, "expected a list of subjects ({id, label, form}), found \(node.kindDescription)", at: node.location)
            return nil
        }
        var seen: [String: SourceLocation] = [:]
        let subjects = sequence.items.compactMap { item -> StepDefinition.SubjectChoice.Subject? in
            guard let subject = MappingReader(item, context: "subject", keys: ["id", "label", "form"], sink: sink) else { return nil }
            let id = subject.identifier("id"), label = subject.label("label"), form = subject.identifier("form")
            guard let id, let label, let form else { return nil }
            if let first = seen[id.id] {
                sink.error(.duplicateID, "duplicate subject id '\(id.id)'", at: id.location, notes: [.init("first defined here", at: first)])
            }
            seen[id.id] = id.location
            return .init(id: id.id, label: label, formID: form.id, location: subject.location, formLocation: form.location)
        }
        guard let label else { return nil }
        return .init(label: label, continueLabel: continueLabel, subjects: subjects)
    }
}
