import Foundation
import FormrunnerCore
import FormrunnerKnowledge
import Testing

@Suite("Knowledge base: every problem of Knowledge/ with its file and line")
struct KnowledgeLoaderTests {
    private func problems(_ files: [String: String], teams: Set<String>? = nil) throws -> [String] {
        let folder = try Folder.make(files)
        defer { folder.remove() }
        return KnowledgeLoader(root: folder.root, teams: teams).load().diagnostics.map { diagnostic in
            let file = diagnostic.location.map { String($0.file.dropFirst(folder.root.count + 1)) + ":\($0.line)" } ?? "-"
            return "\(file): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        }
    }

    @Test("front matter keys: missing, unknown (with a hint), of the wrong kind")
    func frontMatter() throws {
        #expect(try problems(["en/a.md": "---\nid: a\nlanguage: en\ntitel: A\n---\nText.\n"]) == [
            "Knowledge/en/a.md:4: error: unknown key 'titel' in the front matter (did you mean 'title'?); the keys are id, title, language, tags, teams",
        ])
        #expect(try problems(["en/a.md": "---\nid: a\nlanguage: en\n---\nText.\n"]) == [
            "Knowledge/en/a.md:2: error: missing 'title' in the front matter",
        ])
        #expect(try problems(["en/a.md": "---\nid: a\ntitle: A\nlanguage: en\ntags: boleto\n---\nText.\n"]) == [
            "Knowledge/en/a.md:5: error: 'tags' must be a list of words, e.g. tags: [a, b]",
        ])
        #expect(try problems(["en/a.md": "Just text.\n"]) == [
            "Knowledge/en/a.md:1: error: an article starts with a front matter: a line '---', the keys id, title, language (and tags, teams), and a line '---'",
        ])
        #expect(try problems(["en/a.md": "---\nid: [a\n---\nText.\n"]).first?.hasPrefix("Knowledge/en/a.md:2: error: the front matter is not valid YAML") == true)
    }

    @Test("the id is the file's name, the language its folder's; no text is an error")
    func names() throws {
        #expect(try problems(["en/a.md": "---\nid: b\ntitle: A\nlanguage: en\n---\nText.\n"]) == [
            "Knowledge/en/a.md:2: error: the id 'b' differs from the file's name 'a.md'",
        ])
        #expect(try problems(["pt/a.md": "---\nid: a\ntitle: A\nlanguage: es\n---\nTexto.\n"]) == [
            "Knowledge/pt/a.md:4: error: the language 'es' differs from the folder Knowledge/pt/",
        ])
        #expect(try problems(["en/A b.md": "---\nid: A b\ntitle: A\nlanguage: en\n---\nText.\n"]) == [
            "Knowledge/en/A b.md:2: error: the id 'A b' must be lower-case letters, digits and hyphens",
        ])
        #expect(try problems(["en/a.md": "---\nid: a\ntitle: A\nlanguage: en\n---\n\n"]) == [
            "Knowledge/en/a.md:5: error: the article has no text after its front matter",
        ])
        #expect(try problems(["fr/a.md": "x", "en/notes.txt": "x"]) == [
            "Knowledge/en/notes.txt:1: error: not an article: files in Knowledge/en/ end in .md",
            "Knowledge/fr:1: error: unknown language folder 'fr': expected one of en, pt, es",
        ])
    }

    @Test("broken links, unknown teams and articles without an English version are reported")
    func crossReferences() throws {
        #expect(try problems(["en/a.md": "---\nid: a\ntitle: A\nlanguage: en\nteams: [sales]\n---\n\nSee [b](kb:b).\n"],
                             teams: ["technical"]) == [
            "Knowledge/en/a.md:5: error: unknown team 'sales': the catalog's teams are technical",
        ])
        #expect(try problems(["en/a.md": "---\nid: a\ntitle: A\nlanguage: en\n---\n\nFirst line.\nSee [b](kb:b).\n"]) == [
            "Knowledge/en/a.md:8: error: broken link: no article has the id 'b'",
        ])
        #expect(try problems(["pt/a.md": "---\nid: a\ntitle: A\nlanguage: pt\n---\nTexto.\n"]) == [
            "Knowledge/pt/a.md:1: warning: 'a' has no English version (Knowledge/en/a.md), which every language falls back to",
        ])
    }
}
