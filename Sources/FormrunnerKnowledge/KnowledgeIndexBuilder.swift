/// Builds a ``KnowledgeIndex``: each article's plain text computed once (kept for the excerpts),
/// split into words, each distinct word of a language folded and stemmed once and its stems
/// numbered, and the occurrences counted by number (``TermPostings/Builder``).
struct KnowledgeIndexBuilder {
    private var postings = TermPostings.Builder()
    /// By language: each word as written → the numbers of its stems.
    private var words: [String: [String: [Int32]]] = [:]
    private var plains: [String] = []

    /// Builds the index of `base`.
    static func build(_ base: KnowledgeBase) -> KnowledgeIndex.Built {
        var builder = KnowledgeIndexBuilder()
        builder.plains.reserveCapacity(base.articles.count)
        for article in base.articles { builder.add(article) }
        return builder.finish(documents: base.articles.map { ($0.id, $0.language) })
    }

    private mutating func add(_ article: KnowledgeArticle) {
        let plain = MarkdownText.plain(article.body)
        plains.append(plain)
        var table = words.removeValue(forKey: article.language) ?? [:]
        count(article.title, field: 0, language: article.language, in: &table)
        // The tags are one text, joined by spaces: a space only separates words.
        for tag in article.tags { count(tag, field: 1, language: article.language, in: &table) }
        count(plain, field: 2, language: article.language, in: &table)
        words[article.language] = table
        postings.endArticle()
    }

    private mutating func count(_ text: String, field: Int, language: String, in table: inout [String: [Int32]]) {
        StemTable.forEachWord(in: text) { word in
            if let numbers = table[word] {
                for number in numbers { postings.count(number, field: field) }
            } else {
                let numbers = StemTable.stems(ofWord: word, language: language).map { postings.number(of: $0) }
                table[word] = numbers
                for number in numbers { postings.count(number, field: field) }
            }
        }
    }

    private func finish(documents: [(id: String, language: String)]) -> KnowledgeIndex.Built {
        let terms = postings.terms
        let tables = words.mapValues { table in table.mapValues { numbers in numbers.map { terms[Int($0)] } } }
        return KnowledgeIndex.Built(postings: postings.finish(), documents: documents,
                                    tables: tables.reduce(into: [:]) { $0[$1.key] = StemTable(language: $1.key, words: $1.value) },
                                    plains: plains)
    }
}
