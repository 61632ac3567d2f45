import Foundation
import FormrunnerCore

/// The knowledge base's full-text index: BM25 as SQLite's FTS5 computes it (title, then tags, then
/// text; ``TermPostings``), over stems folded without accents (``KnowledgeTerms``), with misspelt
/// words corrected against the index's own words.
///
/// Built once per content: ``open(_:cacheFolder:)`` names the index file (SQLite: the articles and
/// each word's postings) after a hash of every article, so a restart with the same articles reads
/// it at once and a changed article builds a new one (older files are removed).
public final class KnowledgeIndex: Sendable {
    /// The articles indexed.
    public let base: KnowledgeBase
    /// The index file, or nil for an index in memory.
    public let path: String?
    private let postings: TermPostings
    private let corrector: TypoCorrector
    /// Each indexed article (by its number in ``postings``): id and language.
    private let documents: [(id: String, language: String)]
    /// Each indexed article's languages of its id (for the English fallback).
    private let documentVersions: [[String]]
    /// The languages of the indexed articles, by number (at most 64 are numbered: see ``languageMasks``).
    private let languageNumbers: [String: Int]
    /// Each indexed article's language, as a bit, and the bits of the languages its id is written
    /// in: a search tells the articles it accepts without comparing strings. Nil past 64 languages.
    private let languageMasks: (language: [UInt64], versions: [UInt64])?
    /// Each article's versions: id → language → article.
    private let versions: [String: [String: KnowledgeArticle]]
    /// The stems of the words met (at the build, in questions, in excerpts).
    private let memo: StemMemo
    /// Each indexed article's plain text, when the index was built here (else made again for
    /// the articles found).
    private let plains: [String]?
    /// The sentences of the articles found lately, with their stems.
    private let excerpts = Excerpt.Cache()

    /// The longest question read, in characters: the rest is left out.
    public static let maxQuestionLength = 500
    /// The most words a question is searched with: the first ones (before the repeats are left out).
    public static let maxTerms = 32

    /// Bump when the schema or the stemming changes, so that cached indexes are rebuilt.
    static let format = "knowledge-index-2"

    private init(base: KnowledgeBase, path: String?, built: Built) {
        self.base = base
        self.path = path
        postings = built.postings
        documents = built.documents
        plains = built.plains
        memo = StemMemo(tables: built.tables)
        let versions = base.articles.reduce(into: [String: [String: KnowledgeArticle]]()) { versions, article in
            versions[article.id, default: [:]][article.language] = article
        }
        self.versions = versions
        documentVersions = built.documents.map { document in versions[document.id].map { Array($0.keys) } ?? [] }
        let languages = Set(built.documents.map(\.language)).sorted()
        languageNumbers = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($1, $0) })
        if languages.count <= 64 {
            let bit = { [languageNumbers] (language: String) in languageNumbers[language].map { UInt64(1) << UInt64($0) } ?? 0 }
            languageMasks = (built.documents.map { bit($0.language) },
                             documentVersions.map { $0.reduce(0) { $0 | bit($1) } })
        } else {
            languageMasks = nil
        }
        corrector = TypoCorrector(documents: built.postings.documentCounts)
    }

    /// The index of `base`: read from `cacheFolder` when an index of the same articles is there,
    /// else built (into that folder, or in memory when it is nil).
    public static func open(_ base: KnowledgeBase, cacheFolder: String? = nil) throws -> KnowledgeIndex {
        guard let cacheFolder else { return KnowledgeIndex(base: base, path: nil, built: KnowledgeIndexBuilder.build(base)) }
        try FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let name = "knowledge-" + contentHash(base).prefix(24) + ".sqlite"
        let path = (cacheFolder as NSString).appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: path) {
            return KnowledgeIndex(base: base, path: path, built: try KnowledgeIndexFile.read(path))
        }
        let built = KnowledgeIndexBuilder.build(base)
        try KnowledgeIndexFile.write(built, to: path)
        removeOthers(in: cacheFolder, keeping: name)
        return KnowledgeIndex(base: base, path: path, built: built)
    }

    /// The best `limit` articles for `question`, in `language` where an article has that version,
    /// else in English.
    public func search(_ question: String, language: String, limit: Int = 3) throws -> [KnowledgeHit] {
        guard limit > 0 else { return [] }
        let local = terms(question, language: language)
        let english = language == "en" ? [] : terms(question, language: "en")
        var rows: [(document: Int, score: Double)]
        if let masks = languageMasks {
            let bit = languageNumbers[language].map { UInt64(1) << UInt64($0) } ?? 0
            let englishBit = languageNumbers["en"].map { UInt64(1) << UInt64($0) } ?? 0
            rows = bit == 0 ? [] : postings.best(local, limit: limit) { masks.language[$0] == bit }
            if !english.isEmpty, englishBit != 0 {
                rows += postings.best(english, limit: limit) { masks.language[$0] == englishBit && masks.versions[$0] & bit == 0 }
            }
        } else {
            rows = postings.best(local, limit: limit) { documents[$0].language == language }
            if !english.isEmpty {
                rows += postings.best(english, limit: limit) { document in
                    documents[document].language == "en" && !documentVersions[document].contains(language)
                }
            }
        }
        return rows.sorted { $0.score < $1.score }.prefix(limit).compactMap { found in
            let document = documents[found.document]
            guard let article = versions[document.id]?[document.language] else { return nil }
            let wanted = Set(article.language == language ? local : english)
            let sentences = excerpts.sentences(of: found.document) {
                Excerpt.sentences(of: plains?[found.document] ?? MarkdownText.plain(article.body)) {
                    memo.stems(of: $0, language: article.language)
                }
            }
            return KnowledgeHit(id: article.id, language: article.language, title: article.title,
                                excerpt: Excerpt.best(in: sentences, for: wanted), score: found.score)
        }
    }

    /// The article `id` in `language`, else in English, else in any language it is written in.
    public func article(_ id: String, language: String) -> KnowledgeArticle? {
        versions[id].flatMap { KnowledgeBase.preferred($0, language: language) }
    }

    /// The question's stems in `language` (its first ``maxQuestionLength`` characters, its first
    /// ``maxTerms`` words), misspellings corrected, each once.
    func terms(_ question: String, language: String) -> [String] {
        var seen: Set<String> = []
        return memo.stems(of: String(question.prefix(Self.maxQuestionLength)), language: language).prefix(Self.maxTerms)
            .map(corrector.corrected)
            .filter { seen.insert($0).inserted }
    }

    /// What an index is made of, built or read from its file.
    struct Built: Sendable {
        var postings: TermPostings
        var documents: [(id: String, language: String)]
        /// The stem tables filled by the build, by language (empty when read from a file).
        var tables: [String: StemTable] = [:]
        /// Each article's plain text, by number (nil when read from a file).
        var plains: [String]?
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
