import Foundation
import FormrunnerCore
import Testing

@Suite("formrunner fmt: one canonical layout, the same meaning")
struct DefinitionFormatterTests {
    /// Every definition file of the repository's catalog, relative to the repository.
    static let catalogFiles: [String] = {
        CatalogLoader.definitionFolders.flatMap { folder in
            ((FileManager.default.subpaths(atPath: Fixtures.repository + "/" + folder) ?? []).sorted())
                .filter { $0.hasSuffix(".yaml") }.map { folder + "/" + $0 }
        }
    }()

    static func text(_ file: String) -> String {
        (try? String(contentsOfFile: Fixtures.repository + "/" + file, encoding: .utf8)) ?? ""
    }

    static func formatted(_ text: String, path: String = "Forms/a.yaml") -> String? {
        if case .formatted(let output) = DefinitionFormatter().format(text, path: path) { return output }
        return nil
    }

    @Test("every catalog file formats, and the formatted catalog loads to an equal model with no new problem")
    func catalogKeepsItsMeaning() throws {
        #expect(Self.catalogFiles.count >= 30)
        let originals = Self.catalogFiles.map { CatalogLoader.Document(path: $0, data: Data(Self.text($0).utf8)) }
        var formatted: [CatalogLoader.Document] = []
        for file in Self.catalogFiles {
            let output = try #require(Self.formatted(Self.text(file), path: file), "\(file) was refused: \(DefinitionFormatter().format(Self.text(file), path: file))")
            formatted.append(.init(path: file, data: Data(output.utf8)))
        }
        let before = CatalogLoader().load(documents: originals)
        let after = CatalogLoader().load(documents: formatted)
        #expect(after.diagnostics.map(\.message) == before.diagnostics.map(\.message))
        #expect(ModelDump.dump(after.catalog) == ModelDump.dump(before.catalog))
        #expect(!after.catalog.forms.isEmpty)
    }

    @Test("formatting is idempotent on every catalog file", arguments: catalogFiles)
    func idempotent(_ file: String) throws {
        let once = try #require(Self.formatted(Self.text(file), path: file))
        #expect(Self.formatted(once, path: file) == once)
    }

    @Test("keys in the language's order, two-space indentation, short mappings and lists on one line, plain text unquoted")
    func layout() {
        let text = """
            form: demo.a
            fields:
                -   type: choice
                    label: "Kind"
                    id: kind
                    options:
                    -   label: 'Set up'
                        id: setup
                    - {id: other, label: "Other: anything"}
                -   {label: Amount, type: number, id: amount, min: 1}
            version: "1"
            title: Demo
            team: technical

            """
        #expect(Self.formatted(text) == """
            form: demo.a
            version: "1"
            title: Demo
            team: technical
            fields:
              - id: kind
                label: Kind
                type: choice
                options:
                  - {id: setup, label: Set up}
                  - {id: other, label: "Other: anything"}
              - id: amount
                label: Amount
                type: number
                min: 1

            """)
    }

    @Test("comments are kept above the key or item they precede and at the end of their line")
    func comments() {
        let text = """
            # yaml-language-server: $schema=../schema/formrunner.schema.json
            form: demo.a
            title: Demo   # shown in the list
            version: 1
            team: technical
            fields:
              # the first question
              - id: a
                type: text      # one line
                label: "A # not a comment"
            # the end

            """
        #expect(Self.formatted(text) == """
            # yaml-language-server: $schema=../schema/formrunner.schema.json
            form: demo.a
            version: 1
            title: Demo  # shown in the list
            team: technical
            fields:
              # the first question
              - id: a
                label: "A # not a comment"
                type: text  # one line
            # the end

            """)
    }

    @Test("text of several lines becomes a literal block, and reads back the same")
    func literalBlocks() {
        let text = "macros:\n  - id: a\n    label: A\n    body: \"Hello,\\n\\nbye.\\n\"\n  - id: b\n    label: B\n    body: >-\n      folded\n      text\n"
        #expect(Self.formatted(text, path: "Workflows/macros.yaml") == """
            macros:
              - id: a
                label: A
                body: |
                  Hello,

                  bye.
              - id: b
                label: B
                body: folded text

            """)
    }

    @Test("a file that does not read is refused with its first problem")
    func refusesBrokenYAML() {
        #expect(DefinitionFormatter().format("form: demo.a\ntitle: \"Demo\n", path: "Forms/a.yaml") == .refused(
            "Forms/a.yaml:3:1: error: invalid YAML: found unexpected end of stream [FR0101]; fix it first (formrunner validate shows every problem)"))
    }
}
