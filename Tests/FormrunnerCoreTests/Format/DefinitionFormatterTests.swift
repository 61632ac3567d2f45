import Foundation
import FormrunnerCore
import Testing

@Suite("formrunner fmt: one canonical layout, the same meaning")
struct DefinitionFormatterTests {
    /// Every definition file of the catalog at `root`, relative to it.
    static func definitionFiles(of root: String) -> [String] {
        CatalogLoader.definitionFolders.flatMap { folder in
            ((FileManager.default.subpaths(atPath: root + "/" + folder) ?? []).sorted())
                .filter { $0.hasSuffix(".yaml") && !DefinitionTestFile.isTestFile($0) }.map { folder + "/" + $0 }
        }
    }

    /// Every definition file of the repository's catalog, relative to the repository.
    static let catalogFiles = definitionFiles(of: Fixtures.repository)

    static func text(_ file: String, in root: String = Fixtures.repository) -> String {
        (try? String(contentsOfFile: root + "/" + file, encoding: .utf8)) ?? ""
    }

    static func formatted(_ text: String, path: String = "Forms/a.yaml") -> String? {
        if case .formatted(let output) = DefinitionFormatter().format(text, path: path) { return output }
        return nil
    }

    /// Formats every definition of the catalog at `root` and expects it to load to an equal model
    /// with the same problems; returns the formatted texts.
    @discardableResult
    static func expectSameMeaning(ofCatalogAt root: String) throws -> [String: String] {
        let files = definitionFiles(of: root)
        let originals = files.map { CatalogLoader.Document(path: $0, data: Data(text($0, in: root).utf8)) }
        var documents: [CatalogLoader.Document] = []
        var outputs: [String: String] = [:]
        for file in files {
            let output = try #require(formatted(text(file, in: root), path: file),
                                      "\(file) was refused: \(DefinitionFormatter().format(text(file, in: root), path: file))")
            documents.append(.init(path: file, data: Data(output.utf8)))
            outputs[file] = output
        }
        let before = CatalogLoader().load(documents: originals)
        let after = CatalogLoader().load(documents: documents)
        #expect(after.diagnostics.map(\.message) == before.diagnostics.map(\.message))
        #expect(ModelDump.dump(after.catalog) == ModelDump.dump(before.catalog))
        #expect(!after.catalog.forms.isEmpty)
        return outputs
    }

    @Test("every catalog file formats, and the formatted catalog loads to an equal model with no new problem")
    func catalogKeepsItsMeaning() throws {
        #expect(Self.catalogFiles.count >= 30)
        try Self.expectSameMeaning(ofCatalogAt: Fixtures.repository)
    }

    @Test("the blocks catalog (sections, notes, patterns, formats, date bounds, must_be, required options, rules) keeps its meaning, its keys in the language's order")
    func blocksKeepTheirMeaning() throws {
        let outputs = try Self.expectSameMeaning(ofCatalogAt: Fixtures.blocks)
        let form = try #require(outputs["Forms/incident.yaml"])
        #expect(form.contains("""
            sections:
              - title: Before you start
                help: Read this, then confirm.
                fields:
                  - id: intro
                    type: note
                    text: |
            """))
        #expect(form.contains("""
                  - id: order
                    label: Order number
                    type: text
                    required: false
                    max_length: 20
                    pattern: ORD-[0-9]{6}
                    pattern_message: Write the order number as ORD- and six digits (ORD-123456).
            """))
        #expect(form.hasSuffix("""
            rules:
              - check: end_date >= start_date
                message: The last day affected must be on or after the first day.

            """))
        for (file, output) in outputs {
            #expect(Self.formatted(output, path: file) == output, "\(file) is not formatted in one pass")
        }
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
