/// The body elements of an issue form, one by one.
extension GitHubIssueFormImporter {
    static let attributeKeys: [String: [String]] = [
        "markdown": ["value"],
        "input": ["label", "description", "placeholder", "value"],
        "textarea": ["label", "description", "placeholder", "value", "render"],
        "dropdown": ["label", "description", "multiple", "options", "default"],
        "checkboxes": ["label", "description", "options"],
    ]

    func element(_ node: YAMLNode, number: Int, ledger: ImportLedger) -> ImportedForm.Field? {
        let line = node.location.line
        guard case .mapping(let mapping) = node else {
            ledger.lose("expected a mapping with 'type' and 'attributes', found \(node.kindDescription)", subject: "element \(number)", line: line)
            return nil
        }
        guard case .scalar(let typeScalar)? = mapping["type"], Self.elementTypes.contains(typeScalar.value) else {
            let written = mapping["type"].map(Self.text) ?? ""
            let name = Self.scalarText(mapping["id"]).map { "element '\($0)'" } ?? "element \(number)"
            ledger.lose(written.isEmpty ? "it has no 'type'" : "unknown element type '\(written)' (an issue form has "
                        + Self.elementTypes.joined(separator: ", ") + ")",
                        subject: written.isEmpty ? name : "\(name) (type \(written))", line: line)
            return nil
        }
        let type = typeScalar.value
        guard case .mapping(let attributes)? = mapping["attributes"] else {
            ledger.lose("it has no 'attributes'", subject: "element \(number) (type \(type))", line: line)
            return nil
        }
        let labelText = Self.scalarText(attributes["label"])
        let wantedID = Self.scalarText(mapping["id"]) ?? labelText ?? ""
        let id = ledger.fieldID(wantedID, fallback: type == "markdown" ? "note_\(number)" : "field_\(number)")
        let subject = type == "markdown" && mapping["id"] == nil ? "element \(number) (type markdown)" : "element '\(id)' (type \(type))"
        for entry in mapping.entries where !["type", "id", "attributes", "validations"].contains(entry.key.value) {
            ledger.lose("unknown key '\(entry.key.value)'", subject: subject, line: entry.key.location.line)
        }
        for entry in attributes.entries where !(Self.attributeKeys[type] ?? []).contains(entry.key.value) {
            ledger.lose("attribute '\(entry.key.value)' (a \(type) element has " + (Self.attributeKeys[type] ?? []).joined(separator: ", ") + ")",
                        subject: subject, line: entry.key.location.line)
        }
        if type == "markdown" {
            if let validations = mapping.entry("validations") {
                ledger.lose("validations (a markdown element asks nothing)", subject: subject, line: validations.key.location.line)
            }
            guard let value = Self.scalarText(attributes["value"]) else {
                ledger.lose("it has no 'value', the Markdown to show", subject: subject, line: line)
                return nil
            }
            var note = ImportedForm.Field(id: mapping["id"] == nil ? nil : id, label: nil, type: .note)
            note.text = .init(Self.trimmed(value))
            return note
        }
        var field = ImportedForm.Field(id: id, label: .init(labelText ?? id), type: .text)
        if labelText == nil {
            ledger.lose("it has no 'label'; the field is labelled with its id", subject: subject, line: line)
        }
        field.help = Self.scalarText(attributes["description"]).map { .init(Self.trimmed($0)) }
        field.required = required(mapping, subject: subject, ledger: ledger)
        switch type {
        case "input", "textarea":
            field.type = type == "input" ? .text : .multiline
            field.placeholder = Self.scalarText(attributes["placeholder"]).map { .init(Self.trimmed($0)) }
            field.defaultValue = Self.scalarText(attributes["value"]).map { .text(Self.trimmed($0)) }
            if let render = attributes.entry("render") {
                ledger.lose("render: \(Self.text(render.value)) (the answer is kept as plain text, not shown as a code block)",
                            subject: subject, line: render.key.location.line)
            }
        case "dropdown":
            dropdown(attributes, into: &field, subject: subject, ledger: ledger)
        default:
            checkboxes(attributes, into: &field, subject: subject, ledger: ledger)
        }
        return field
    }

    /// `validations.required` (GitHub's default is `false`, formrunner's `true`: always written).
    private func required(_ mapping: YAMLMapping, subject: String, ledger: ImportLedger) -> Bool {
        guard let node = mapping["validations"] else { return false }
        guard case .mapping(let validations) = node else {
            ledger.lose("validations: expected a mapping with 'required', found \(node.kindDescription)", subject: subject, line: node.location.line)
            return false
        }
        for entry in validations.entries where entry.key.value != "required" {
            ledger.lose("validation '\(entry.key.value)' (GitHub has only 'required')", subject: subject, line: entry.key.location.line)
        }
        guard let entry = validations.entry("required") else { return false }
        guard let value = Self.boolean(entry.value) else {
            ledger.lose("required: '\(Self.text(entry.value))' is not true or false", subject: subject, line: entry.key.location.line)
            return false
        }
        return value
    }

    private func dropdown(_ attributes: YAMLMapping, into field: inout ImportedForm.Field, subject: String, ledger: ImportLedger) {
        let multiple = Self.boolean(attributes["multiple"]) ?? false
        guard case .sequence(let list)? = attributes["options"], !list.items.isEmpty else {
            ledger.lose("it has no 'options'; it is asked as text", subject: subject, line: attributes.location.line)
            return
        }
        let labels = list.items.map(Self.text)
        let ids = ImportSlug.optionIDs(labels)
        field.type = multiple ? .multichoice : .choice
        field.options = zip(ids, labels).map { ImportedForm.Option(id: $0, label: .init($1)) }
        guard let entry = attributes.entry("default") else { return }
        guard let index = Int(Self.text(entry.value)), ids.indices.contains(index) else {
            ledger.lose("default \(Self.text(entry.value)) (not the index of one of its \(ids.count) options)", subject: subject, line: entry.key.location.line)
            return
        }
        field.defaultValue = .raw(multiple ? "[\(ids[index])]" : ids[index])
    }

    private func checkboxes(_ attributes: YAMLMapping, into field: inout ImportedForm.Field, subject: String, ledger: ImportLedger) {
        guard case .sequence(let list)? = attributes["options"], !list.items.isEmpty else {
            ledger.lose("it has no 'options'; it is asked as text", subject: subject, line: attributes.location.line)
            return
        }
        var labels: [String] = [], required: [Bool] = []
        for item in list.items {
            guard case .mapping(let option) = item else {
                labels.append(Self.text(item))
                required.append(false)
                continue
            }
            for entry in option.entries where !["label", "required"].contains(entry.key.value) {
                ledger.lose("option key '\(entry.key.value)' (an option has label and required)", subject: subject, line: entry.key.location.line)
            }
            labels.append(Self.scalarText(option["label"]) ?? "")
            required.append(Self.boolean(option["required"]) ?? false)
        }
        field.type = .multichoice
        field.options = zip(ImportSlug.optionIDs(labels), zip(labels, required)).map {
            ImportedForm.Option(id: $0, label: .init($1.0.isEmpty ? $0 : $1.0), required: $1.1)
        }
    }

    /// A scalar's text; `nil` for a missing, null or non-scalar value.
    static func scalarText(_ node: YAMLNode?) -> String? {
        guard case .scalar(let scalar)? = node, !scalar.isNull else { return nil }
        return scalar.value
    }

    /// Text without the newlines and blanks a block scalar leaves at its end.
    static func trimmed(_ text: String) -> String {
        var text = text
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
