import Foundation
import FormrunnerCore
import Testing

@Suite("Every problem of a file in one pass, without cascades")
struct OnePassDiagnosticsTests {
    /// The headlines (`path:line:col: error: message [code]`) of loading `files`, with their notes.
    static func headlines(_ files: [String: String]) -> [String] {
        let documents = files.keys.sorted().map { CatalogLoader.Document(path: $0, data: Data(files[$0]!.utf8)) }
        return CatalogLoader().load(documents: documents).diagnostics.flatMap { diagnostic in
            [diagnostic.headline] + diagnostic.notes.map { "\($0.location.map { "\($0): " } ?? "")note: \($0.message)" }
        }
    }

    @Test("the ten mistakes of one file are reported in one run, each once (golden: Fixtures/broken/ten-mistakes)")
    func tenMistakes() {
        let (_, result) = Fixtures.renderedDiagnostics(ofCatalogAt: Fixtures.root + "/broken/ten-mistakes")
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 10)
        #expect(Set(errors.compactMap { $0.location?.file }).count == 1)
        #expect(Set(errors.compactMap { $0.location?.line }).count == 10, "one error per mistake, each on its own line")
    }

    /// The start of a form, up to its `fields:` (ending in a line break).
    static let header = "form: demo.a\nversion: 1\ntitle: Demo\nteam: technical\nfields:\n"

    static let form = """
        \(Self.header)\
          - id: kind
            label: Kind
            type: text
          - id: summary
            label: "Summary
            type: text
          - id: details
            label: Details
            type: multiline
            placholder: More
            when: answered(summary) and answered(kind)

        """

    @Test("a YAML syntax error in one field leaves the other fields checked, and conditions may still use it")
    func syntaxErrorInAField() {
        #expect(Self.headlines(["Forms/a.yaml": Self.form]) == [
            "Forms/a.yaml:10:12: error: invalid YAML: the quoted text that starts here is not closed on its line [FR0101]",
            "Forms/a.yaml:17:1: note: the YAML reader stopped here: found unexpected end of stream",
            "Forms/a.yaml:15:5: error: unknown key 'placholder' in field 'details'; did you mean 'placeholder'? [FR0201]",
        ])
    }

    @Test("a syntax error in a top-level key leaves the other keys checked, and the key is not reported missing")
    func syntaxErrorInATopLevelKey() {
        let text = "form: demo.a\nversion: 0\ntitle: Demo: the first\nteam: technical\nfields:\n  - {id: a, label: A, type: txt}\n"
        #expect(Self.headlines(["Forms/a.yaml": text]) == [
            "Forms/a.yaml:2:10: error: 'version' must be between 1 and 1000000, found 0 [FR0205]",
            "Forms/a.yaml:3:12: error: invalid YAML: mapping values are not allowed in this context [FR0101]",
            "Forms/a.yaml:6:29: error: unknown field type 'txt'; did you mean 'text'? [FR0301]",
        ])
    }

    @Test("a file broken in hundreds of places is read again at most 20 times, so a hostile file stays cheap")
    func recoveryIsBounded() {
        let fields = (0..<500).map { "  - id: f\($0)\n    label: \"F\($0)\n    type: text\n" }.joined()
        let errors = Self.headlines(["Forms/a.yaml": Self.header + fields]).filter { $0.contains(": error: ") }
        #expect(errors.count == 21, "\(errors.count)")
        #expect(errors.allSatisfy { $0.hasSuffix("[FR0101]") })
    }

    @Test("two broken fields are both reported, and the file's other mistakes too")
    func twoSyntaxErrors() {
        let text = """
            \(Self.header)\
              - id: a
                label: A: b
                type: text
              - id: b
                label: B
                type: txt
              - id: c
                label: [C
                type: text

            """
        let lines = Self.headlines(["Forms/a.yaml": text])
        #expect(lines.filter { $0.hasSuffix("[FR0101]") }.count == 2, "\(lines)")
        #expect(lines.contains("Forms/a.yaml:11:11: error: unknown field type 'txt'; did you mean 'text'? [FR0301]"))
    }

    @Test("an unknown field type does not make the conditions that use the field report it unknown")
    func unknownTypeNoCascade() {
        let text = """
            \(Self.header)\
              - id: kind
                label: Kind
                type: dropdown
                options: [{id: a, label: A}]
              - id: b
                label: B
                type: text
                when: kind == "a"
              - id: c
                label: C
                type: text
                when: answered(kind) and answered(nothing)

            """
        #expect(Self.headlines(["Forms/a.yaml": text]) == [
            "Forms/a.yaml:8:11: error: unknown field type 'dropdown'; formrunner calls it 'choice' [FR0301]",
            "Forms/a.yaml:17:39: error: invalid condition: unknown field 'nothing' [FR0402]",
        ])
    }

    @Test("a form whose version is wrong still has its fields' and conditions' problems reported")
    func decodeAndLinkTogether() {
        let text = """
            form: demo.a
            version: zero
            title: Demo
            team: technical
            fields:
              - id: a
                label: A
                type: choice
                options: missing-list
              - id: b
                label: B
                type: text
                when: a == "x" and c

            """
        #expect(Self.headlines(["Forms/a.yaml": text]) == [
            "Forms/a.yaml:2:10: error: expected a whole number for 'version', found 'zero' [FR0204]",
            "Forms/a.yaml:9:14: error: unknown option list 'missing-list' [FR0701]",
            "Forms/a.yaml:13:24: error: invalid condition: unknown field 'c'; did you mean 'a'? [FR0402]",
        ])
    }

    @Test("an unknown life cycle named by many forms is one error, with a note for each other place")
    func unknownLifecycleOnce() {
        var files: [String: String] = [:]
        for index in 1...7 {
            files["Forms/f\(index).yaml"] = "form: demo.f\(index)\nversion: 1\ntitle: F\nteam: technical\nlifecycle: ticket-lifecycel\n"
                + "fields:\n  - {id: a, label: A, type: text}\n"
        }
        files["Workflows/life.yaml"] = "lifecycle: ticket-lifecycle\ninitial: open\nstatuses:\n  open: {label: Open}\ntransitions:\n"
            + "  - {event: note, from: open, by: agent}\n"
        let lines = Self.headlines(files)
        #expect(lines.filter { $0.contains("error:") } == [
            "Forms/f1.yaml:5:12: error: unknown lifecycle 'ticket-lifecycel'; did you mean 'ticket-lifecycle'? [FR0701]",
        ])
        #expect(lines.filter { $0.contains("note:") } == [
            "Forms/f2.yaml:5:12: note: 'ticket-lifecycel' is also used here",
            "Forms/f3.yaml:5:12: note: 'ticket-lifecycel' is also used here",
            "Forms/f4.yaml:5:12: note: 'ticket-lifecycel' is also used here",
            "Forms/f5.yaml:5:12: note: 'ticket-lifecycel' is also used here",
            "Forms/f6.yaml:5:12: note: 'ticket-lifecycel' is also used here",
            "note: and 1 more place",
        ])
    }

    @Test("a status whose own keys are broken is not unknown to the transitions that name it")
    func brokenStatusNoCascade() {
        let text = """
            lifecycle: life
            initial: open
            statuses:
              open: {lable: Open}
              closed: {label: Closed, final: true}
            transitions:
              - {event: close, from: open, to: closed, by: agent}
              - {event: note, from: open, by: agent}
              - {event: ask, from: open, to: open, by: agent}

            """
        #expect(Self.headlines(["Workflows/life.yaml": text]) == [
            "Workflows/life.yaml:4:10: error: unknown key 'lable' in status 'open'; did you mean 'label'? [FR0201]",
        ])
    }
}
