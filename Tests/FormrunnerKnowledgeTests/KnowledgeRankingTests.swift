import Foundation
@testable import FormrunnerKnowledge
import Testing

/// The in-memory ranking and the memoised stemming give what FTS5 and whole-text stemming gave.
@Suite("Knowledge base: ranking and stems as before")
struct KnowledgeRankingTests {
    static let repository = KnowledgeSearchQualityTests.repository

    /// Tests/Fixtures/knowledge-ranking.tsv: questions with the articles, BM25 scores and excerpts
    /// that the FTS5 index (before `TermPostings`) returned for them, top five.
    static func recorded() throws -> [[String]] {
        try String(contentsOfFile: repository + "/Tests/Fixtures/knowledge-ranking.tsv", encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("every recorded question finds the same articles, in the same order, with FTS5's scores and the same excerpts")
    func sameAsFTS5() throws {
        let index = try KnowledgeIndex.open(KnowledgeLoader(root: Self.repository).load())
        let recorded = try Self.recorded()
        #expect(recorded.count >= 15)
        for line in recorded {
            let (language, question) = (line[0], line[1])
            let hits = try index.search(question, language: language, limit: 5)
            #expect(hits.map { "\($0.id):\($0.language)" }.joined(separator: " ") == line[2], "\(language): \(question)")
            let scores = line[3].split(separator: " ").compactMap { Double($0) }
            #expect(hits.count == scores.count)
            for (hit, score) in zip(hits, scores) { #expect(abs(hit.score - score) < 1e-5, "\(question): \(hit.id)") }
            #expect(hits.map(\.excerpt).joined(separator: " | ") == line[4], "\(language): \(question)")
        }
    }

    @Test("an index read from its cache file finds what the index built in memory finds")
    func fileAsMemory() throws {
        let base = KnowledgeLoader(root: Self.repository).load()
        let cache = NSTemporaryDirectory() + "knowledge-ranking-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let memory = try KnowledgeIndex.open(base)
        _ = try KnowledgeIndex.open(base, cacheFolder: cache)
        let file = try KnowledgeIndex.open(base, cacheFolder: cache)
        for line in try Self.recorded() {
            #expect(try file.search(line[1], language: line[0], limit: 5) == memory.search(line[1], language: line[0], limit: 5))
        }
    }

    @Test("with more than 64 languages a search still keeps to the language asked, then English where an article has no version in it")
    func manyLanguages() throws {
        for count in [3, 70] {
            var articles = (0..<count).map { number in
                KnowledgeArticle(id: "a\(number % 2)", title: "Boleto", language: "l\(number)", body: "boleto", path: "l\(number).md")
            }
            articles += [KnowledgeArticle(id: "a0", title: "Boleto", language: "en", body: "boleto", path: "a0.md"),
                         KnowledgeArticle(id: "b", title: "Boleto", language: "en", body: "boleto", path: "b.md")]
            let index = try KnowledgeIndex.open(KnowledgeBase(articles: articles))
            #expect(try index.search("boleto", language: "l1", limit: 10).map { "\($0.id):\($0.language)" } == ["a1:l1", "a0:en", "b:en"])
            #expect(try index.search("boleto", language: "l2", limit: 10).map { "\($0.id):\($0.language)" } == ["a0:l2", "b:en"])
            #expect(try index.search("boleto", language: "xx", limit: 10).map { "\($0.id):\($0.language)" } == ["a0:en", "b:en"])
        }
    }

    @Test("the stem table gives the stems of the whole text, for every desk article and for accents, widths and punctuation")
    func stemTable() {
        let base = KnowledgeLoader(root: Self.repository).load()
        var tables: [String: StemTable] = [:]
        let tricky = ["São Paulo: faturação, AÇÕES e ações!", "ＦＵＬＬ width ｆａｔｕｒａ", "naïve café—déjà-vu",
                      "e\u{301}cole, cafe\u{301} x\u{301}", "the THE The; of-the a/b", "don't re-open 2024/17 #4", "", "   "]
        for article in base.articles {
            for text in [article.title, MarkdownText.plain(article.body)] + tricky {
                let expected = KnowledgeTerms.stems(of: text, language: article.language)
                let first = tables[article.language, default: StemTable(language: article.language)].stems(of: text)
                let second = tables[article.language]!.stems(of: text)  // from the table
                #expect(first == expected && second == expected, "\(text)")
            }
        }
        let memo = StemMemo(tables: tables, capacity: 10)
        #expect(memo.stems(of: tricky[0], language: "pt") == KnowledgeTerms.stems(of: tricky[0], language: "pt"))
        #expect(memo.stems(of: "faturas boletos", language: "pt") == ["fatur", "bolet"])
    }

    @Test("the postings score as FTS5's bm25 does: weighted fields, prefixes, idf at least 1e-6, ties in article order")
    func postings() {
        var builder = TermPostings.Builder()
        builder.add([["fatur"], [], ["fatur", "bolet", "pag"]])
        builder.add([["bolet"], ["fatur"], ["pagament"]])
        for _ in 0..<3 { builder.add([[], [], ["outr"]]) }
        let postings = builder.finish()
        #expect(postings.terms == ["bolet", "fatur", "outr", "pag", "pagament"])
        #expect(postings.range(startingWith: "pag") == 3..<5)
        #expect(postings.range(startingWith: "pa").count == 2)
        #expect(postings.range(startingWith: "z").isEmpty)
        #expect(postings.averageLength == 2.0)
        let (k1, b) = (1.2, 0.75)
        func term(_ idf: Double, _ f: Double, _ d: Double) -> Double {
            idf * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * d / 2.0)))
        }
        // "fatur"* in articles 0 and 1 of 5: idf = log(3.5 / 2.5). Article 0: f = 8 + 1, D = 4; article 1: f = 4, D = 3.
        let found = postings.best(["fatur"], limit: 5) { _ in true }
        #expect(found.map(\.document) == [0, 1])
        #expect(found.map(\.score) == [-1.0 * term(log(3.5 / 2.5), 9, 4), -1.0 * term(log(3.5 / 2.5), 4, 3)])
        // "outr"* in 3 of 5: idf = log(2.5 / 3.5) < 0, so 1e-6; articles 2, 3 and 4 score the same: article order decides.
        #expect(postings.best(["outr"], limit: 1) { _ in true }.map(\.document) == [2])
        #expect(postings.best(["outr"], limit: 5) { _ in true }.map(\.score) == Array(repeating: -1.0 * term(1e-6, 1, 1), count: 3))
        #expect(postings.best(["outr", "pag"], limit: 5) { $0 != 2 }.map(\.document) == [1, 0, 3, 4])
        #expect(postings.best([], limit: 5) { _ in true }.isEmpty)
        #expect(postings.best(["fatur"], limit: 0) { _ in true }.isEmpty)
    }
}
