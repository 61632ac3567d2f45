import Foundation

/// Decodes `form`, `option_list` and `field_group` documents.
struct FormDecoder {
    let sink: DiagnosticSink
    let file: String

    static let formKeys = ["form", "version", "title", "team", "description", "lifecycle", "fields", "sections", "rules"]
    static let fieldKeys = ["id", "label", "type", "help", "required", "default", "when", "placeholder", "options",
                            "min", "max", "min_length", "max_length", "min_words", "limits",
                            "pattern", "pattern_message", "format", "must_be"]
    static let optionKeys = ["id", "label", "help", "required"]
    static let limitKeys = ["count", "size", "types"]

    var values: ValueReader { ValueReader(sink: sink) }

    func form(_ mapping: YAMLMapping) -> FormDefinition? {
        let reader = MappingReader(mapping, context: "form", keys: Self.formKeys, sink: sink)
        let id = reader.identifier("form")
        let version = reader.integer("version", range: 1...1_000_000)
        let title = reader.label("title")
        let team = reader.identifier("team")
        let description = reader.label("description", required: false)
        let lifecycle = reader.identifier("lifecycle", required: false)
        var sections: [SectionDefinition] = []
        let items: [FieldItem]
        if reader.has("sections") {
            if reader.has("fields") {
                sink.error("a form has either 'fields' or 'sections', not both; move these fields into a section",
                           at: reader.keyLocation("fields"))
            }
            items = reader.required("sections").map { self.sections($0, into: &sections) } ?? []
        } else {
            items = reader.required("fields").map { fieldItems($0, context: "form") } ?? []
        }
        let rules = reader.optional("rules").map(rawRules) ?? []
        guard let id, let version, let title, let team else { return nil }
        var form = FormDefinition(id: id.id, version: version, title: title, team: team.id, description: description,
                                  lifecycleID: lifecycle?.id, items: items, fields: [], file: file, location: mapping.location,
                                  teamLocation: team.location)
        form.sections = sections
        form.rules = rules
        return form
    }

    func optionList(_ mapping: YAMLMapping) -> OptionList? {
        let reader = MappingReader(mapping, context: "option list", keys: ["option_list", "options"], sink: sink)
        let id = reader.identifier("option_list")
        let options = reader.required("options").map { self.options($0) } ?? []
        guard let id else { return nil }
        return OptionList(id: id.id, options: options, location: mapping.location)
    }

    func fieldGroup(_ mapping: YAMLMapping) -> FieldGroup? {
        let reader = MappingReader(mapping, context: "field group", keys: ["field_group", "title", "fields"], sink: sink)
        let id = reader.identifier("field_group")
        let title = reader.label("title", required: false)
        let items = reader.required("fields").map { fieldItems($0, context: "field group") } ?? []
        guard let id else { return nil }
        return FieldGroup(id: id.id, title: title, items: items, location: mapping.location)
    }

    func fieldItems(_ node: YAMLNode, context: String) -> [FieldItem] {
        guard case .sequence(let sequence) = node else {
            sink.error("expected a list of fields in \(context), found \(node.kindDescription)", at: node.location)
            return []
        }
        if sequence.items.isEmpty {
            sink.error("\(context) has no fields", at: sequence.location)
        }
        return sequence.items.compactMap { item -> FieldItem? in
            if case .mapping(let mapping) = item, mapping["group"] != nil {
                let reader = MappingReader(mapping, context: "group reference", keys: ["group"], sink: sink)
                return reader.identifier("group").map { .group(id: $0.id, location: $0.location) }
            }
            return field(item).map(FieldItem.field)
        }
    }

