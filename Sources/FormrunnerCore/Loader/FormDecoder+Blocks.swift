/// Content blocks and form structure: `type: note`, `sections:` and form-level `rules:`.
extension FormDecoder {
    static let noteKeys = ["id", "type", "text", "when"]
    static let sectionKeys = ["title", "help", "when", "fields"]
    static let ruleKeys = ["check", "message", "field"]

    /// A `type: note` entry: Markdown shown between questions. Its id is optional.
    func note(_ mapping: YAMLMapping) -> FieldDefinition? {
        let reader = MappingReader(mapping, context: "note", keys: Self.noteKeys + Self.fieldKeys, sink: sink)
        for entry in mapping.entries where !Self.noteKeys.contains(entry.key.value) {
            let message = entry.key.value == "label"
                ? "a note has no 'label'; write its Markdown in 'text'"
                : "'\(entry.key.value)' does not apply to a note, which is shown and never asked"
            sink.error(message, at: entry.key.location)
        }
        let text = reader.has("label") && !reader.has("text") ? nil : reader.label("text")
        let id = reader.has("id") ? reader.identifier("id") : nil
        guard let text else { return nil }
        var note = FieldDefinition(id: id?.id ?? "_note_\(mapping.location.line)", label: text, type: .note, location: mapping.location)
        note.text = text
        note.required = false
        decodeCondition(reader, into: &note)
        return note
    }

    /// The sections of a form; returns their fields, in order (each section knows its range of them).
    func sections(_ node: YAMLNode, into sections: inout [SectionDefinition]) -> [FieldItem] {
        guard case .sequence(let sequence) = node, !sequence.items.isEmpty else {
            sink.error("expected a list of sections (each with a title and fields), found \(node.kindDescription)", at: node.location)
            return []
        }
        var items: [FieldItem] = []
        for item in sequence.items {
            guard let reader = MappingReader(item, context: "section", keys: Self.sectionKeys, sink: sink) else { continue }
            let title = reader.label("title")
            let help = reader.label("help", required: false)
            let fields = reader.required("fields").map { fieldItems($0, context: "section") } ?? []
            guard let title else { continue }
            var section = SectionDefinition(title: title, help: help, location: reader.location)
            if let (condition, start) = condition(reader, "when") {
                section.condition = condition
                section.conditionLocation = start
            }
            section.items = items.count..<(items.count + fields.count)
            sections.append(section)
            items += fields
        }
        return items
    }

    /// The `rules:` of a form; their fields are resolved by the linker.
    func rawRules(_ node: YAMLNode) -> [FormRule] {
        guard case .sequence(let sequence) = node else {
            sink.error("expected a list of rules (each with check and message), found \(node.kindDescription)", at: node.location)
            return []
        }
        return sequence.items.compactMap { item -> FormRule? in
            guard let reader = MappingReader(item, context: "rule", keys: Self.ruleKeys, sink: sink) else { return nil }
            let check = condition(reader, "check", required: true)
            let message = reader.label("message")
            let field = reader.identifier("field", required: false)
            guard let (check, start) = check, let message else { return nil }
            return FormRule(check: check, checkLocation: start, message: message, field: field?.id ?? "",
                            fieldLocation: field?.location, location: reader.location)
        }
    }
}
