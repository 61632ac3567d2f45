import Foundation
import FormrunnerCore
import Testing

/// Notes, sections, rules and pattern messages are texts like labels: a declared language they
/// lack is a warning.
@Suite("Translations of notes, sections and rules")
struct BlockTranslationTests {
    @Test("a missing translation of a note, a section, a rule message or a pattern message is a warning")
    func warnings() throws {
        try Fixtures.withTemporaryFolder { root in
            let form = try String(contentsOfFile: Fixtures.blocks + "/Forms/incident.yaml", encoding: .utf8)
            Fixtures.write(form, to: "Forms/incident.yaml", in: root)
            for name in ["calendar", "incident-lifecycle", "incident"] {
                let text = try String(contentsOfFile: Fixtures.blocks + "/Workflows/\(name).yaml", encoding: .utf8)
                Fixtures.write(text, to: "Workflows/\(name).yaml", in: root)
            }
            Fixtures.write("languages: [en, pt]\n", to: "formrunner.yaml", in: root)
            let (text, result) = Fixtures.renderedDiagnostics(ofCatalogAt: root)
            #expect(!result.diagnostics.hasErrors)
            for line in ["Forms/incident.yaml:9:5: warning: the title of a section of form 'incident.report' has no pt translation",
                         "Forms/incident.yaml:9:5: warning: the help of a section of form 'incident.report' has no pt translation",
                         "Forms/incident.yaml:12:9: warning: the text of a note has no pt translation",
                         "Forms/incident.yaml:32:9: warning: the pattern message of field 'order' has no pt translation",
                         "Forms/incident.yaml:75:5: warning: the message of a rule of form 'incident.report' has no pt translation"] {
                #expect(text.contains(line + " (formrunner.yaml declares languages: en, pt)"), "\(line)")
            }
            #expect(!text.contains("the label of field 'intro'"))
        }
    }
}
