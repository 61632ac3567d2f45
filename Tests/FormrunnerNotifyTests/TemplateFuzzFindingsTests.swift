import Foundation
import FormrunnerCore
import Testing
@testable import FormrunnerNotify

/// What fuzzing the e-mail template check (Fuzz/Sources/FuzzTemplates) found, kept as regressions.
@Suite("Template check: fuzzing's findings")
struct TemplateFuzzFindingsTests {
    static let file = "Workflows/templates/fuzz.mustache"

    static func diagnostics(_ source: String) -> [Diagnostic] {
        let catalog = CatalogLoader().load(documents: [], templates: ["fuzz": source]).catalog
        return TemplateCheck.diagnostics(of: catalog, path: { _ in file })
    }

    @Test("a form feed before a broken tag does not push its error past the last line")
    func formFeed() throws {
        let found = Self.diagnostics("Subject: x\n\nline one\u{0C}still line three {{at")
        let location = try #require(found.first?.location)
        #expect(found.count == 1)
        #expect(location.line == 3)
        #expect(location.column >= 1 && location.column <= "line one\u{0C}still line three {{at".count + 1)
    }

    @Test("other Unicode line breaks (CR alone, U+2028, NEL, vertical tab) do not either", arguments: ["\r", "\u{2028}", "\u{85}", "\u{0B}"])
    func otherBreaks(_ separator: String) throws {
        let found = Self.diagnostics("Subject: x\n\nHello\(separator){{#a}}\(separator){{/b}}")
        let location = try #require(found.first?.location)
        #expect(location.line == 3, "\(found)")
    }

    @Test("fuzz input crash-f8e8a3d9: every problem is located inside the template")
    func fuzzInput() throws {
        let data = try #require(Data(base64Encoded: "U3ViamVjdDogW3t7ZGVzay5uYW1lfX1dIFRpY2tldCAje3t0aWNrZXQubnVtYmVyfX1wbHkKCkhlbGxvIHt7cmVxdWVzdGVyLm5hbWV9fSwKClRoZSBzdXBwb3J0IHRlYW0gbmVlZAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAcyBtb3JlIGluZm9ybWF0aW9uIHRvIGNvbnRpbnVlIAEAU3ViamVjdDogAAAAAAAMd29ya2luZyBvbiB5b3VyIHRbe3tkZXNrLm5pY2tldCAje3thdA=="))
        let source = String(decoding: data, as: UTF8.self)
        let lines = source.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let found = Self.diagnostics(source)
        #expect(!found.isEmpty)
        for diagnostic in found {
            let location = try #require(diagnostic.location)
            #expect(location.line >= 1 && location.line <= lines, "\(diagnostic)")
        }
    }

    @Test("a subject or body that starts with a combining mark is refused at validate, as the renderer would refuse it",
          arguments: [("Subject: \u{0307}x\n\nBody", 1, "subject"), ("Subject: Hi\n\n\u{0301}Body {{desk.name}}", 3, "body")])
    func combiningMark(_ source: String, line: Int, part: String) throws {
        let found = Self.diagnostics(source)
        let diagnostic = try #require(found.first)
        #expect(found.count == 1)
        #expect(diagnostic.location?.line == line)
        #expect(diagnostic.message.hasPrefix("e-mail template 'fuzz' starts its \(part) with U+03"))
        #expect(diagnostic.message.hasSuffix("a character that joins the one before it; put a letter or a space before it"))
        // What validate refuses, the renderer cannot render either.
        let catalog = CatalogLoader().load(documents: [], templates: ["fuzz": source]).catalog
        #expect(throws: MessageRenderError.self) { try MessageRenderer(catalog: catalog).render(template: "fuzz", context: TemplateContext()) }
    }

    @Test("fuzz input crash-9d1717a3: a template validate accepts renders")
    func acceptedRenders() throws {
        let data = try #require(Data(base64Encoded: "U3ViamVjdDogzIeHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHP2Ft/5n//////3t7PZn//////3t7PfA8USUgJX49fX08JXRpY2t6by4KCnt7ZGVzay5uYW1lfX0K"))
        let source = String(decoding: data, as: UTF8.self)
        let catalog = CatalogLoader().load(documents: [], templates: ["fuzz": source]).catalog
        let accepted = Self.diagnostics(source).isEmpty
        let renders = (try? MessageRenderer(catalog: catalog).render(template: "fuzz", context: TemplateContext())) != nil
        #expect(!accepted || renders)
        #expect(!accepted)
    }
}
