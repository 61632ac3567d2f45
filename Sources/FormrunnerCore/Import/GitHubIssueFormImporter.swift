import Foundation

/// Reads a GitHub issue form (`.github/ISSUE_TEMPLATE/*.yml`) and builds the formrunner form that
/// asks the same questions, listing what it cannot carry over with the line it is written on.
///
/// `markdown` becomes a note, `input` a text field, `textarea` a multiline field, `dropdown` a
/// choice (a multichoice with `multiple: true`) and `checkboxes` a multichoice whose options keep
/// their `required`. An element's `id` (or its label, slugged) is the field id.
public struct GitHubIssueFormImporter: Sendable {
    public var settings: ImportSettings

    public init(settings: ImportSettings = ImportSettings()) {
        self.settings = settings
    }

    static let topKeys = ["name", "description", "title", "labels", "assignees", "projects", "type", "body"]
    static let elementTypes = ["markdown", "input", "textarea", "dropdown", "checkboxes"]

    /// Imports the issue form held in `data`, read from `path` (the name the report gives).
    public func importForm(_ data: Data, path: String) throws(ImportFailure) -> ImportResult {
        let read = YAMLReader(purpose: .imports).read(data, path: path)
        guard let root = read.root, !read.diagnostics.hasErrors else { throw ImportFailure(read.diagnostics, source: read.text) }
        func shape(_ message: String, at location: SourceLocation) -> ImportFailure {
            ImportFailure([.error(message, at: location)], source: read.text)
        }
        guard case .mapping(let top) = root else {
            throw shape("not a GitHub issue form: expected a mapping with 'name', 'description' and 'body', found \(root.kindDescription)",
                        at: root.location)
        }
        guard let nameNode = top["name"], case .scalar(let name) = nameNode, !name.isNull else {
            throw shape("not a GitHub issue form: it has no 'name'", at: top.location)
        }
        guard let bodyNode = top["body"] else {
            throw shape("not a GitHub issue form: it has no 'body', the list of its elements", at: top.location)
        }
        guard case .sequence(let body) = bodyNode, !body.items.isEmpty else {
            throw shape("'body' must be a list of elements (markdown, input, textarea, dropdown, checkboxes), found \(bodyNode.kindDescription)",
                        at: bodyNode.location)
        }
        let ledger = ImportLedger(file: path)
        let formID = settings.formID ?? Self.fallbackID(ImportSlug.formID(name.value), path: path)
        var form = ImportedForm(id: formID, title: .init(name.value), team: settings.team)
        if case .scalar(let description)? = top["description"], !description.isNull {
            form.description = .init(description.value)
        }
        topLevelLosses(top, ledger: ledger)
        for (index, item) in body.items.enumerated() {
            if let field = element(item, number: index + 1, ledger: ledger) { form.fields.append(field) }
        }
        form.comments = ["Imported from \((path as NSString).lastPathComponent) (a GitHub issue form) by `formrunner import github-issue-form`."]
        return ImportResult(form: form, losses: ledger.lossesByLine)
    }

    static func fallbackID(_ slug: String, path: String) -> String {
        if !slug.isEmpty { return slug }
        let name = ImportSlug.formID(((path as NSString).lastPathComponent as NSString).deletingPathExtension)
        return name.isEmpty ? "imported" : name
    }

    private func topLevelLosses(_ top: YAMLMapping, ledger: ImportLedger) {
        for entry in top.entries {
            let line = entry.key.location.line
            switch entry.key.value {
            case "name", "description", "body": continue
            case "title":
                ledger.lose("title '\(Self.text(entry.value))', the issue's default title (a ticket takes its title from a text field with id 'title')",
                            subject: "form", line: line)
            case "labels":
                ledger.lose("labels \(Self.text(entry.value)) (a formrunner form has no labels)", subject: "form", line: line)
            case "assignees":
                ledger.lose("assignees \(Self.text(entry.value)) (the team's 'assign' rule picks the agent)", subject: "form", line: line)
            case "projects":
                ledger.lose("projects \(Self.text(entry.value)) (a formrunner form is in no project)", subject: "form", line: line)
            case "type":
                ledger.lose("type '\(Self.text(entry.value))', the issue type (the form's id and team say what a ticket is)", subject: "form", line: line)
            default:
                ledger.lose("unknown key '\(entry.key.value)'", subject: "form", line: line)
            }
        }
    }

    /// A scalar's text, or a list's items joined by `, `.
    static func text(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let scalar): return scalar.value
        case .sequence(let sequence): return sequence.items.map(text).joined(separator: ", ")
        case .mapping: return "(a mapping)"
        }
    }

    /// `true`/`false` as GitHub reads them (YAML 1.1 words included).
    static func boolean(_ node: YAMLNode?) -> Bool? {
        guard case .scalar(let scalar)? = node else { return nil }
        switch scalar.value.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}
