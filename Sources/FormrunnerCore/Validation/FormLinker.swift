/// Expands shared field groups and option lists into a form's fields and checks every field in
/// the context of its form: unique ids, defaults, conditions and requiredness.
struct FormLinker {
    let sink: DiagnosticSink
    let optionLists: [String: OptionList]
    let fieldGroups: [String: FieldGroup]

    /// The form with `fields` filled in.
    func link(_ form: FormDefinition) -> FormDefinition {
        var form = form
        form.fields = expand(form.items, owner: "form '\(form.id)'", sections: form.sections)
        linkSections(&form)
        checkConditions(form.fields, sections: form.sections)
        checkOptions(form.fields)
        linkRules(&form)
        return form
    }

    /// The most fields a form may have once its groups are expanded: a group included thousands of
    /// times (or groups of groups) would otherwise cost minutes and gigabytes before any error.
    static let maximumFields = 1000

    /// The fields of `items`, groups expanded (recursively, refusing cycles) and option lists resolved.
    /// Expansion stops at ``maximumFields``, with an error at the item that went past it.
    func expand(_ items: [FieldItem], owner: String, sections: [SectionDefinition] = []) -> [FieldDefinition] {
        var expanded: [FieldDefinition] = []
        var budget = Self.maximumFields
        for (position, item) in items.enumerated() {
            let start = expanded.count
            defer {
                if let section = sections.firstIndex(where: { $0.items.contains(position) }) {
                    for index in start..<expanded.count { expanded[index].section = section }
                }
            }
            guard expand([item], visiting: [], budget: &budget, into: &expanded) else {
                let location: SourceLocation
                let what: String
                switch item {
                case .field(let field): (location, what) = (field.location, "field '\(field.id)'")
                case .group(let id, let groupLocation): (location, what) = (groupLocation, "field group '\(id)'")
                }
                sink.error("\(owner) has more than \(Self.maximumFields) fields once its field groups are expanded; "
                           + "\(what) goes past the limit: include fewer groups or split the form", at: location)
                break
            }
        }
        var fields: [FieldDefinition] = []
        var seen: [String: FieldDefinition] = [:]
        // A group included twice clashes on every one of its fields: one error per include, not per field.
        var clashes: [(group: String, include: SourceLocation, fields: [FieldDefinition], first: FieldDefinition)] = []
        for field in expanded {
            if let first = seen[field.id] {
                if let group = field.groupID, let include = field.groupLocation {
                    if let last = clashes.indices.last, clashes[last].include == include, clashes[last].group == group {
                        clashes[last].fields.append(field)
                    } else {
                        clashes.append((group, include, [field], first))
                    }
                } else {
                    sink.error("duplicate field id '\(field.id)' in \(owner)", at: field.location,
                               notes: [.init("first defined here", at: first.location)])
                }
                continue
            }
            seen[field.id] = field
            fields.append(field)
        }
        for clash in clashes {
            let ids = clash.fields.map { "'\($0.id)'" }
            let what = ids.count == 1 ? "a field \(ids[0])"
                : "fields \(ids.prefix(3).joined(separator: ", "))\(ids.count > 3 ? " and \(ids.count - 3) more" : "")"
            sink.error("field group '\(clash.group)' brings \(what) that \(owner) already has; rename one of them",
                       at: clash.include, notes: [.init("first defined here", at: clash.first.location)])
        }
        return fields
    }

    /// Appends the fields of `items` to `fields`, spending `budget`; false once the budget is spent.
    private func expand(_ items: [FieldItem], visiting: [String], budget: inout Int, into fields: inout [FieldDefinition]) -> Bool {
        for item in items {
            switch item {
            case .field(let field):
                guard budget > 0 else { return false }
                budget -= 1
                fields.append(resolveOptions(field))
            case .group(let id, let location):
                guard let group = fieldGroups[id] else {
                    sink.unknownReference("field group", id, among: fieldGroups.keys, at: location)
                    continue
                }
                guard !visiting.contains(id) else {
                    sink.error("field group '\(id)' includes itself (\((visiting + [id]).joined(separator: " → ")))", at: location)
                    continue
                }
                let start = fields.count
                let complete = expand(group.items, visiting: visiting + [id], budget: &budget, into: &fields)
                for index in start..<fields.count {
                    fields[index].groupID = fields[index].groupID ?? id
                    fields[index].groupLocation = location
                }
                if !complete { return false }
            }
        }
        return true
    }

