import Foundation
import FormrunnerKnowledge
import GRDB

/// FTS5 configurations tried as the knowledge index of record (issue 17 says "indexed with SQLite
/// FTS5"), each measured the same way: the articles' stems inserted in one transaction with a
/// prepared statement (the stems made beforehand, so the time is FTS5's alone: the stemming of the
/// production build comes on top of it), then searches ranked by FTS5's own `bm25(t, 8, 4, 1)`
/// with `ORDER BY rank LIMIT`, in the question's language with the English fallback. No typo
/// correction (the production index's is internal), so the search quality here is a lower bound
/// of what the same configuration would give with it.
///
/// `KNOWLEDGE_BENCH_FTS5=0` leaves them out; `KNOWLEDGE_BENCH_FTS5_SEARCHES=N` times the first N
/// searches of each (400 by default: each takes tens of milliseconds).
struct FTS5Variant {
    /// How a question's stems become an FTS5 query.
    enum Query: String {
        /// Every stem a prefix phrase, OR'd (what the production index ranks in memory).
        case orPrefixes = "OR of prefixes"
        /// The AND of the prefix phrases first; the OR only when the AND finds fewer than the limit.
        case andThenOr = "AND, then OR"
        /// Every stem as a whole word (no prefix), OR'd.
        case orWords = "OR of whole words"
    }

    let name: String
    /// The `fts5(...)` options after the columns.
    let options: String
    let query: Query

    static let all: [FTS5Variant] = [
        FTS5Variant(name: "content table (the index of before)", options: "tokenize = 'ascii'", query: .orPrefixes),
        FTS5Variant(name: "contentless", options: "content = '', tokenize = 'ascii'", query: .orPrefixes),
        FTS5Variant(name: "contentless, detail=column", options: "content = '', detail = column, tokenize = 'ascii'", query: .orPrefixes),
        FTS5Variant(name: "contentless, detail=none", options: "content = '', detail = none, tokenize = 'ascii'", query: .orPrefixes),
        FTS5Variant(name: "contentless, detail=column, columnsize=0",
                    options: "content = '', detail = column, columnsize = 0, tokenize = 'ascii'", query: .orPrefixes),
        FTS5Variant(name: "contentless, detail=column, prefix='2 3 4'",
                    options: "content = '', detail = column, prefix = '2 3 4', tokenize = 'ascii'", query: .orPrefixes),
        FTS5Variant(name: "contentless, detail=column", options: "content = '', detail = column, tokenize = 'ascii'", query: .andThenOr),
        FTS5Variant(name: "contentless, detail=column", options: "content = '', detail = column, tokenize = 'ascii'", query: .orWords),
        FTS5Variant(name: "contentless, detail=none", options: "content = '', detail = none, tokenize = 'ascii'", query: .andThenOr),
    ]

    /// One variant's index of some articles.
    final class Index {
        let variant: FTS5Variant
        let database: DatabaseQueue
        let articles: [KnowledgeArticle]
        /// FTS5's inserts, wall and CPU of this thread, ms.
        private(set) var inserts = (wall: 0.0, cpu: 0.0)

        init(_ variant: FTS5Variant, articles: [KnowledgeArticle], stems: [[String]]) throws {
            self.variant = variant
            self.articles = articles
            database = try DatabaseQueue()
            var cpu = 0.0
            let wall = try milliseconds(cpu: &cpu) {
                try database.write { db in
                    try db.execute(sql: """
                        CREATE TABLE article (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, language TEXT NOT NULL);
                        CREATE INDEX article_id ON article (id, language);
                        CREATE VIRTUAL TABLE article_search USING fts5(title, tags, body, \(variant.options));
                        """)
                    let insertArticle = try db.makeStatement(sql: "INSERT INTO article (rowid, id, language) VALUES (?, ?, ?)")
                    let insertSearch = try db.makeStatement(sql: "INSERT INTO article_search (rowid, title, tags, body) VALUES (?, ?, ?, ?)")
                    for (index, article) in articles.enumerated() {
                        let rowid = Int64(index + 1)
                        try insertArticle.execute(arguments: [rowid, article.id, article.language])
                        let fields = (0..<3).map { stems[3 * index + $0].joined(separator: " ") }
                        try insertSearch.execute(arguments: [rowid, fields[0], fields[1], fields[2]])
                    }
                }
            }
            inserts = (wall, cpu)
        }

        /// The ids of the best `limit` articles.
        func search(_ question: String, language: String, limit: Int = 3) throws -> [String] {
            var seen: Set<String> = []
            let local = KnowledgeTerms.stems(of: question, language: language).prefix(32).filter { seen.insert($0).inserted }
            seen = []
            let english = language == "en" ? [] : KnowledgeTerms.stems(of: question, language: "en").prefix(32)
                .filter { seen.insert($0).inserted }
            let rows = try database.read { db in
                var rows = try match(local, in: db, filter: "article.language = ?", arguments: [language], limit: limit)
                if !english.isEmpty {
                    rows += try match(english, in: db,
                                      filter: "article.language = 'en' AND article.id NOT IN (SELECT id FROM article WHERE language = ?)",
                                      arguments: [language], limit: limit)
                }
                return rows
            }
            return rows.sorted { $0.score < $1.score }.prefix(limit).map { articles[$0.rowid - 1].id }
        }

        private func match(_ terms: [String], in db: Database, filter: String, arguments: StatementArguments,
                           limit: Int) throws -> [(rowid: Int, score: Double)] {
            guard !terms.isEmpty else { return [] }
            let phrases = terms.map { "\"" + $0 + "\"" + (variant.query == .orWords ? "" : "*") }
            if variant.query == .andThenOr {
                let all = try fetch(phrases.joined(separator: " AND "), in: db, filter: filter, arguments: arguments, limit: limit)
                if all.count >= limit { return all }
            }
            return try fetch(phrases.joined(separator: " OR "), in: db, filter: filter, arguments: arguments, limit: limit)
        }

        private func fetch(_ match: String, in db: Database, filter: String, arguments: StatementArguments,
                           limit: Int) throws -> [(rowid: Int, score: Double)] {
            var all: StatementArguments = [match]
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

    /// Each article's stems: title, tags, text (three entries an article).
    static func stems(of articles: [KnowledgeArticle]) -> [[String]] {
        articles.flatMap { article in
            [KnowledgeTerms.stems(of: article.title, language: article.language),
             KnowledgeTerms.stems(of: article.tags.joined(separator: " "), language: article.language),
             KnowledgeTerms.stems(of: MarkdownText.plain(article.body), language: article.language)]
        }
    }
}
