import Foundation
import FormrunnerCore
import Testing

/// Files that try to hurt the loader: each is refused with a clear, located error, never a crash or a hang.
@Suite("Hostile definition files")
struct HostileInputTests {
    let reader = YAMLReader()

    func messages(_ data: Data) -> [String] {
        reader.read(data, path: "f.yaml").diagnostics.map(\.description)
    }

    @Test("a file over 1 MiB is refused before it is parsed")
    func tooLarge() {
        let data = Data(("form: x\n" + String(repeating: "# padding\n", count: 110_000)).utf8)
        #expect(messages(data) == ["f.yaml:1:1: error: file is too large (\(data.count) bytes; definitions are limited to 1048576 bytes)"])
    }

    @Test("UTF-16 is refused, a UTF-8 byte-order mark is accepted")
    func encodings() {
        #expect(messages(Data([0xFF, 0xFE, 0x66, 0x00])) == ["f.yaml:1:1: error: file is UTF-16; definitions must be saved as UTF-8"])
        let bom = reader.read(Data([0xEF, 0xBB, 0xBF] + Array("option_list: a\noptions: []\n".utf8)), path: "f.yaml")
        #expect(bom.diagnostics.isEmpty)
        #expect(bom.root != nil)
    }

    @Test("CRLF line ends read like LF")
    func crlf() {
        let result = reader.read(Data("option_list: a\r\noptions:\r\n  - {id: x, label: X}\r\n".utf8), path: "f.yaml")
        #expect(result.diagnostics.isEmpty)
        guard case .mapping(let mapping)? = result.root else {
            Issue.record("no mapping")
            return
        }
        #expect(mapping.entries.map(\.key.value) == ["option_list", "options"])
    }

    @Test("a NUL byte marks a binary file")
    func binary() {
        #expect(messages(Data("form: a\0b\n".utf8)) == ["f.yaml:1:8: error: file contains a NUL character; is it a binary file?"])
    }

    @Test("10,000 levels of nesting give our error, not libyaml's or a stack overflow")
    func deepNesting() {
        let text = "a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        let found = messages(Data(text.utf8))
        #expect(found == ["f.yaml:1:5: error: nesting is too deep (more than 32 levels)"])
    }

    @Test("an alias bomb is refused at its first anchor")
    func aliasBomb() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1..<30 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        let found = messages(Data(lines.joined(separator: "\n").utf8))
        #expect(found == ["f.yaml:1:5: error: anchors and aliases are not allowed in definitions; use a shared option list or field group instead"])
    }

    @Test("an enormous string is read without trouble and reported where the language limits it")
    func enormousString() {
        let result = reader.read(Data(("option_list: " + String(repeating: "a", count: 500_000) + "\noptions: []\n").utf8), path: "f.yaml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.root != nil)
    }

    @Test("terminal escape sequences in a file are shown harmlessly in diagnostics")
    func escapes() {
        let text = "form: demo\nversion: 1\ntitle: \"\\e[31mred\\e[0m\"\nteam: t\nfields: []\nbogus: \"\\e]0;owned\\a\"\n"
        let result = CatalogLoaderHarness.load(files: ["Forms/a.yaml": text])
        #expect(!result.contains("\u{1B}"))
        #expect(!result.contains("\u{07}"))
        #expect(result.contains("unknown key 'bogus' in form"))
    }
}

/// Loads a catalog made of the given files.
enum CatalogLoaderHarness {
    static func load(files: [String: String]) -> String {
        Fixtures.withTemporaryFolder { folder in
            for (path, text) in files { Fixtures.write(text, to: path, in: folder) }
            return Fixtures.renderedDiagnostics(ofCatalogAt: folder).text
        }
    }
}

/// Files that are large but legal YAML: checking them must take time in proportion to their size.
@Suite("Hostile definition files: cost")
struct HostileCostTests {
    // A hang guard, not a speed check (speed lives in Benchmarks/): the quadratic version took minutes.
    @Test("20,000 unknown keys are read, checked and rendered in linear time", .timeLimit(.minutes(1)))
    func manyDiagnostics() {
        let lines = ["form: a", "version: 1", "title: T", "team: t", "fields:", "  - {id: a, label: A, type: text}"]
            + (0..<20_000).map { "k\($0): x" }
        let data = Data(lines.joined(separator: "\n").utf8)
        // Both the composer (copying the mapping at every key) and the renderer (finding each line
        // from the start of the file) were quadratic: over five minutes for `formrunner validate`.
        let result = CatalogLoader().load(documents: [.init(path: "Forms/a.yaml", data: data)])
        let rendered = DiagnosticRenderer(sources: result.catalog.sources).render(result.diagnostics)
        #expect(rendered.hasSuffix("""
            Forms/a.yaml:20006:1: error: unknown key 'k19999' in form [FR0201]
             20006 | k19999: x
                   | ^

            """))
    }
}
