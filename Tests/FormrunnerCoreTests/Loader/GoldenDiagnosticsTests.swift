import Foundation
import FormrunnerCore
import Testing

/// Every folder under `Fixtures/broken` is a small catalog with a problem; its `expected.txt` holds
/// the exact rendered diagnostics. Set `FORMRUNNER_UPDATE_GOLDEN=1` to rewrite them after a
/// deliberate change to a message, then review the diff.
@Suite("Broken definitions give exact, located diagnostics")
struct GoldenDiagnosticsTests {
    /// Fixtures that deliberately hold several problems.
    static let multiProblemCases: Set<String> = ["many-problems", "calendar-bad-hours", "calendar-bad-holiday", "ten-mistakes"]

    @Test("there are at least 30 broken fixtures")
    func enoughFixtures() {
        #expect(Fixtures.brokenCases.count >= 30)
    }

    @Test("diagnostics match the golden file", arguments: Fixtures.brokenCases)
    func golden(_ name: String) throws {
        let folder = Fixtures.root + "/broken/" + name
        let (text, result) = Fixtures.renderedDiagnostics(ofCatalogAt: folder)
        let expectedPath = folder + "/expected.txt"
        if ProcessInfo.processInfo.environment["FORMRUNNER_UPDATE_GOLDEN"] == "1" {
            try text.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(text == expected)
        #expect(result.diagnostics.hasErrors)
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        if Self.multiProblemCases.contains(name) {
            #expect(errors >= 3, "\(name) should report all of its problems at once")
        } else {
            #expect(errors == 1, "\(name) should hold exactly one problem, found \(errors)")
        }
    }

    @Test("every error starts with path:line:col and shows the line with a caret")
    func shape() {
        for name in Fixtures.brokenCases {
            let (text, _) = Fixtures.renderedDiagnostics(ofCatalogAt: Fixtures.root + "/broken/" + name)
            let first = text.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.range(of: #"^((Forms|Workflows)/[^:]+|formrunner\.yaml):\d+:\d+: error: "#, options: .regularExpression) != nil,
                    "\(name): \(first)")
            #expect(text.contains("^"), "\(name) has no caret")
        }
    }
}
