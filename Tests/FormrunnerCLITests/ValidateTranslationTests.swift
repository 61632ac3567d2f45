import Foundation
import Testing

@Suite("formrunner validate: missing translations")
struct ValidateTranslationTests {
    /// A copy of the catalog declaring three languages, with the Portuguese label of Agency and the
    /// Spanish confirmation e-mail removed.
    static func withUntranslatedCatalog<T>(_ body: (String) throws -> T) throws -> T {
        try CommandRunner.withCatalogCopy { catalog in
            try "languages: [en, pt, es]\n".write(toFile: catalog + "/formrunner.yaml", atomically: true, encoding: .utf8)
            let path = catalog + "/Forms/technical/intake.yaml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: "label: {en: Agency, pt: Agência, es: Agencia}", with: "label: {en: Agency, es: Agencia}")
                .write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.removeItem(atPath: catalog + "/Workflows/templates/confirmation.es.mustache")
            return try body(catalog)
        }
    }

    static let labelWarning = "Forms/technical/intake.yaml:40:5: warning: the label of field 'agency' has no pt translation "
        + "(formrunner.yaml declares languages: en, pt, es) [FR0901]\n"
    static let templateWarning = "Workflows/templates/confirmation.mustache:1:1: warning: e-mail template 'confirmation' has no es "
        + "version: add confirmation.es.mustache (formrunner.yaml declares languages: en, pt, es) [FR0902]\n"

    @Test("a missing translation is a warning with its place and the declared languages; exit 0")
    func warning() throws {
        try Self.withUntranslatedCatalog { catalog in
            let run = try CommandRunner.run(["validate"], in: catalog)
            #expect(run.status == 0)
            #expect(run.stderr.hasPrefix(Self.labelWarning + " 40 |   - id: agency\n    |     ^\n"))
            #expect(run.stderr.contains(Self.templateWarning))
            #expect(run.stderr.hasSuffix("\n2 warning(s) in 35 file(s) checked\n"))
        }
    }

    @Test("with --strict a missing translation is an error: exit 1")
    func strict() throws {
        try Self.withUntranslatedCatalog { catalog in
            let run = try CommandRunner.run(["validate", "--strict"], in: catalog)
            #expect(run.status == 1)
            #expect(run.stderr.hasPrefix(Self.labelWarning.replacingOccurrences(of: ": warning: ", with: ": error: ")))
            #expect(run.stderr.hasSuffix("\n2 error(s) in 35 file(s) checked\n"))
        }
    }

    @Test("the shipped catalog has every text in en, pt and es: validate --strict is clean")
    func shippedStrict() throws {
        let run = try CommandRunner.run(["validate", "--strict"])
        #expect(run.status == 0)
        #expect(run.stderr.hasSuffix("file(s) checked, no problems found\n"))
    }
}
