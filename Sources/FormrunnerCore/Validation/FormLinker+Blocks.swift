/// The parts of a form beyond single fields: sections, options that must be chosen, and `rules:`.
extension FormLinker {
    /// Fills each section's field ids and gives its fields the section's condition.
    func linkSections(_ form: inout FormDefinition) {
        for index in form.sections.indices {
            form.sections[index].fieldIDs = form.fields.filter { $0.section == index }.map(\.id)
        }
        for index in form.fields.indices {
            if let section = form.fields[index].section {
                form.fields[index].sectionCondition = form.sections[section].condition
            }
        }
    }

    /// Options with `required: true` belong to multichoice fields, and a multichoice's `min` and
    /// `max` must leave room for its options and the ones that must be chosen.
    func checkOptions(_ fields: [FieldDefinition]) {
        for field in fields where !field.options.isEmpty {
            let required = field.requiredOptions
            if field.type != .multichoice, let first = required.first {
                sink.error("option '\(first.id)' says `required: true`, which only applies to the options of a multichoice field, "
                           + "and '\(field.id)' is \(field.type.rawValue)", at: first.location)
                continue
            }
            if let low = field.minimum, Int(low) > field.options.count {
                sink.error("'min' of '\(field.id)' is \(ValueReader.format(low)) but it has only \(field.options.count) "
                           + "option\(field.options.count == 1 ? "" : "s"): no answer can satisfy it", at: field.location)
            }
            if let high = field.maximum, required.count > Int(high) {
                sink.error("'\(field.id)' has \(required.count) options that must be chosen but 'max' is \(ValueReader.format(high)): "
                           + "no answer can satisfy both", at: field.location)
            }
        }
    }

    /// Type-checks each rule against every question of the form and attaches it to its field:
    /// `field:`, else the last question (in the form's order) its condition reads.
    func linkRules(_ form: inout FormDefinition) {
        let questions = form.questions
        var types: [String: ConditionFieldType] = [:]
        for field in questions { types[field.id] = field.type.conditionType(options: field.options.map(\.id)) }
        let all = Set(form.fields.map(\.id))
        form.rules = form.rules.compactMap { rule -> FormRule? in
            var rule = rule
            let errors = rule.check.typeCheck(fields: types)
            report(errors, of: rule.check, at: rule.checkLocation, owner: "a rule", all: all, visible: types, notes: form.fields)
            if rule.field.isEmpty {
                let read = Set(rule.check.referencedFields)
                guard let last = questions.last(where: { read.contains($0.id) }) else {
                    if errors.isEmpty {
                        sink.error("the rule reads no field; name the field its message belongs to with 'field:'", at: rule.checkLocation)
                    }
                    return nil
                }
                rule.field = last.id
            } else if form.field(rule.field)?.type.isQuestion != true {
                let what = form.field(rule.field) == nil
                    ? "unknown field '\(rule.field)'" + Suggestion.hint(for: rule.field, in: questions.map(\.id))
                    : "'\(rule.field)' is a note; attach the rule to a question"
                sink.error(what, at: rule.fieldLocation ?? rule.location)
                return nil
            }
            return errors.isEmpty ? rule : nil
        }
    }
}
