import Foundation
import FormrunnerCore
import Testing

/// Small SurveyJS surveys through the importer: the shape of the form and the losses it reports.
@Suite("SurveyJS importer")
struct SurveyJSImporterTests {
    func imported(_ json: String) throws(ImportFailure) -> ImportResult {
        try SurveyJSImporter(settings: ImportSettings(team: "support")).importSurvey(Data(json.utf8), path: "s.json")
    }

    @Test("a survey without pages gives a form without sections, its title slugged to the form id")
    func flat() throws {
        let result = try imported("""
        {"title": "Quick poll", "elements": [
          {"type": "boolean", "name": "happy", "title": "Happy?", "isRequired": true},
          {"type": "comment", "name": "why", "visibleIf": "{happy} = false"}
        ]}
        """)
        #expect(result.losses.isEmpty)
        #expect(result.form.yaml.hasSuffix("""
        form: quick-poll
        version: 1
        title: Quick poll
        team: support
        fields:
          - id: happy
            label: Happy?
            type: boolean
            required: true
          - id: why
            label: why
            type: multiline
            required: false
            when: happy == false

        """))
    }

    @Test("a condition on a later question is left out and reported at its line")
    func laterQuestion() throws {
        let result = try imported("""
        {"elements": [
          {"type": "text", "name": "a",
           "visibleIf": "{b} notempty"},
          {"type": "text", "name": "b"}
        ]}
        """)
        #expect(result.losses.map(\.description) == [
            "s.json:3: element 'a' (type text): not carried over: visibleIf '{b} notempty' (it reads '{b}', which is not a question imported before it); the field is always shown",
        ])
        #expect(result.form.fields.first?.when == nil)
    }

    @Test("a file that is not a survey is refused at its place", arguments: [
        ("[1]", "s.json:1:1: error: not a SurveyJS survey: expected an object with 'pages' or 'elements', found a list"),
        ("{\"title\": \"x\"}", "s.json:1:1: error: not a SurveyJS survey: expected an object with 'pages' or 'elements', found an object with neither"),
        ("{\n  \"pages\": [}\n", "s.json:2:13: error: malformed JSON: unexpected '}'; expected a value"),
        ("[" + String(repeating: " ", count: 1_048_576) + "]", "s.json:1:1: error: file is too large (1048578 bytes; imported files are limited to 1048576 bytes)"),
    ])
    func refused(_ json: String, _ message: String) {
        do {
            _ = try imported(json)
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.diagnostics.map(\.description) == [message])
        }
    }
}
