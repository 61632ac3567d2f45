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
            let required = field.condition != nil ? "when \(field.condition?.source ?? "")" : (field.required ? "required" : "optional")
            out += "  \(field.id): \(field.label.english) [\(field.type.rawValue), \(required)]\n"
            for option in field.options {
                out += "      - \(option.id): \(option.label.english)\n"
            }
        }
        return out
    }
}
