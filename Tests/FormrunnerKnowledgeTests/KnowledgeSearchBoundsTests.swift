@testable import FormrunnerKnowledge
import Testing

/// Whatever a question holds, a search reads a bounded part of it and adds up a bounded number of
/// postings; proven by what the searches find, not by how long they take.
@Suite("Knowledge base: the work of a search is bounded")
struct KnowledgeSearchBoundsTests {
    static let desk = KnowledgeLoader(root: KnowledgeSearchQualityTests.repository).load()

    @Test("only the first 500 characters of a question are read")
    func questionLength() throws {
        let index = try KnowledgeIndex.open(Self.desk)
        #expect(KnowledgeIndex.maxQuestionLength == 500)
        #expect(try !index.search("har file", language: "en").isEmpty)
        let padding = String(repeating: ". ", count: 250)
        #expect(try index.search(padding + "har file", language: "en").isEmpty)
        #expect(try index.search(String(padding.dropLast(10)) + "har file", language: "en").map(\.id).first == "har-file")
    }

    @Test("only the first 32 words of a question are searched")
    func termCount() throws {
        let index = try KnowledgeIndex.open(Self.desk)
        #expect(KnowledgeIndex.maxTerms == 32)
        // har-file does not say "invoice": it is found only when "har" is searched.
        let invoice = try index.search("invoice", language: "en", limit: 100)
        #expect(!invoice.contains { $0.id == "har-file" })
        #expect(try index.search("invoice har", language: "en", limit: 100).contains { $0.id == "har-file" })
        #expect(try index.search(String(repeating: "invoice ", count: 32) + "har", language: "en", limit: 100) == invoice)
        #expect(try index.search(String(repeating: "invoice ", count: 31) + "har", language: "en", limit: 100).contains { $0.id == "har-file" })
    }

    @Test("a word that begins more than 512 index words stands for the 512 shortest of them")
    func prefixExpansions() throws {
        let articles = (0..<600).map { number in
            KnowledgeArticle(id: "a\(number)", title: "Article", language: "en", body: "zz\(number)", path: "a\(number).md")
        }
        let index = try KnowledgeIndex.open(KnowledgeBase(articles: articles))
        #expect(TermPostings.maxExpansions == 512)
        let found = try index.search("zz", language: "en", limit: 600).map(\.id)
        // zz0–zz9, zz10–zz99, then the five-letter words in byte order: zz100 … zz511.
        #expect(Set(found) == Set((0..<512).map { "a\($0)" }))
        #expect(try index.search("zz59", language: "en", limit: 600).map(\.id).sorted() == ["a59", "a590", "a591", "a592", "a593", "a594",
                                                                                             "a595", "a596", "a597", "a598", "a599"])
    }

    @Test("the sentences kept for excerpts are those of at most 1,000 articles, and a kept article is not split again")
    func excerptCache() {
        #expect(Excerpt.Cache().capacity == 1_000)
        let cache = Excerpt.Cache(capacity: 2)
        var made = 0
        let make = { () -> [Excerpt.Sentence] in
            made += 1
            return [Excerpt.Sentence(text: "one", stems: ["one"])]
        }
        _ = cache.sentences(of: 0, make)
        _ = cache.sentences(of: 0, make)
        #expect(made == 1)
        _ = cache.sentences(of: 1, make)
        _ = cache.sentences(of: 2, make)
        #expect(made == 3 && cache.count <= 2)
    }
}
