import Foundation
import FormrunnerCore
import Testing

@Suite("Diagnostic codes are stable, shown and documented")
struct DiagnosticCodeTests {
    static let documentation: String = {
        (try? String(contentsOfFile: Fixtures.repository + "/docs/diagnostics.md", encoding: .utf8)) ?? ""
    }()

    @Test("every code has a heading, an example and a fix in docs/diagnostics.md", arguments: DiagnosticCode.allCases)
    func documented(_ code: DiagnosticCode) throws {
        let heading = try #require(Self.documentation.range(of: "### \(code.rawValue): "), "\(code.rawValue) is not documented")
        let body = String(Self.documentation[heading.upperBound...]).components(separatedBy: "\n### ").first ?? ""
        #expect(body.contains("[\(code.rawValue)]"), "the example of \(code.rawValue) does not show its code")
        #expect(body.contains("```"), "\(code.rawValue) has no example")
    }

    @Test("codes are unique and shaped FR followed by four digits")
    func shape() {
        let codes = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.range(of: #"^FR\d{4}$"#, options: .regularExpression) != nil })
    }

    @Test("every diagnostic of the broken fixtures carries a code, shown at the end of its first line")
    func everyFixtureDiagnosticHasACode() {
        for name in Fixtures.brokenCases {
            let (text, result) = Fixtures.renderedDiagnostics(ofCatalogAt: Fixtures.root + "/broken/" + name)
            for diagnostic in result.diagnostics {
                #expect(diagnostic.code != nil, "\(name): \(diagnostic)")
            }
            let first = text.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.range(of: #" \[FR\d{4}\]$"#, options: .regularExpression) != nil, "\(name): \(first)")
        }
    }

    @Test("a diagnostic's description stays path:line:col: severity: message; the headline adds the code")
    func headline() {
        let location = SourceLocation(file: "Forms/a.yaml", line: 3, column: 5)
        let diagnostic = Diagnostic.error("unknown key 'x' in form", at: location, code: .unknownKey)
        #expect(diagnostic.description == "Forms/a.yaml:3:5: error: unknown key 'x' in form")
        #expect(diagnostic.headline == "Forms/a.yaml:3:5: error: unknown key 'x' in form [FR0201]")
    }
}
