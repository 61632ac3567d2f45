/// Decodes `lifecycle` documents: statuses, transitions, timers and notifications.
struct LifecycleDecoder {
    let sink: DiagnosticSink
    let file: String

    static let lifecycleKeys = ["lifecycle", "title", "calendar", "initial", "variables", "on_create",
                                "on_status_change", "on_refused", "statuses", "transitions", "survey"]
    static let surveyKeys = ["form", "status", "expires"]
    static let surveyExpiryKeys = ["working_hours"]
    static let statusKeys = ["label", "description", "final"]
    static let transitionKeys = ["event", "label", "from", "to", "by", "notify", "after"]
    static let timerKeys = ["working_hours", "since"]

    var values: ValueReader { ValueReader(sink: sink) }

    func lifecycle(_ mapping: YAMLMapping) -> LifecycleDefinition? {
        let reader = MappingReader(mapping, context: "lifecycle", keys: Self.lifecycleKeys, sink: sink)
        let id = reader.identifier("lifecycle")
        let title = reader.label("title", required: false)
        let calendar = reader.identifier("calendar", required: false)
        let initial = reader.identifier("initial")
        let statuses = reader.required("statuses").map(statuses) ?? []
        let transitions = reader.required("transitions").map(transitions) ?? []
        let onCreate = reader.optional("on_create").map { hook($0, context: "on_create") } ?? []
        let onStatusChange = reader.optional("on_status_change").map { hook($0, context: "on_status_change") } ?? []
        let onRefused = reader.optional("on_refused").map { hook($0, context: "on_refused") } ?? []
        let variables = reader.optional("variables").map(variables) ?? [:]
        let survey = reader.optional("survey").flatMap(self.survey)
        guard let id, let initial else { return nil }
        var lifecycle = LifecycleDefinition(id: id.id, title: title ?? LocalizedText(id.id), calendar: calendar, initial: initial,
                                   statuses: statuses, transitions: transitions, onCreate: onCreate,
                                   onStatusChange: onStatusChange, variables: variables, file: file,
                                   location: mapping.location)
        lifecycle.onRefused = onRefused
        lifecycle.survey = survey
        return lifecycle
    }

    private func statuses(_ node: YAMLNode) -> [StatusDefinition] {
        guard case .mapping(let mapping) = node, !mapping.entries.isEmpty else {
            sink.error(.wrongKind, "expected a mapping from status id to {label, description, final}, found \(node.kindDescription)",
                       at: node.location)
            return []
        }
        return mapping.entries.compactMap { entry -> StatusDefinition? in
            let key = YAMLNode.scalar(entry.key)
            guard let id = values.identifier(key, what: "a status id") else { return nil }
            // A status whose own keys are broken still exists: transitions to it are not unknown.
            guard let reader = MappingReader(entry.value, context: "status '\(id.id)'", keys: Self.statusKeys, sink: sink)
            else { return StatusDefinition(id: id.id, label: LocalizedText(id.id), description: nil, isFinal: false, location: id.location) }
            let label = reader.label("label") ?? LocalizedText(id.id)
            return StatusDefinition(id: id.id, label: label, description: reader.label("description", required: false),
                                    isFinal: reader.boolean("final") ?? false, location: id.location)
        }
    }

    private func transitions(_ node: YAMLNode) -> [TransitionDefinition] {
        guard case .sequence(let sequence) = node else {
            sink.error(.wrongKind, "expected a list of transitions, found \(node.kindDescription)", at: node.location)
            return []
        }
        return sequence.items.compactMap(transition)
    }

    private func transition(_ node: YAMLNode) -> TransitionDefinition? {
        guard let reader = MappingReader(node, context: "transition", keys: Self.transitionKeys, sink: sink) else { return nil }
        let event = reader.identifier("event")
        let from = reader.identifiers("from")
        let to = reader.identifier("to", required: false)
        let actors = reader.keywords("by", as: Actor.self)
        let label = reader.label("label", required: false)
        let notify = reader.optional("notify").map { notifications($0, context: "'notify'") } ?? []
        let timer = reader.optional("after").flatMap(self.timer)
        guard let event, let from, let actors else { return nil }
        if from.isEmpty { sink.error(.emptyValue, "'from' needs at least one status", at: reader.keyLocation("from")) }
        if let timer, actors != [.system] {
            sink.error(.timerRule, "a transition with a timer ('after') is fired by the system; write `by: system`",
                       at: reader.keyLocation("by"), notes: [.init("timer here", at: timer.location)])
        }
        return TransitionDefinition(event: event.id, label: label, from: from, to: to, actors: actors,
                                    notifications: notify, timer: timer, location: reader.location)
    }

