import FormrunnerCore

/// How answers read on the review screen and as defaults: option labels rather than ids, `yes`/`no`,
/// file names with sizes, and never a secret.
struct AnswerDisplay {
    let language: String

    /// The answer to `field` for people; `—` when there is none.
    func text(_ value: AnswerValue?, for field: FieldDefinition) -> String {
        guard let value else { return "—" }
        if field.type == .secret { return secretMask }
        switch value {
        case .boolean(let answer): return (answer ? RequesterText.yes : RequesterText.no).text(language)
        case .choice(let id): return label(of: id, in: field)
        case .choices(let ids): return ids.isEmpty ? "—" : ids.map { label(of: $0, in: field) }.joined(separator: ", ")
        case .files(let files):
            return files.isEmpty ? "—" : files.map { "\($0.name) (\(FileLimits.describe(size: $0.size)))" }.joined(separator: ", ")
        case .items(let items):
            return items.isEmpty ? "—" : field.itemLines(items, language: language) { text($0, for: $1) }
        default: return value.plainText
        }
    }

    private func label(of id: String, in field: FieldDefinition) -> String {
        field.option(id)?.label.text(in: language) ?? id
    }
}