    func field(_ node: YAMLNode) -> FieldDefinition? {
        guard case .mapping(let mapping) = node else {
            sink.error("expected a field (a mapping with id, label and type), found \(node.kindDescription)",
                       at: node.location)
            return nil
        }
        let provisionalName = (mapping["id"].flatMap { if case .scalar(let s) = $0 { s.value } else { nil } })
            .map { "field '\($0)'" } ?? "field"
        if case .scalar(let type)? = mapping["type"], type.value == FieldType.note.rawValue {
            return note(mapping)
        }
        let reader = MappingReader(mapping, context: provisionalName, keys: Self.fieldKeys, sink: sink)
        let id = reader.identifier("id")
        let label = reader.label("label")
        let type = fieldType(reader)
        guard let id, let label, let type else { return nil }
        var field = FieldDefinition(id: id.id, label: label, type: type, location: mapping.location)
        field.help = reader.label("help", required: false)
        field.placeholder = reader.label("placeholder", required: false)
        if let required = reader.boolean("required") {
            field.required = required
            field.requiredWasWritten = true
        }
        decodeCondition(reader, into: &field)
        decodeOptions(reader, into: &field)
        decodeBounds(reader, into: &field)
        decodeRules(reader, into: &field)
        if let node = reader.optional("default") {
            field.defaultValue = defaultValue(node, for: field)
        }
        return field
    }

    private func fieldType(_ reader: MappingReader) -> FieldType? {
        guard let scalar = reader.scalar("type") else { return nil }
        if let type = FieldType(rawValue: scalar.value) { return type }
        let names = FieldType.allCases.map(\.rawValue)
        sink.error("unknown field type '\(scalar.value)'" + Suggestion.hintOrList(for: scalar.value, in: names),
                   at: scalar.location)
        return nil
    }

    func decodeCondition(_ reader: MappingReader, into field: inout FieldDefinition) {
        guard let (condition, start) = condition(reader, "when") else { return }
        field.condition = condition
        field.conditionLocation = start
    }

    /// The condition written at `key` and where its text starts; reports a syntax error.
    func condition(_ reader: MappingReader, _ key: String, required: Bool = false) -> (Condition, SourceLocation)? {
        guard let scalar = reader.scalar(key, required: required) else { return nil }
        let start = scalar.contentLocation
        do {
            return (try Condition.parse(scalar.value), start)
        } catch {
            sink.error("invalid condition: \(error.message)", at: start.advanced(by: error.offset))
            return nil
        }
    }

    private func decodeOptions(_ reader: MappingReader, into field: inout FieldDefinition) {
        let node = reader.optional("options")
        guard field.type.hasOptions else {
            if node != nil {
                sink.error("'options' only applies to choice and multichoice fields, and '\(field.id)' is \(field.type.rawValue)",
                           at: reader.keyLocation("options"))
            }
            return
        }
        guard let node else {
            sink.error("\(field.type.rawValue) field '\(field.id)' needs 'options': a list or the id of an option_list",
                       at: field.location)
            return
        }
        if case .scalar = node, let reference = values.identifier(node, what: "'options'") {
            field.optionListID = reference.id
            field.optionListLocation = reference.location
            return
        }
        field.options = options(node)
    }

    private func decodeBounds(_ reader: MappingReader, into field: inout FieldDefinition) {
        let numeric = field.type == .number || field.type == .multichoice
        let dated = field.type == .date || field.type == .datetime
        for key in ["min", "max"] where reader.has(key) && !numeric && !dated {
            sink.error("'\(key)' only applies to number, multichoice, date and datetime fields, and '\(field.id)' is \(field.type.rawValue)",
                       at: reader.keyLocation(key))
        }
        if dated { decodeDateBounds(reader, into: &field) }
        if numeric {
            field.minimum = reader.number("min", required: false)
            field.maximum = reader.number("max", required: false)
            if let low = field.minimum, let high = field.maximum, low > high {
                sink.error("'min' (\(ValueReader.format(low))) is greater than 'max' (\(ValueReader.format(high)))",
                           at: reader.keyLocation("min"))
            }
        }
        let textual = [.text, .multiline, .secret].contains(field.type)
        for key in ["min_length", "max_length", "min_words"] where reader.has(key) && !textual {
            sink.error("'\(key)' only applies to text, multiline and secret fields, and '\(field.id)' is \(field.type.rawValue)",
                       at: reader.keyLocation(key))
        }
        if textual {
            field.minimumLength = reader.integer("min_length", required: false, range: 0...1_000_000)
            field.maximumLength = reader.integer("max_length", required: false, range: 1...1_000_000)
            field.minimumWords = reader.integer("min_words", required: false, range: 1...1_000)
            if let low = field.minimumLength, let high = field.maximumLength, low > high {
                sink.error("'min_length' (\(low)) is greater than 'max_length' (\(high))", at: reader.keyLocation("min_length"))
            }
        }
        if reader.has("limits"), field.type != .files {
            sink.error("'limits' only applies to files fields, and '\(field.id)' is \(field.type.rawValue)",
                       at: reader.keyLocation("limits"))
        }
        if field.type == .files {
            field.fileLimits = reader.optional("limits").map(limits) ?? .default
        }
    }