    private func resolveOptions(_ field: FieldDefinition) -> FieldDefinition {
        var field = field
        if let listID = field.optionListID {
            if let list = optionLists[listID] {
                field.options = list.options
            } else {
                sink.unknownReference("option list", listID, among: optionLists.keys, at: field.optionListLocation ?? field.location)
            }
        }
        checkDefault(field)
        return field
    }

    private func checkDefault(_ field: FieldDefinition) {
        let ids: [String]
        switch field.defaultValue {
        case .choice(let id)?: ids = [id]
        case .choices(let chosen)?: ids = chosen
        default: return
        }
        guard !field.options.isEmpty else { return }
        for id in ids where field.option(id) == nil {
            sink.error("the default '\(id)' of '\(field.id)' is not one of its options"
                       + Suggestion.hint(for: id, in: field.options.map(\.id)), at: field.location)
        }
    }

    /// Each condition may use only fields defined before it, with matching types.
    private func checkConditions(_ fields: [FieldDefinition], sections: [SectionDefinition]) {
        var visible: [String: ConditionFieldType] = [:]
        let all = Set(fields.map(\.id))
        var checkedSections: Set<Int> = []
        for field in fields {
            if let index = field.section, checkedSections.insert(index).inserted,
               let condition = sections[index].condition, let start = sections[index].conditionLocation {
                report(condition.typeCheck(fields: visible), of: condition, at: start, owner: "section '\(sections[index].title.english)'",
                       all: all, visible: visible, notes: fields)
            }
            if let condition = field.condition, let start = field.conditionLocation {
                if field.required, field.requiredWasWritten {
                    sink.error("field '\(field.id)' says `required: true` but its `when:` condition can hide it; "
                               + "remove `required` (a conditional field is required only while it is shown)", at: start)
                }
                report(condition.typeCheck(fields: visible), of: condition, at: start, owner: "'\(field.id)'",
                       all: all, visible: visible, notes: fields)
            }
            if field.type.isQuestion {
                visible[field.id] = field.type.conditionType(options: field.options.map(\.id))
            }
        }
    }

    /// Reports the type errors of a condition of `owner` (a field or a section) written at `start`.
    func report(_ errors: [ConditionError], of condition: Condition, at start: SourceLocation, owner: String,
                all: Set<String>, visible: [String: ConditionFieldType], notes fields: [FieldDefinition]) {
        for error in errors {
            let location = start.advanced(by: error.offset)
            if let later = laterField(in: error, all: all, visible: visible, condition: condition) {
                if fields.first(where: { $0.id == later })?.type == .note {
                    sink.error("condition of \(owner) uses '\(later)', which is a note: a note has no answer", at: location)
                } else {
                    sink.error("condition of \(owner) uses '\(later)', which is asked after it; a condition can only use fields asked before",
                               at: location)
                }
            } else {
                sink.error("invalid condition: \(error.message)", at: location)
            }
        }
    }

    /// The field an "unknown field" error names when that field does exist, just later in the form.
    private func laterField(in error: ConditionError, all: Set<String>, visible: [String: ConditionFieldType],
                            condition: Condition) -> String? {
        let scalars = Array(condition.source.unicodeScalars)
        guard error.offset >= 0, error.offset + error.length <= scalars.count else { return nil }
        let name = String(String.UnicodeScalarView(scalars[error.offset..<error.offset + error.length]))
        return all.contains(name) && visible[name] == nil && error.message.hasPrefix("unknown field") ? name : nil
    }
}
