import Foundation

/// Decodes the agent desk's documents: `teams` (`Workflows/teams.yaml`) and `priorities`
/// (`Workflows/priorities.yaml`).
struct DeskDecoder {
    let sink: DiagnosticSink
    let file: String

    static let teamKeys = ["id", "label", "assign", "calendar", "email"]
    static let priorityDocumentKeys = ["priorities", "default", "warning", "paused_in", "resolved_in", "rules"]
    static let levelKeys = ["id", "label", "first_response", "next_response"]
    static let targetKeys = ["working_hours"]
    static let ruleKeys = ["form", "team", "when", "priority"]

    var values: ValueReader { ValueReader(sink: sink) }

    /// `teams: [{id, label, assign, calendar, email}]`.
    func teams(_ mapping: YAMLMapping) -> [TeamDefinition] {
        let reader = MappingReader(mapping, context: "teams", keys: ["teams"], sink: sink)
        guard let node = reader.required("teams") else { return [] }
        guard case .sequence(let sequence) = node else {
            sink.error(.wrongKind, "expected a list of teams, found \(node.kindDescription)", at: node.location)
            return []
        }
        return sequence.items.compactMap(team)
    }

    private func team(_ node: YAMLNode) -> TeamDefinition? {
        guard let reader = MappingReader(node, context: "team", keys: Self.teamKeys, sink: sink) else { return nil }
        let id = reader.identifier("id")
        let label = reader.label("label")
        let assignment = reader.keyword("assign", as: TeamDefinition.Assignment.self, required: false)
        let calendar = reader.identifier("calendar", required: false)
        let email = reader.scalar("email", required: false)
        if let email, !AnswerParser.isEmail(email.value) {
            sink.error(.invalidValue, "'\(email.value)' is not an e-mail address for 'email'", at: email.location)
        }
        guard let id, let label else { return nil }
        return TeamDefinition(id: id.id, label: label, assignment: assignment ?? .roundRobin, calendar: calendar,
                              email: email?.value, location: id.location)
    }

    /// `priorities: [levels]` with `default`, `warning`, `paused_in`, `resolved_in` and `rules`.
    func priorities(_ mapping: YAMLMapping) -> PriorityScheme? {
        let reader = MappingReader(mapping, context: "priorities", keys: Self.priorityDocumentKeys, sink: sink)
        var levels: [PriorityDefinition] = []
        if let node = reader.required("priorities") {
            if case .sequence(let sequence) = node {
                levels = sequence.items.compactMap(level)
                if sequence.items.isEmpty { sink.error(.emptyValue, "'priorities' lists no priority", at: node.location) }
            } else {
                sink.error(.wrongKind, "expected a list of priorities, found \(node.kindDescription)", at: node.location)
            }
        }
        let rules: [PriorityRule]
        if let node = reader.optional("rules") {
            if case .sequence(let sequence) = node {
                rules = sequence.items.compactMap(rule)
            } else {
                sink.error(.wrongKind, "expected a list of rules, found \(node.kindDescription)", at: node.location)
                rules = []
            }
        } else {
            rules = []
        }
        return PriorityScheme(levels: levels, defaultPriority: reader.identifier("default", required: false), rules: rules,
                              warningShare: reader.scalar("warning", required: false).flatMap(share) ?? 0.75,
                              pausedIn: reader.identifiers("paused_in", required: false) ?? [],
                              resolvedIn: reader.identifiers("resolved_in", required: false) ?? [],
                              file: file, location: mapping.location)
    }

    private func level(_ node: YAMLNode) -> PriorityDefinition? {
        guard let reader = MappingReader(node, context: "priority", keys: Self.levelKeys, sink: sink) else { return nil }
        let id = reader.identifier("id")
        let label = reader.label("label")
        let first = reader.required("first_response").flatMap { target($0, what: "first_response") }
        let next = reader.optional("next_response").flatMap { target($0, what: "next_response") }
        guard let id, let label, let first else {
            // Its errors are reported; rules naming it are not reported again.
            if let id { sink.brokenIDs.insert(id.id) }
            return nil
        }
        return PriorityDefinition(id: id.id, label: label, firstResponseHours: first, nextResponseHours: next,
                                  location: id.location)
    }

    /// `{working_hours: N}`, N in (0, 100000].
    private func target(_ node: YAMLNode, what: String) -> Double? {
        guard let reader = MappingReader(node, context: "'\(what)'", keys: Self.targetKeys, sink: sink),
              let hours = reader.number("working_hours") else { return nil }
        guard hours > 0, hours <= 100_000 else {
            sink.error(.outOfRange, "'working_hours' must be more than 0 and at most 100000, found \(ValueReader.format(hours))",
                       at: reader.keyLocation("working_hours"))
            return nil
        }
        return hours
    }

    /// `75%`: a share strictly between 0 and 100 percent.
    private func share(_ scalar: YAMLScalar) -> Double? {
        let text = scalar.value.hasSuffix("%") ? String(scalar.value.dropLast()) : ""
        guard ValueReader.isDecimal(text), let percent = Double(text), percent > 0, percent < 100 else {
            sink.error(.invalidValue, "expected a share such as 75% for 'warning' (more than 0% and less than 100%), found '\(scalar.value)'",
                       at: scalar.location)
            return nil
        }
        return percent / 100
    }

    private func rule(_ node: YAMLNode) -> PriorityRule? {
        guard let reader = MappingReader(node, context: "priority rule", keys: Self.ruleKeys, sink: sink) else { return nil }
        let forms = reader.identifiers("form", required: false) ?? []
        let teams = reader.identifiers("team", required: false) ?? []
        let priority = reader.identifier("priority")
        var condition: Condition?
        var conditionLocation: SourceLocation?
        if let scalar = reader.scalar("when", required: false) {
            let start = scalar.contentLocation
            do {
                condition = try Condition.parse(scalar.value)
                conditionLocation = start
            } catch {
                sink.error(.conditionSyntax, "invalid condition: \(error.message)", at: start.advanced(by: error.offset))
            }
            if forms.isEmpty {
                sink.error(.priorityRule, "a rule with 'when' needs 'form': the condition is checked against that form's fields",
                           at: reader.keyLocation("when"))
            }
        }
        guard let priority else { return nil }
        return PriorityRule(forms: forms, teams: teams, condition: condition, conditionLocation: conditionLocation,
                            priority: priority, location: reader.location)
    }
}