    private func timer(_ node: YAMLNode) -> TimerDefinition? {
        guard let reader = MappingReader(node, context: "'after'", keys: Self.timerKeys, sink: sink),
              let hours = reader.number("working_hours") else { return nil }
        guard hours > 0, hours <= 100_000 else {
            sink.error(.outOfRange, "'working_hours' must be more than 0 and at most 100000, found \(ValueReader.format(hours))",
                       at: reader.keyLocation("working_hours"))
            return nil
        }
        let since = reader.keyword("since", as: TimerDefinition.Since.self, required: false) ?? .lastInteraction
        return TimerDefinition(workingHours: hours, since: since, location: reader.location)
    }

    /// `survey: {form: F, status: S, expires: {working_hours: N}}`.
    private func survey(_ node: YAMLNode) -> SurveyDefinition? {
        guard let reader = MappingReader(node, context: "'survey'", keys: Self.surveyKeys, sink: sink) else { return nil }
        let form = reader.identifier("form")
        let status = reader.identifier("status")
        let expires = reader.required("expires").flatMap { node -> (Double, SourceLocation)? in
            guard let expiry = MappingReader(node, context: "'expires'", keys: Self.surveyExpiryKeys, sink: sink),
                  let hours = expiry.number("working_hours") else { return nil }
            guard hours > 0, hours <= 100_000 else {
                sink.error(.outOfRange, "'working_hours' must be more than 0 and at most 100000, found \(ValueReader.format(hours))",
                           at: expiry.keyLocation("working_hours"))
                return nil
            }
            return (hours, expiry.location)
        }
        guard let form, let status, let expires else { return nil }
        return SurveyDefinition(form: form, status: status, expiresAfterWorkingHours: expires.0,
                                expiresLocation: expires.1, location: reader.location)
    }

    private func hook(_ node: YAMLNode, context: String) -> [Notification] {
        guard let reader = MappingReader(node, context: context, keys: ["notify"], sink: sink),
              let notify = reader.required("notify") else { return [] }
        return notifications(notify, context: "'notify' of \(context)")
    }

    /// `notify: {requester: template}`, or `notify: requester` for the recipient's default template
    /// (`status-changed`).
    private func notifications(_ node: YAMLNode, context: String) -> [Notification] {
        switch node {
        case .scalar:
            return values.list(node, what: context) { item -> Notification? in
                guard let recipient = values.keyword(item, as: Actor.self, what: context) else { return nil }
                return notification(recipient, template: "status-changed", at: item.location)
            }
        case .sequence(let sequence):
            return sequence.items.flatMap { notifications($0, context: context) }
        case .mapping(let mapping):
            return mapping.entries.compactMap { entry -> Notification? in
                guard let recipient = values.keyword(.scalar(entry.key), as: Actor.self, what: "a recipient of \(context)"),
                      let template = values.identifier(entry.value, what: "the template for \(recipient.rawValue)")
                else { return nil }
                return notification(recipient, template: template.id, at: template.location)
            }
        }
    }

    private func notification(_ recipient: Actor, template: String, at location: SourceLocation) -> Notification? {
        guard recipient != .system else {
            sink.error(.notifyRule, "the system cannot receive messages; notify requester or agent", at: location)
            return nil
        }
        return Notification(recipient: recipient, template: template, location: location)
    }

    private func variables(_ node: YAMLNode) -> [String: String] {
        guard case .mapping(let mapping) = node else {
            sink.error(.wrongKind, "expected a mapping of variables, found \(node.kindDescription)", at: node.location)
            return [:]
        }
        var result: [String: String] = [:]
        for entry in mapping.entries {
            guard values.identifier(.scalar(entry.key), what: "a variable name") != nil,
                  let value = values.string(entry.value, what: "variable '\(entry.key.value)'") else { continue }
            result[entry.key.value] = value
        }
        return result
    }
}
