import Foundation
import FormrunnerCore

/// The repository's own catalog, and a small catalog with one field of every type.
enum Catalogs {
    /// The repository root, which holds the real catalog.
    static let repository: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// The real catalog, loaded once.
    static let real: Catalog = CatalogLoader(root: repository).load().catalog

    /// A form of the real catalog.
    static func form(_ id: String) -> FormDefinition {
        guard let form = real.forms[id] else { fatalError("no form \(id) in the catalog") }
        return form
    }

    /// The 13 subjects of the financial support flow.
    static var financialSubjects: [StepDefinition.SubjectChoice.Subject] {
        for step in real.workflows["financial-support"]?.steps ?? [] {
            if case .subject(let choice) = step.kind { return choice.subjects }
        }
        return []
    }

    /// `test.everything`: one field of every type, with a condition, bounds and limits.
    static let everything: FormDefinition = {
        let root = NSTemporaryDirectory() + "formrunner-prompt-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try? FileManager.default.createDirectory(atPath: root + "/Forms", withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: root + "/Workflows", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root + "/Forms/everything.yaml", contents: Data(everythingYAML.utf8))
        let result = CatalogLoader(root: root).load()
        guard let form = result.catalog.forms["test.everything"] else {
            fatalError("test form did not load: \(result.diagnostics)")
        }
        return form
    }()

    private static let everythingYAML = """
    form: test.everything
    version: 1
    title: Everything
    team: testing
    description: One field of every type.
    fields:
      - id: title
        label: {en: Title, pt: Título}
        type: text
        help: A short summary.
        min_length: 5
      - id: details
        label: Details
        type: multiline
      - id: contact
        label: Contact e-mail
        type: email
      - id: quantity
        label: Quantity
        type: number
        min: 1
        max: 10
      - id: due
        label: Due date
        type: date
      - id: urgent
        label: Urgent?
        type: boolean
      - id: reason
        label: Reason
        type: choice
        options:
          - {id: billing, label: Billing}
          - {id: access, label: Access, help: Log-in problems}
          - {id: other, label: Something else}
      - id: other_reason
        label: Other reason
        type: text
        when: reason == "other"
      - id: channels
        label: Channels
        type: multichoice
        min: 1
        options:
          - {id: email, label: E-mail}
          - {id: sms, label: SMS}
          - {id: phone, label: Phone}
      - id: evidence
        label: Evidence
        type: files
        required: false
        limits: {count: 2, size: 1KB, types: [text/plain, .log]}
      - id: token
        label: API token
        type: secret
        min_length: 4
      - id: store
        label: Store
        type: account
      - id: notes
        label: Notes
        type: text
        required: false
    """
}
