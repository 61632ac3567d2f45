import FormrunnerCore

/// A form as plain text for `forms show ID`.
enum FormText {
    static func render(_ form: FormDefinition) -> String {
        var out = "\(form.title.english)  (\(form.id), version \(form.version), team \(form.team))\n"
        for field in form.fields {
            let required = field.condition != nil ? "when \(field.condition?.source ?? "")" : (field.required ? "required" : "optional")
            out += "  \(field.id): \(field.label.english) [\(field.type.rawValue), \(required)]\n"
            for option in field.options {
                out += "      - \(option.id): \(option.label.english)\n"
            }
        }
        return out
    }
}
