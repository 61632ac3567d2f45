@testable import FormrunnerCore
import Foundation
import Testing

/// The importers' YAML writer: every string reads back through the strict reader as itself.
@Suite("Imported YAML")
struct ImportedYAMLTests {
    static let awkward = [
        "plain text", "yes", "no", "true", "null", "~", "010", "1.0.2 (Default)", "-dash", "key: value", "a #comment",
        "ends with colon:", " leading space", "trailing space ", "quote \" and \\ backslash", "'single'", "[bracket]",
        "{brace}", "tab\there", "line one\nline two", "  indented\nsecond", "trailing\nnewline\n", "bell \u{07}",
        "emoji 🎉 and ação", "*star", "&anchor", "!tag", "%percent", "@at", "`tick`", "a, b", "?question",
    ]

    @Test("every awkward string reads back unchanged, in a block and in a flow mapping", arguments: awkward)
    func roundTrip(_ text: String) throws {
        let yaml = ImportedYAML.mapping([.init("block", .text(text)), .init("flow", .flow([.init("en", .text(text))]))]).text
        let read = YAMLReader().read(yaml, path: "t.yaml")
        #expect(read.diagnostics.isEmpty, "\(yaml)")
        guard case .mapping(let mapping)? = read.root, case .scalar(let block)? = mapping["block"],
              case .mapping(let flow)? = mapping["flow"], case .scalar(let inFlow)? = flow["en"] else {
            Issue.record("unexpected shape: \(yaml)")
            return
        }
        #expect(block.value == text)
        #expect(inFlow.value == text)
    }

    @Test("multi-line Markdown is written as a literal block")
    func literalBlock() {
        let yaml = ImportedYAML.mapping([.init("text", .text("**Bold**\n\n- item"))]).text
        #expect(yaml == "text: |-\n  **Bold**\n\n  - item\n")
    }

    @Test("lists of mappings are indented under their key, options in flow style")
    func layout() {
        var field = ImportedForm.Field(id: "kind", label: .init("Kind"), type: .choice)
        field.options = [.init(id: "a", label: .init("A: first")), .init(id: "b", label: .init(translations: [("en", "B"), ("pt", "Bê")]))]
        var form = ImportedForm(id: "f", title: .init("F"), team: "support")
        form.fields = [field]
        #expect(form.yaml == """
        form: f
        version: 1
        title: F
        team: support
        fields:
          - id: kind
            label: Kind
            type: choice
            options:
              - {id: a, label: "A: first"}
              - id: b
                label: {en: B, pt: Bê}

        """)
    }

    @Test("ids are slugged to the id grammar and kept unique")
    func slugs() {
        #expect(ImportSlug.fieldID("What happened?") == "what_happened")
        #expect(ImportSlug.fieldID("Ação rápida") == "acao_rapida")
        #expect(ImportSlug.fieldID("2nd try") == "q_2nd_try")
        #expect(ImportSlug.fieldID("and") == "and_field")
        #expect(ImportSlug.fieldID("???") == "")
        #expect(ImportSlug.formID("Bug Report!") == "bug-report")
        #expect(ImportSlug.optionIDs(["1.0.2 (Default)", "A", "a", "!!"]) == ["1_0_2_default", "a", "a_2", "option_4"])
        let ledger = ImportLedger(file: "f")
        #expect([ledger.fieldID("Name", fallback: "q"), ledger.fieldID("name", fallback: "q"), ledger.fieldID("", fallback: "q")]
                == ["name", "name_2", "q"])
    }
}
