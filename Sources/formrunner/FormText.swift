import FormrunnerCore

/// A form as plain text for `forms show ID`.
enum FormText {
    static func render(_ form: FormDefinition) -> String {
        var out = "\(form.title.english)  (\(form.id), version \(form.version), team \(form.team))\n"
        for field in form.fields {
            if field.type == .note {
                out += "  (note) \(field.text?.english.split(separator: "\n").first.map(String.init) ?? "")\n"
                continue
            }
            out += "  " + line(field)
            for option in field.options {
                out += "      - \(option.id): \(option.label.english)\n"
            }
            if field.type == .group {
                out += "      \(FormMarkdown.itemRange(field.itemCount)), each with:\n"
                for item in field.itemFields {
                    out += "      \(field.id)[].\(line(item))"
                    for option in item.options { out += "          - \(option.id): \(option.label.english)\n" }
                }
            }
        }
        return out
    }

    /// `id: Label [type, required]`.
    private static func line(_ field: FieldDefinition) -> String {
        let required = field.condition != nil ? "when \(field.condition?.source ?? "")" : (field.required ? "required" : "optional")
        return "\(field.id): \(field.label.english) [\(field.type.rawValue), \(required)]\n"
    }
}
