import Foundation
import FormrunnerCore
import Testing

/// Issue forms with broken or unusual elements: each problem is a loss at its line, never a crash
/// or a silently wrong field.
@Suite("GitHub issue form importer")
struct GitHubIssueFormImporterTests {
    func imported(_ yaml: String) throws(ImportFailure) -> ImportResult {
        try GitHubIssueFormImporter().importForm(Data(yaml.utf8), path: "f.yml")
    }

    @Test("elements GitHub would refuse are reported at their line and the rest imported")
    func brokenElements() throws {
        let result = try imported("""
        name: Odd
        body:
          - just text
          - attributes: {label: No type}
          - type: input
          - type: dropdown
            id: pick
            attributes:
              label: Pick
              options: [A, B]
              default: 5
              colour: red
          - type: input
            attributes: {description: Unlabelled}
            validations: {required: maybe, max: 3}
          - type: markdown
            attributes: {value: Hi}
            validations: {required: true}
          - type: checkboxes
            attributes:
              label: Boxes
              options:
                - {label: One, hint: x}
          - type: dropdown
            attributes: {label: Empty}
        """)
        #expect(result.losses.map(\.description) == [
            "f.yml:3: element 1: not carried over: expected a mapping with 'type' and 'attributes', found text 'just text'",
            "f.yml:4: element 2: not carried over: it has no 'type'",
            "f.yml:5: element 3 (type input): not carried over: it has no 'attributes'",
            "f.yml:11: element 'pick' (type dropdown): not carried over: default 5 (not the index of one of its 2 options)",
            "f.yml:12: element 'pick' (type dropdown): not carried over: attribute 'colour' (a dropdown element has label, description, multiple, options, default)",
            "f.yml:13: element 'field_5' (type input): not carried over: it has no 'label'; the field is labelled with its id",
            "f.yml:15: element 'field_5' (type input): not carried over: validation 'max' (GitHub has only 'required')",
            "f.yml:15: element 'field_5' (type input): not carried over: required: 'maybe' is not true or false",
            "f.yml:18: element 6 (type markdown): not carried over: validations (a markdown element asks nothing)",
            "f.yml:23: element 'boxes' (type checkboxes): not carried over: option key 'hint' (an option has label and required)",
            "f.yml:25: element 'empty' (type dropdown): not carried over: it has no 'options'; it is asked as text",
        ])
        #expect(result.form.fields.map { $0.id ?? "-" } == ["pick", "field_5", "-", "boxes", "empty"])
        #expect(result.form.fields.map(\.type) == [.choice, .text, .note, .multichoice, .text])
    }

    @Test("a file that is not an issue form is refused at its place", arguments: [
        ("", "f.yml:1:1: error: file is empty; expected a GitHub issue form (name, description, body)"),
        ("name: x\nbody: text\n", "f.yml:2:7: error: 'body' must be a list of elements (markdown, input, textarea, dropdown, checkboxes), found text 'text'"),
        ("body: []\n", "f.yml:1:1: error: not a GitHub issue form: it has no 'name'"),
        ("name: &a x\nbody: [*a]\n", "f.yml:1:7: error: anchors and aliases are not supported by the importer; write each value out in full"),
    ])
    func refused(_ yaml: String, _ message: String) {
        do {
            _ = try imported(yaml)
            Issue.record("accepted \(yaml)")
        } catch {
            #expect(error.diagnostics.map(\.description) == [message])
        }
    }
}
