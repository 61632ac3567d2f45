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
        let header = "| # | Field | Id | Type | Required | Details |\n|---|---|---|---|---|---|\n"
        var inTable = false, section: Int?, number = 0
        for field in form.fields {
            if field.section != section, let index = field.section {
                section = index
                out += (inTable ? "\n" : "") + heading(form.sections[index])
                inTable = false
            }
            if field.type == .note {
                out += (inTable ? "\n" : "") + (field.text?.text(in: language) ?? "") + "\n\n"
                if let condition = field.condition { out += "_(shown when `\(condition.source)`)_\n\n" }
                inTable = false
                continue
            }
            if !inTable { out += header }
            inTable = true
            number += 1
            let required = field.condition != nil || field.sectionCondition != nil ? "when shown" : (field.required ? "yes" : "no")
            out += "| \(number) | \(cell(field.label.text(in: language))) | `\(field.id)` | \(field.type.rawValue) | \(required) | \(cell(details(field))) |\n"
        }
        for field in form.fields where field.type.hasOptions {
            out += "\n**\(cell(field.label.text(in: language)))** options:\n\n"
            for option in field.options {
                out += "- `\(option.id)`: \(option.label.text(in: language))\(option.required ? " (must be chosen)" : "")\n"
            }
        }
        if !form.rules.isEmpty {
            out += "\n**Rules:**\n\n"
            for rule in form.rules {
                out += "- `\(rule.check.source)`, else at `\(rule.field)`: \(rule.message.text(in: language))\n"
            }
        }
        return out
    }

    /// `## Title`, the section's help and its condition.
    private func heading(_ section: SectionDefinition) -> String {
        var out = "## \(section.title.text(in: language))\n\n"
        if let help = section.help { out += help.text(in: language) + "\n\n" }
        if let condition = section.condition { out += "_(shown when `\(condition.source)`)_\n\n" }
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
        if let format = field.format { parts.append("format \(format.rawValue)") }
        if let pattern = field.pattern { parts.append("matches `\(pattern.source)`") }
        if let low = field.earliest { parts.append("from \(low)") }
        if let high = field.latest { parts.append("until \(high)") }
        if let value = field.mustBe { parts.append("must be \(value ? "yes" : "no")") }
        if field.type == .datetime, let zone = field.timeZone { parts.append("\(zone.identifier) time") }
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
