/// One article of the desk's knowledge base, in one language: `Knowledge/<language>/<id>.md`.
///
/// The same `id` in several languages makes one article and its translations.
public struct KnowledgeArticle: Hashable, Sendable, Codable {
    /// Lower-case letters, digits and hyphens; the file's name without `.md`.
    public var id: String
    /// The title shown in search results and as the page heading.
    public var title: String
    /// `en`, `pt` or `es`: the folder the file is in.
    public var language: String
    /// Words a requester might type that the text may not contain (synonyms, product names).
    public var tags: [String]
    /// The teams whose subjects the article answers (`technical`, `financial`, `commercial`).
    public var teams: [String]
    /// The Markdown text after the front matter.
    public var body: String
    /// The file, as found under the catalog.
    public var path: String
    /// The line of the file the body starts at (for locating problems in it).
    public var bodyLine: Int

    /// An article.
    public init(id: String, title: String, language: String, tags: [String] = [], teams: [String] = [],
                body: String, path: String, bodyLine: Int = 1) {
        self.id = id
        self.title = title
        self.language = language
        self.tags = tags
        self.teams = teams
        self.body = body
        self.path = path
        self.bodyLine = bodyLine
    }

    /// The ids the body links to (`[text](kb:ID)`), with the 1-based line of each link in the body.
    public var links: [(id: String, line: Int)] {
        var found: [(String, Int)] = []
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let start = rest.range(of: "](kb:") {
                let tail = rest[start.upperBound...]
                guard let end = tail.firstIndex(of: ")") else { break }
                found.append((String(tail[..<end]), index + 1))
                rest = tail[end...]
            }
        }
        return found
    }
}
