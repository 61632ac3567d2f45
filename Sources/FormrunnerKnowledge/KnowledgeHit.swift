/// An article a search found: what a result list shows.
public struct KnowledgeHit: Hashable, Sendable, Codable {
    /// The article's id.
    public var id: String
    /// The language of the version found (the requester's, else English).
    public var language: String
    /// The article's title in that language.
    public var title: String
    /// The sentence of the article that best matches the question, shortened.
    public var excerpt: String
    /// BM25 relevance (lower is better, as SQLite's FTS5 reports it).
    public var score: Double
}
