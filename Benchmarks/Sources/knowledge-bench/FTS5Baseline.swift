import Foundation
import FormrunnerKnowledge
import GRDB

/// The index as it was before `TermPostings` (commit 69ff640), rebuilt here from public pieces so
/// that one run measures both: every text stemmed whole (`KnowledgeTerms.stems`), an FTS5 table
/// filled in one transaction with prepared statements, and a search of two FTS5 queries (the
/// question's stems as prefixes, BM25 8/4/1, the English fallback) and the excerpts of the three
/// hits stemmed sentence by sentence. Differs in one way: no typo correction (internal to the
/// library; it was measured at a small share of a search).
final class FTS5Baseline {
    let database: DatabaseQueue
    let articles: [KnowledgeArticle]
    /// Of the build, the time spent in FTS5's inserts (the articles' stems already made), wall
    /// and CPU of this thread, in ms: what keeping an FTS5 table beside the postings would add.
    private(set) var inserts = (wall: 0.0, cpu: 0.0)

    /// Builds the FTS5 index of `articles` in memory.
    init(_ articles: [KnowledgeArticle]) throws {
        self.articles = articles
        database = try DatabaseQueue()
        try database.write { db in
            try db.execute(sql: """
                CREATE TABLE article (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, language TEXT NOT NULL);
                CREATE INDEX article_id ON article (id, language);
                CREATE VIRTUAL TABLE article_search USING fts5(title, tags, body, tokenize = 'ascii');
                """)
            let insertArticle = try db.makeStatement(sql: "INSERT INTO article (rowid, id, language) VALUES (?, ?, ?)")
            let insertSearch = try db.makeStatement(sql: "INSERT INTO article_search (rowid, title, tags, body) VALUES (?, ?, ?, ?)")
            for (index, article) in articles.enumerated() {
                let rowid = Int64(index + 1)
                try insertArticle.execute(arguments: [rowid, article.id, article.language])
                let stems = { (text: String) in KnowledgeTerms.stems(of: text, language: article.language).joined(separator: " ") }
                let arguments: StatementArguments = [rowid, stems(article.title), stems(article.tags.joined(separator: " ")),
                                                     stems(MarkdownText.plain(article.body))]
                var cpu = 0.0
                inserts.wall += try milliseconds(cpu: &cpu) { try insertSearch.execute(arguments: arguments) }
                inserts.cpu += cpu
            }
        }
    }

    /// Reads every (word, article, column) of the FTS5 index through `fts5vocab`, as loading the
    /// postings from an FTS5 table at each start would have to: the number of rows read.
    func readPostings() throws -> Int {
        try database.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_instances USING fts5vocab(main, article_search, 'instance')")
            var rows = 0
            let cursor = try Row.fetchCursor(db, sql: "SELECT term, doc, col FROM temp.article_instances")
            while let row = try cursor.next() {
                let term: String = row[0]
                rows += term.isEmpty ? 0 : 1
            }
            return rows
        }
    }

    /// The old search: top three ids with their excerpt sentences scored.
    func search(_ question: String, language: String, limit: Int = 3) throws -> [String] {
        var seen: Set<String> = []
        let local = KnowledgeTerms.stems(of: question, language: language).prefix(32).filter { seen.insert($0).inserted }
        seen = []
        let english = language == "en" ? [] : KnowledgeTerms.stems(of: question, language: "en").prefix(32).filter { seen.insert($0).inserted }
        let rows = try database.read { db in
            var rows = try Self.match(local, in: db, filter: "article.language = ?", arguments: [language], limit: limit)
            if !english.isEmpty {
                rows += try Self.match(english, in: db,
                                       filter: "article.language = 'en' AND article.id NOT IN (SELECT id FROM article WHERE language = ?)",
                                       arguments: [language], limit: limit)
            }
            return rows
        }
        return rows.sorted { $0.score < $1.score }.prefix(limit).map { found in
            let article = articles[found.rowid - 1]
            let wanted = Set(article.language == language ? local : english)
            let sentences = MarkdownText.plain(article.body).split(whereSeparator: { $0 == "\n" })
                .flatMap { $0.split(separator: ". ", omittingEmptySubsequences: true) }
            var best = sentences.first.map(String.init) ?? ""
            var bestScore = 0
            for sentence in sentences {
                let stems = KnowledgeTerms.stems(of: String(sentence), language: article.language)
                let score = wanted.filter { term in stems.contains { $0.hasPrefix(term) } }.count
                if score > bestScore { (best, bestScore) = (String(sentence), score) }
            }
            return article.id + ": " + best
        }
    }

    private static func match(_ terms: [String], in db: Database, filter: String, arguments: StatementArguments,
                              limit: Int) throws -> [(rowid: Int, score: Double)] {
        guard !terms.isEmpty else { return [] }
        var all: StatementArguments = [terms.map { "\"" + $0 + "\"*" }.joined(separator: " OR ")]
        all += arguments
        all += [limit]
        return try Row.fetchAll(db, sql: """
            SELECT article.rowid AS rowid, bm25(article_search, 8.0, 4.0, 1.0) AS score
            FROM article_search JOIN article ON article.rowid = article_search.rowid
            WHERE article_search MATCH ? AND \(filter)
            ORDER BY score LIMIT ?
            """, arguments: all).map { ($0["rowid"], $0["score"]) }
    }
}
