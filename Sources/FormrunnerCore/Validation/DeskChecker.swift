/// Links and checks the agent desk's definitions: teams (their calendars; every form's `team:`
/// when teams are declared) and priorities (levels, default, rules and their conditions, the
/// statuses the SLA clocks pause and stop in).
struct DeskChecker {
    let sink: DiagnosticSink

    func link(_ documents: DocumentSet, into catalog: inout Catalog) {
        for (team, _) in documents.teams {
            if let first = catalog.teams[team.id] {
                sink.error(.duplicateID, "duplicate team '\(team.id)': another team already has it", at: team.location,
                           notes: [.init("first defined here", at: first.location)])
                continue
            }
            catalog.teams[team.id] = team
            if let calendar = team.calendar, catalog.calendars[calendar.id] == nil {
                sink.unknownReference("calendar", calendar.id, among: catalog.calendars.keys, at: calendar.location)
            }
        }
        if !catalog.teams.isEmpty {
            // A satisfaction survey's form files no ticket, so no team takes it.
            let surveys = Set(catalog.lifecycles.values.compactMap { $0.survey?.form.id })
            for form in catalog.forms.values.sorted(by: { $0.id < $1.id })
            where catalog.teams[form.team] == nil && !surveys.contains(form.id) && !form.team.isEmpty {
                sink.unknownReference("team", form.team, among: catalog.teams.keys, at: form.teamLocation ?? form.location)
            }
            for flow in catalog.workflows.values.sorted(by: { $0.id < $1.id }) where catalog.teams[flow.team] == nil {
                sink.unknownReference("team", flow.team, among: catalog.teams.keys, at: flow.location)
            }
        }
        for macro in documents.macros {
            if let first = catalog.macros[macro.id] {
                sink.error(.duplicateID, "duplicate macro '\(macro.id)': another macro already has it", at: macro.location,
                           notes: [.init("first defined here", at: first.location)])
                continue
            }
            catalog.macros[macro.id] = macro
        }
        for (index, scheme) in documents.priorities.enumerated() {
            if index > 0 {
                sink.error(.duplicateID, "a catalog has one 'priorities' document; this is a second one", at: scheme.location,
                           notes: [.init("the first is here", at: documents.priorities[0].location)])
                continue
            }
            check(scheme, catalog: catalog)
            catalog.priorities = scheme
        }
    }

    private func check(_ scheme: PriorityScheme, catalog: Catalog) {
        var seen: [String: SourceLocation] = [:]
        for level in scheme.levels {
            if let first = seen[level.id] {
                sink.error(.duplicateID, "duplicate priority '\(level.id)'", at: level.location, notes: [.init("first defined here", at: first)])
            }
            seen[level.id] = level.location
        }
        let ids = scheme.levels.map(\.id)
        if let id = scheme.defaultPriority, seen[id.id] == nil {
            sink.unknownReference("priority", id.id, among: ids, at: id.location)
        }
        let statuses = Set(catalog.lifecycles.values.flatMap { $0.statuses.map(\.id) })
        for status in scheme.pausedIn + scheme.resolvedIn where !statuses.contains(status.id) {
            sink.unknownReference("status", status.id, among: statuses, at: status.location)
        }
        for rule in scheme.rules {
            if seen[rule.priority.id] == nil {
                sink.unknownReference("priority", rule.priority.id, among: ids, at: rule.priority.location)
            }
            for team in rule.teams where catalog.teams[team.id] == nil {
                if catalog.teams.isEmpty {
                    sink.error(.unknownReference, "unknown team '\(team.id)': the catalog declares no teams (add Workflows/teams.yaml)",
                               at: team.location)
                } else {
                    sink.unknownReference("team", team.id, among: catalog.teams.keys, at: team.location)
                }
            }
            for reference in rule.forms {
                guard let form = catalog.forms[reference.id] else {
                    sink.unknownReference("form", reference.id, among: catalog.forms.keys, at: reference.location)
                    continue
                }
                guard let condition = rule.condition, let start = rule.conditionLocation else { continue }
                var fields: [String: ConditionFieldType] = [:]
                for field in form.fields { fields[field.id] = field.type.conditionType(options: field.options.map(\.id)) }
                for error in condition.typeCheck(fields: fields) {
                    sink.error(.conditionType, "invalid condition for form '\(form.id)': \(error.message)", at: start.advanced(by: error.offset))
                }
            }
        }
    }
}
