/// Renders a form as Markdown (`formrunner forms show ID --markdown`), for documentation pages.
public struct FormMarkdown: Sendable {
    public var language: String

    public init(language: String = "en") {
        self.language = language
    }

    public func render(_ form: FormDefinition) -> String {
        var out = "# \(form.title.text(in: language))\n\n"
        out += "`\(form.id)` · version \(form.version) · team \(form.team)\n\n"
        if let description = form.description { out += description.text(in: language) + "\n\n" }
        out += "| # | Field | Id | Type | Required | Details |\n|---|---|---|---|---|---|\n"
        for (index, field) in form.fields.enumerated() {
            let required = field.condition != nil ? "when shown" : (field.required ? "yes" : "no")
            out += "| \(index + 1) | \(cell(field.label.text(in: language))) | `\(field.id)` | \(field.type.rawValue) | \(required) | \(cell(details(field))) |\n"
        }
        for field in form.fields where field.type.hasOptions {
            out += "\n**\(cell(field.label.text(in: language)))** options:\n\n"
            for option in field.options {
                out += "- `\(option.id)`: \(option.label.text(in: language))\n"
            }
        }
        return out
    }

    private func details(_ field: FieldDefinition) -> String {
        var parts: [String] = []
        if let help = field.help { parts.append(help.text(in: language)) }
        if let condition = field.condition { parts.append("asked when `\(condition.source)`") }
        if let low = field.minimum { parts.append("min \(AnswerValue.number(low).plainText)") }
        if let high = field.maximum { parts.append("max \(AnswerValue.number(high).plainText)") }
        if let low = field.minimumLength { parts.append("at least \(low) characters") }
        if let words = field.minimumWords { parts.append("at least \(words) words") }
        if let high = field.maximumLength { parts.append("at most \(high) characters") }
        if let limits = field.fileLimits {
            let types = limits.types.isEmpty ? "any type" : limits.types.joined(separator: ", ")
            parts.append("up to \(limits.count) files of \(FileLimits.describe(size: limits.size)); \(types)")
        }
        if let value = field.defaultValue { parts.append("default `\(value.plainText)`") }
        return parts.joined(separator: "; ")
    }

    /// Escapes the characters that would break a table cell.
    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
