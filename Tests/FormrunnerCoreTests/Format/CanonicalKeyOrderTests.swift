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
}
