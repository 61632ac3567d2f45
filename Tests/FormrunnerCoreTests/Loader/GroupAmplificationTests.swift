import Foundation
import FormrunnerCore
import Testing

/// A form that includes a large field group thousands of times is refused at once, with a located
/// error, instead of expanding into millions of fields.
@Suite("Field group amplification")
struct GroupAmplificationTests {
    static let group = "field_group: big\nfields:\n"
        + (1...100).map { "  - {id: f\($0), label: Field \($0), type: text}\n" }.joined()

    @Test("a group of 100 fields included 5,000 times is refused at the include past 1,000 fields, in well under a second")
    func amplified() {
        let form = "form: demo.amplified\nversion: 1\ntitle: Demo\nteam: technical\nfields:\n"
            + String(repeating: "  - group: big\n", count: 5000)
        let text = CatalogLoaderHarness.load(files: ["Forms/big.yaml": Self.group, "Forms/form.yaml": form])
        #expect(text.contains("""
            Forms/form.yaml:16:12: error: form 'demo.amplified' has more than 1000 fields once its field groups are \
            expanded; field group 'big' goes past the limit: include fewer groups or split the form
            """), "\(text.prefix(2000))")
    }

    @Test("groups of groups are counted as they expand, so nesting cannot multiply past the limit")
    func nested() {
        var files = ["Forms/big.yaml": Self.group]
        // Each level includes the one below ten times: 100 × 10⁴ fields if nothing stopped it.
        var below = "big"
        for level in 1...4 {
            files["Forms/level\(level).yaml"] = "field_group: level\(level)\nfields:\n"
                + String(repeating: "  - group: \(below)\n", count: 10)
            below = "level\(level)"
        }
        files["Forms/form.yaml"] = "form: demo.nested\nversion: 1\ntitle: Demo\nteam: technical\nfields:\n  - group: level4\n"
        let text = CatalogLoaderHarness.load(files: files)
        #expect(text.contains("Forms/form.yaml:6:12: error: form 'demo.nested' has more than 1000 fields once its field groups "
                              + "are expanded; field group 'level4' goes past the limit"), "\(text.prefix(2000))")
    }
}
