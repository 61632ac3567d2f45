import Foundation
import FormrunnerKnowledge
import Testing

/// The desk's own articles against the questions its requesters ask (Tests/Fixtures/knowledge-questions.tsv:
/// typos, missing accents, synonyms, in three languages).
@Suite("Knowledge base: the desk's articles and search quality")
struct KnowledgeSearchQualityTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test("the desk's articles load without a problem, every id in en, pt and es")
    func catalogArticles() throws {
        let base = KnowledgeLoader(root: Self.repository, teams: ["technical", "financial", "commercial"]).load()
        #expect(base.diagnostics.isEmpty, "\(base.diagnostics.map(\.description))")
        let ids = Set(base.articles.map(\.id))
        #expect(ids.count >= 20)
        for id in ids { #expect(base.languages(of: id) == ["en", "es", "pt"], "\(id)") }
    }

    @Test("the right article is in the top three for at least 90% of the questions, in each language")
    func quality() throws {
        let base = KnowledgeLoader(root: Self.repository).load()
        let index = try KnowledgeIndex.open(base)
        let lines = try String(contentsOfFile: Self.repository + "/Tests/Fixtures/knowledge-questions.tsv", encoding: .utf8)
            .split(separator: "\n").dropFirst()
        var found: [String: (right: Int, all: Int)] = [:]
        var misses: [String] = []
        for line in lines {
            let columns = line.split(separator: "\t").map(String.init)
            guard columns.count == 3 else { continue }
            let (language, question, expected) = (columns[0], columns[1], columns[2])
            let hits = try index.search(question, language: language, limit: 3)
            let right = hits.contains { $0.id == expected }
            found[language, default: (0, 0)].all += 1
            if right { found[language]!.right += 1 } else { misses.append("\(language): \(question) → \(hits.map(\.id))") }
        }
        #expect(found.count == 3)
        for (language, score) in found {
            #expect(Double(score.right) >= 0.9 * Double(score.all), "\(language): \(score.right)/\(score.all); missed: \(misses)")
        }
    }

    @Test("a question in Portuguese finds Portuguese versions; a language an article lacks falls back to English")
    func languages() throws {
        let folder = try Folder.make([
            "en/pay.md": Folder.article(id: "pay", language: "en", title: "Paying an invoice", body: "Pay the invoice by bank slip."),
            "pt/pay.md": Folder.article(id: "pay", language: "pt", title: "Pagar uma fatura", body: "Pague a fatura com boleto."),
            "en/har.md": Folder.article(id: "har", language: "en", title: "HAR files", body: "Record the network traffic of the page."),
        ])
        defer { folder.remove() }
        let index = try KnowledgeIndex.open(KnowledgeLoader(root: folder.root).load())
        let portuguese = try index.search("como pagar as faturas", language: "pt")
        #expect(portuguese.first?.id == "pay" && portuguese.first?.language == "pt")
        #expect(portuguese.first?.title == "Pagar uma fatura")
        let fallback = try index.search("network HAR", language: "pt")
        #expect(fallback.first?.id == "har" && fallback.first?.language == "en")
        #expect(try index.search("the of and", language: "en").isEmpty)
        #expect(try index.search("boleto", language: "pt", limit: 0).isEmpty)
    }

    @Test("a misspelt or unaccented word still finds its article; the excerpt is the matching sentence")
    func typos() throws {
        let folder = try Folder.make([
            "es/factura.md": Folder.article(id: "factura", language: "es", title: "Cambiar la fecha de vencimiento",
                                            body: "Las facturas vencen cada mes. Para cambiar el vencimiento, abra una solicitud financiera."),
        ])
        defer { folder.remove() }
        let index = try KnowledgeIndex.open(KnowledgeLoader(root: folder.root).load())
        let hits = try index.search("como cambiar el vencimeinto", language: "es")
        #expect(hits.map(\.id) == ["factura"])
        #expect(hits.first?.excerpt == "Para cambiar el vencimiento, abra una solicitud financiera.")
    }

    @Test("the index is cached by content: the same articles reopen the same file, a change builds a new one")
    func cache() throws {
        let folder = try Folder.make(["en/a.md": Folder.article(id: "a", language: "en", title: "Alpha", body: "First text.")])
        defer { folder.remove() }
        let cache = folder.root + "/cache"
        let first = try KnowledgeIndex.open(KnowledgeLoader(root: folder.root).load(), cacheFolder: cache)
        let again = try KnowledgeIndex.open(KnowledgeLoader(root: folder.root).load(), cacheFolder: cache)
        #expect(first.path != nil && first.path == again.path)
        try Folder.article(id: "a", language: "en", title: "Alpha", body: "Changed text.")
            .write(toFile: folder.root + "/Knowledge/en/a.md", atomically: true, encoding: .utf8)
        let changed = try KnowledgeIndex.open(KnowledgeLoader(root: folder.root).load(), cacheFolder: cache)
        #expect(changed.path != first.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache) == [(changed.path! as NSString).lastPathComponent])
        #expect(try changed.search("changed", language: "en").map(\.id) == ["a"])
    }
}
