@testable import FormrunnerCore
import Testing

@Suite("fmt's key orders follow the language")
struct CanonicalKeyOrderTests {
    @Test("the canonical order of each document and of the mappings fmt orders names every key the language accepts there")
    func everyKeyHasItsPlace() {
        #expect(Set(CanonicalKeyOrder.rootKeys["form"] ?? []) == Set(FormDecoder.formKeys))
        #expect(Set(CanonicalKeyOrder.rootKeys["workflow"] ?? []) == Set(WorkflowDecoder.workflowKeys))
        #expect(Set(CanonicalKeyOrder.rootKeys["lifecycle"] ?? []) == Set(LifecycleDecoder.lifecycleKeys))
        let transitions = CanonicalKeyOrder.nested["lifecycle"]?.first { $0.0 == ["transitions", "-"] }?.1 ?? []
        #expect(Set(transitions) == Set(LifecycleDecoder.transitionKeys))
    }

    @Test("sections, the fields inside them, notes and form rules are ordered by the keys the language gives them")
    func blocksHaveTheirPlaces() {
        func keys(_ path: [String], type: String? = nil) -> [String]? {
            let text = type.map { "type: \($0)\n" } ?? "x: 1\n"
            let read = YAMLReader().read(text, path: "Forms/a.yaml")
            guard case .mapping(let mapping)? = read.root else {
                Issue.record("\(text) is not a mapping")
                return nil
            }
            return CanonicalKeyOrder.order(kind: "form", path: path, mapping: mapping)
        }
        #expect(keys(["sections", "-"]) == FormDecoder.sectionKeys)
        #expect(keys(["rules", "-"]) == FormDecoder.ruleKeys)
        #expect(keys(["sections", "-", "fields", "-"], type: "text") == FormDecoder.fieldKeys + ["group"])
        #expect(keys(["sections", "-", "fields", "-", "options", "-"]) == FormDecoder.optionKeys)
        #expect(keys(["fields", "-"], type: "note") == FormDecoder.noteKeys)
        #expect(keys(["sections", "-", "fields", "-"], type: "note") == FormDecoder.noteKeys)
        for key in ["pattern", "pattern_message", "format", "must_be", "min", "max"] {
            #expect(FormDecoder.fieldKeys.contains(key))
        }
    }
}
