import FormrunnerCore

/// The articles of `Knowledge/`, as loaded and checked by ``KnowledgeLoader``.
public struct KnowledgeBase: Sendable {
    /// Every article that loaded, in path order.
    public var articles: [KnowledgeArticle]
    /// What is wrong with the folder, each problem with its file and line.
    public var diagnostics: [Diagnostic]
    /// The files read.
    public var files: [String]

    /// A knowledge base of `articles`.
    public init(articles: [KnowledgeArticle], diagnostics: [Diagnostic] = [], files: [String] = []) {
        self.articles = articles
        self.diagnostics = diagnostics
        self.files = files
    }

    /// The article `id` in `language`, else in English, else in any language.
    public func article(_ id: String, language: String) -> KnowledgeArticle? {
        Self.preferred(articles.filter { $0.id == id }.reduce(into: [:]) { $0[$1.language] = $1 }, language: language)
    }

    /// Of one article's versions (by language), the one in `language`, else English, else the
    /// first language in alphabetical order.
    static func preferred(_ versions: [String: KnowledgeArticle], language: String) -> KnowledgeArticle? {
        versions[language] ?? versions["en"] ?? versions.keys.min().flatMap { versions[$0] }
    }

    /// The languages `id` is written in.
    public func languages(of id: String) -> [String] {
        articles.filter { $0.id == id }.map(\.language).sorted()
    }
}
