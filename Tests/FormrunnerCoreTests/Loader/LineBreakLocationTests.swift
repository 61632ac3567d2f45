import Foundation
import FormrunnerCore
import Testing

/// Line breaks other than `\n`: every diagnostic names the line an editor shows, and its excerpt is
/// that line. Found by `Fuzz/run.sh` (FuzzLoader's "location after the file" check).
@Suite("Hostile line breaks keep diagnostics on the right line")
struct LineBreakLocationTests {
    /// The rendered diagnostics of one catalog file held in memory.
    func rendered(_ text: String) -> String {
        let result = CatalogLoader().load(documents: [.init(path: "Forms/a.yaml", data: Data(text.utf8))])
        return DiagnosticRenderer(sources: result.catalog.sources).render(result.diagnostics)
    }

    static let form = ["form: a", "version: 1", "title: T", "team: t", "fields:", "  - {id: a, label: A, type: bogus}"]

    @Test("NEL, U+2028 and U+2029 inside text do not end a line", arguments: ["\u{85}", "\u{2028}", "\u{2029}"])
    func unicodeSeparators(_ separator: String) {
        var lines = Self.form
        lines[2] = "title: \"T\(separator)T\""
        #expect(rendered(lines.joined(separator: "\n") + "\n") == """
            Forms/a.yaml:6:29: error: unknown field type 'bogus'; expected one of text, multiline, email, number, date, datetime, boolean, choice, multichoice, files, secret, account, note
             6 |   - {id: a, label: A, type: bogus}
               |                             ^

            """)
    }

    @Test("libyaml's own error after such a separator points at the file's lines", arguments: ["\u{85}", "\u{2028}"])
    func separatorInPlainText(_ separator: String) {
        var lines = Self.form
        lines[3] = "team: t\(separator)x"
        // libyaml (YAML 1.1) breaks the plain text there, so `x` starts a key with no ':'.
        #expect(rendered(lines.joined(separator: "\n") + "\n") == """
            Forms/a.yaml:5:1: error: invalid YAML: could not find expected ':'
             5 | fields:
               | ^
            Forms/a.yaml:4:9: note: while scanning a simple key

            """)
    }

    @Test("lone CR line ends (the fuzzer's first crash input) are lines too")
    func carriageReturns() {
        #expect(rendered(Self.form.joined(separator: "\r") + "\r").hasPrefix("""
            Forms/a.yaml:6:29: error: unknown field type 'bogus'
            """))
    }

    @Test("a tab indenting a CRLF or CR line is reported on its line, in our words", arguments: ["\r\n", "\r"])
    func tabsAfterOtherLineEnds(_ end: String) {
        var lines = Self.form
        lines[5] = "\t- {id: a, label: A, type: text}"
        #expect(rendered(lines.joined(separator: end) + end) == """
            Forms/a.yaml:6:1: error: tab used for indentation; YAML indents with spaces only
             6 | \t- {id: a, label: A, type: text}
               | ^

            """)
    }

    @Test("invalid UTF-8 after CR line ends is located on its line")
    func invalidUTF8() {
        let data = Data("form: a\rversion: 1\rtitle: x".utf8) + Data([0xC3, 0x28])
        let found = YAMLReader().read(data, path: "a.yaml").diagnostics.map(\.description)
        #expect(found == ["a.yaml:3:9: error: file is not valid UTF-8 (byte 0xC3 at offset 27); definitions must be saved as UTF-8"])
    }

    @Test("the in-memory loader reads the real catalog exactly as the disk loader does")
    func inMemoryMatchesDisk() throws {
        let disk = CatalogLoader(root: Fixtures.repository).load()
        let documents = try disk.files.map { CatalogLoader.Document(path: $0, data: try Data(contentsOf: URL(fileURLWithPath: $0))) }
        let memory = CatalogLoader().load(documents: documents, templates: disk.catalog.templates)
        #expect(disk.isValid)
        #expect(memory.diagnostics == disk.diagnostics)
        #expect(memory.catalog.forms.keys.sorted() == disk.catalog.forms.keys.sorted())
        #expect(memory.catalog.lifecycles.keys.sorted() == disk.catalog.lifecycles.keys.sorted())
        #expect(memory.files == disk.files)
    }
}