    func limits(_ node: YAMLNode) -> FileLimits {
        var result = FileLimits.default
        guard let reader = MappingReader(node, context: "limits", keys: Self.limitKeys, sink: sink) else { return result }
        if let count = reader.integer("count", required: false, range: 1...1000) { result.count = count }
        if let scalar = reader.scalar("size", required: false) {
            if let size = FileLimits.parseSize(scalar.value) {
                result.size = size
            } else {
                sink.error("expected a size such as 500KB, 10MB or 1GB for 'size', found '\(scalar.value)'", at: scalar.location)
            }
        }
        if let node = reader.optional("types") {
            result.types = values.list(node, what: "'types'") { item -> String? in
                guard let text = values.string(item, what: "a file type") else { return nil }
                let valid = text.hasPrefix(".") ? text.count > 1 : text.split(separator: "/").count == 2
                if !valid {
                    sink.error("'\(text)' is not a file type; write a media type (application/pdf), a family (image/*) or an extension (.csv)",
                               at: item.location)
                    return nil
                }
                return text
            }
        }
        return result
    }

    func options(_ node: YAMLNode) -> [OptionDefinition] {
        guard case .sequence(let sequence) = node else {
            sink.error("expected a list of options, found \(node.kindDescription)", at: node.location)
            return []
        }
        if sequence.items.isEmpty {
            sink.error("an option list needs at least one option", at: sequence.location)
        }
        var seen: [String: SourceLocation] = [:]
        return sequence.items.compactMap { item -> OptionDefinition? in
            guard let reader = MappingReader(item, context: "option", keys: Self.optionKeys, sink: sink),
                  let id = reader.identifier("id"), let label = reader.label("label") else { return nil }
            if let first = seen[id.id] {
                sink.error("duplicate option id '\(id.id)'", at: id.location, notes: [.init("first defined here", at: first)])
                return nil
            }
            seen[id.id] = id.location
            var option = OptionDefinition(id: id.id, label: label, help: reader.label("help", required: false),
                                          location: reader.location)
            option.required = reader.boolean("required") ?? false
            return option
        }
    }

    /// Decodes a `default:` for the field's type; option ids are checked later by the linker.
    private func defaultValue(_ node: YAMLNode, for field: FieldDefinition) -> AnswerValue? {
        let what = "the default of '\(field.id)'"
        switch field.type {
        case .text, .multiline, .email, .account:
            return values.scalar(node, what: what).map { .text($0.value) }
        case .note:
            return nil
        case .datetime:
            return written(node, what: what, as: "a date and time as YYYY-MM-DDTHH:MM") { LocalDateTime(iso: $0).map(AnswerValue.dateTime) }
        case .secret, .files:
            sink.error("\(field.type.rawValue) fields cannot have a default", at: node.location)
            return nil
        case .number:
            return values.number(node, what: what).map(AnswerValue.number)
        case .boolean:
            return values.boolean(node, what: what).map(AnswerValue.boolean)
        case .date:
            return written(node, what: what, as: "a date as YYYY-MM-DD") { LocalDate(iso: $0).map(AnswerValue.date) }
        case .choice:
            return values.identifier(node, what: what).map { .choice($0.id) }
        case .multichoice:
            return .choices(values.list(node, what: what) { values.identifier($0, what: what)?.id })
        }
    }

    /// A scalar read by `parse`; reports "expected `expected` for `what`, found '…'" when it fails.
    private func written(_ node: YAMLNode, what: String, as expected: String, _ parse: (String) -> AnswerValue?) -> AnswerValue? {
        guard let scalar = values.scalar(node, what: what) else { return nil }
        guard let value = parse(scalar.value) else {
            sink.error("expected \(expected) for \(what), found '\(scalar.value)'", at: scalar.location)
            return nil
        }
        return value
    }
}
