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
        let versions = articles.filter { $0.id == id }
        return versions.first { $0.language == language } ?? versions.first { $0.language == "en" } ?? versions.first
    }

    /// The languages `id` is written in.
    public func languages(of id: String) -> [String] {
        articles.filter { $0.id == id }.map(\.language).sorted()
    }
}
