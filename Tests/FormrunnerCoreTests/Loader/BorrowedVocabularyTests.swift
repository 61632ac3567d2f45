import Foundation
import FormrunnerCore
import Testing

@Suite("Words from other form tools get a hint in formrunner's terms")
struct BorrowedVocabularyTests {
    /// The headlines of a form whose one field is `field` (lines indented under `- `).
    static func headlines(field: String, before: String = "") -> [String] {
        let text = "form: demo.a\nversion: 1\ntitle: Demo\nteam: technical\nfields:\n" + before + "  - " + field + "\n"
        return CatalogLoader().load(documents: [.init(path: "Forms/a.yaml", data: Data(text.utf8))]).diagnostics.map(\.headline)
    }

    @Test("field types from HTML, GitHub issue forms and SurveyJS", arguments: [
        ("textarea", "multiline"), ("input", "text"), ("dropdown", "choice"), ("checkboxes", "multichoice"),
    ])
    func fieldTypes(_ borrowed: String, _ native: String) {
        #expect(Self.headlines(field: "{id: a, label: A, type: \(borrowed)}") == [
            "Forms/a.yaml:6:29: error: unknown field type '\(borrowed)'; formrunner calls it '\(native)' [FR0301]",
        ])
    }

    @Test("'description' is a field's 'help'")
    func description() {
        #expect(Self.headlines(field: "{id: a, label: A, type: text, description: More}") == [
            "Forms/a.yaml:6:35: error: unknown key 'description' in field 'a'; formrunner calls it 'help' [FR0201]",
        ])
    }

    @Test("an option's 'value' is its 'id'")
    func value() {
        #expect(Self.headlines(field: "{id: a, label: A, type: choice, options: [{value: x, label: X}]}") == [
            "Forms/a.yaml:6:48: error: unknown key 'value' in option; formrunner calls it 'id' [FR0201]",
        ])
    }

    @Test("'validations' become the field's own rule keys")
    func validations() {
        #expect(Self.headlines(field: "{id: a, label: A, type: text, validations: {required: true}}") == [
            "Forms/a.yaml:6:35: error: unknown key 'validations' in field 'a'; formrunner has no list of validations: "
                + "write each rule as a key of the field (required, min, max, min_length, max_length, min_words, pattern, format, must_be, limits) [FR0201]",
        ])
    }

    @Test("SurveyJS's visibleIf and FHIR's enableWhen are 'when'", arguments: ["visibleIf", "enableWhen"])
    func when(_ key: String) {
        let column = 35
        #expect(Self.headlines(field: "{id: a, label: A, type: text, \(key): x}") == [
            "Forms/a.yaml:6:\(column): error: unknown key '\(key)' in field 'a'; formrunner calls it 'when' "
                + "(a condition such as: kind == \"setup\") [FR0201]",
        ])
    }

    @Test("a SurveyJS condition {x} = 'y' is shown rewritten")
    func surveyJSCondition() {
        let kind = "  - {id: kind, label: Kind, type: choice, options: [{id: setup, label: Setup}]}\n"
        #expect(Self.headlines(field: "{id: a, label: A, type: text, when: \"{kind} = 'setup'\"}", before: kind) == [
            "Forms/a.yaml:7:42: error: invalid condition: unknown character '{'; fields are named without braces "
                + "and compared with '==': kind == 'setup' [FR0401]",
        ])
    }

    @Test("a bare option id is shown quoted")
    func bareOption() {
        let kind = "  - {id: kind, label: Kind, type: choice, options: [{id: setup, label: Setup}]}\n"
        #expect(Self.headlines(field: "{id: a, label: A, type: text, when: kind == setup}", before: kind) == [
            "Forms/a.yaml:7:49: error: invalid condition: 'setup' is an option of 'kind', not a field; put it in quotes: \"setup\" [FR0402]",
        ])
    }

    @Test("a bare word compared with a text field is shown quoted")
    func bareWord() {
        let name = "  - {id: name, label: Name, type: text}\n"
        #expect(Self.headlines(field: "{id: a, label: A, type: text, when: name == Alice}", before: name) == [
            "Forms/a.yaml:7:49: error: invalid condition: unknown field 'Alice'; to compare with the text 'Alice', "
                + "put it in quotes: \"Alice\" [FR0402]",
        ])
    }
}
