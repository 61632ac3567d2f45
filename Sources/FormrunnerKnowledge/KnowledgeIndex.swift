import Foundation
import FormrunnerCore
internal import GRDB

/// The knowledge base's full-text index: SQLite FTS5 ranked by BM25 (title, then tags, then text),
/// over stems folded without accents (``KnowledgeTerms``), with misspelt words corrected against
/// the index's own words.
///
/// Built once per content: ``open(_:cacheFolder:)`` names the index file after a hash of every
/// article, so a restart with the same articles opens it at once and a changed article builds a
/// new one (older files are removed).
public final class KnowledgeIndex: Sendable {
    /// The articles indexed.
    public let base: KnowledgeBase
    /// The index file, or nil for an index in memory.
    public let path: String?
    private let database: DatabaseQueue
    private let corrector: TypoCorrector
    /// Each article's versions: id → language → article.
    private let versions: [String: [String: KnowledgeArticle]]

    /// Bump when the schema or the stemming changes, so that cached indexes are rebuilt.
    static let format = "knowledge-index-1"

    private init(base: KnowledgeBase, path: String?, database: DatabaseQueue) throws {
        self.base = base
        self.path = path
        self.database = database
        versions = base.articles.reduce(into: [:]) { versions, article in versions[article.id, default: [:]][article.language] = article }
        let documents = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT term, doc FROM article_terms").reduce(into: [String: Int]()) { terms, row in
                terms[row["term"]] = row["doc"]
            }
        }
        corrector = TypoCorrector(documents: documents)
    }

    /// The index of `base`: read from `cacheFolder` when an index of the same articles is there,
    /// else built (into that folder, or in memory when it is nil).
    public static func open(_ base: KnowledgeBase, cacheFolder: String? = nil) throws -> KnowledgeIndex {
        guard let cacheFolder else {
            let database = try DatabaseQueue()
            try database.write { db in try build(base, in: db) }
            return try KnowledgeIndex(base: base, path: nil, database: database)
        }
        try FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let name = "knowledge-" + contentHash(base).prefix(24) + ".sqlite"
        let path = (cacheFolder as NSString).appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: path) {
            let temporary = path + ".incoming-\(UUID().uuidString)"
            do {
                let database = try DatabaseQueue(path: temporary)
                try database.write { db in try build(base, in: db) }
                try database.close()
                if rename(temporary, path) != 0 { throw CocoaError(.fileWriteUnknown) }
            } catch {
                try? FileManager.default.removeItem(atPath: temporary)
                throw error
            }
            removeOthers(in: cacheFolder, keeping: name)
        }
        var configuration = Configuration()
        configuration.readonly = true
        return try KnowledgeIndex(base: base, path: path, database: DatabaseQueue(path: path, configuration: configuration))
    }

    /// The best `limit` articles for `question`, in `language` where an article has that version,
    /// else in English.
    public func search(_ question: String, language: String, limit: Int = 3) throws -> [KnowledgeHit] {
        guard limit > 0 else { return [] }
        let local = terms(question, language: language)
        let english = language == "en" ? [] : terms(question, language: "en")
        let rows = try database.read { db in
            var rows = try Self.match(local, in: db, filter: "article.language = ?", arguments: [language], limit: limit)
            if !english.isEmpty {
                rows += try Self.match(english, in: db,
                                       filter: "article.language = 'en' AND article.id NOT IN (SELECT id FROM article WHERE language = ?)",
                                       arguments: [language], limit: limit)
            }
            return rows
        }
        return rows.sorted { $0.score < $1.score }.prefix(limit).compactMap { found in
            guard let article = versions[found.id]?[found.language] else { return nil }
            return KnowledgeHit(id: article.id, language: article.language, title: article.title,
                                excerpt: Excerpt.best(in: article, for: Set(article.language == language ? local : english)),
                                score: found.score)
        }
    }

    /// The article `id` in `language`, else in English, else in any language it is written in.
    public func article(_ id: String, language: String) -> KnowledgeArticle? {
        versions[id].flatMap { KnowledgeBase.preferred($0, language: language) }
    }

    /// The question's stems in `language`, misspellings corrected, each once.
    func terms(_ question: String, language: String) -> [String] {
        var seen: Set<String> = []
        return KnowledgeTerms.stems(of: question, language: language).prefix(32)
            .map(corrector.corrected)
            .filter { seen.insert($0).inserted }
    }

    private static func match(_ terms: [String], in db: Database, filter: String, arguments: StatementArguments,
                              limit: Int) throws -> [(id: String, language: String, score: Double)] {
        guard !terms.isEmpty else { return [] }
        let query = terms.map { "\"" + $0 + "\"*" }.joined(separator: " OR ")
        var all: StatementArguments = [query]
        all += arguments
        all += [limit]
        return try Row.fetchAll(db, sql: """
            SELECT article.id AS id, article.language AS language, bm25(article_search, 8.0, 4.0, 1.0) AS score
            FROM article_search JOIN article ON article.rowid = article_search.rowid
            WHERE article_search MATCH ? AND \(filter)
            ORDER BY score LIMIT ?
            """, arguments: all).map { ($0["id"], $0["language"], $0["score"]) }
    }

    private static func build(_ base: KnowledgeBase, in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE article (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, language TEXT NOT NULL);
            CREATE INDEX article_id ON article (id, language);
            CREATE VIRTUAL TABLE article_search USING fts5(title, tags, body, tokenize = 'ascii');
            CREATE VIRTUAL TABLE article_terms USING fts5vocab(article_search, 'row');
            """)
        let insertArticle = try db.makeStatement(sql: "INSERT INTO article (rowid, id, language) VALUES (?, ?, ?)")
        let insertSearch = try db.makeStatement(sql: "INSERT INTO article_search (rowid, title, tags, body) VALUES (?, ?, ?, ?)")
        for (index, article) in base.articles.enumerated() {
            let rowid = Int64(index + 1)
            try insertArticle.execute(arguments: [rowid, article.id, article.language])
            let stems = { (text: String) in KnowledgeTerms.stems(of: text, language: article.language).joined(separator: " ") }
            try insertSearch.execute(arguments: [rowid, stems(article.title), stems(article.tags.joined(separator: " ")),
                                                 stems(MarkdownText.plain(article.body))])
        }
    }

    private static func contentHash(_ base: KnowledgeBase) -> String {
        var hash = SHA256()
        hash.update(Data((format + "\n").utf8))
        for article in base.articles {
            for part in [article.id, article.language, article.title, article.tags.joined(separator: ","),
                         article.teams.joined(separator: ","), article.body] {
                hash.update(Data(part.utf8))
                hash.update([0])
            }
        }
        return hash.hexDigest()
    }

    private static func removeOthers(in folder: String, keeping name: String) {
        for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where file.hasPrefix("knowledge-") && file != name && !file.contains(".incoming-") {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(file))
        }
    }
}
