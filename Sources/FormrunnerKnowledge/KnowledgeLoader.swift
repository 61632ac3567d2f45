import Foundation
import FormrunnerCore
import Yams

/// Reads and checks `Knowledge/<language>/<id>.md` under a catalog.
///
/// Each file starts with a YAML front matter between `---` lines: `id`, `title`, `language`
/// (required), `tags` and `teams` (lists, optional); nothing else. The id is the file's name, the
/// language its folder's; links between articles are written `[text](kb:ID)` and must name an
/// article that exists. Every problem is reported at once, with its file and line.
public struct KnowledgeLoader: Sendable {
    /// The catalog folder (the one holding `Knowledge/`).
    public let root: String
    /// The teams an article may name; nil to accept any.
    public let teams: Set<String>?

    /// The largest article file read (a knowledge base is prose, not data).
    public static let maxFileSize = 256 * 1024
    /// The keys a front matter may have.
    static let keys: Set<String> = ["id", "title", "language", "tags", "teams"]

    /// A loader for the `Knowledge/` folder of the catalog at `root`.
    public init(root: String, teams: Set<String>? = nil) {
        self.root = root
        self.teams = teams
    }

    /// The folder's path as diagnostics name it.
    var folder: String { root == "." ? "Knowledge" : (root.hasSuffix("/") ? root : root + "/") + "Knowledge" }

    /// Loads every article; a catalog without `Knowledge/` has an empty knowledge base.
    public func load() -> KnowledgeBase {
        var articles: [KnowledgeArticle] = []
        var diagnostics: [Diagnostic] = []
        let files = markdownFiles(&diagnostics)
        for file in files {
            if let article = read(file, &diagnostics) { articles.append(article) }
        }
        diagnostics += crossChecks(articles)
        for index in diagnostics.indices where diagnostics[index].code == nil { diagnostics[index].code = .knowledgeArticle }
        return KnowledgeBase(articles: articles, diagnostics: diagnostics, files: files)
    }

    private func markdownFiles(_ diagnostics: inout [Diagnostic]) -> [String] {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return [] }
        var files: [String] = []
        for language in ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).sorted() where !language.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(language)
            guard manager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                diagnostics.append(Diagnostic(.error, "a file directly in Knowledge/: articles go in Knowledge/en/, Knowledge/pt/ or Knowledge/es/",
                                              at: SourceLocation(file: path, line: 1, column: 1)))
                continue
            }
            guard LocalizedText.supportedLanguages.contains(language) else {
                diagnostics.append(Diagnostic(.error, "unknown language folder '\(language)': expected one of \(LocalizedText.supportedLanguages.joined(separator: ", "))",
                                              at: SourceLocation(file: path, line: 1, column: 1)))
                continue
            }
            for name in ((try? manager.contentsOfDirectory(atPath: path)) ?? []).sorted() where !name.hasPrefix(".") {
                let file = (path as NSString).appendingPathComponent(name)
                if name.hasSuffix(".md") {
                    files.append(file)
                } else {
                    diagnostics.append(Diagnostic(.error, "not an article: files in Knowledge/\(language)/ end in .md",
                                                  at: SourceLocation(file: file, line: 1, column: 1)))
                }
            }
        }
        return files
    }

    private func read(_ file: String, _ diagnostics: inout [Diagnostic]) -> KnowledgeArticle? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if let attributes = try? FileManager.default.attributesOfItem(atPath: file),
           (attributes[.type] as? FileAttributeType) == .typeSymbolicLink {
            diagnostics.append(Diagnostic(.error, "an article must be a file, not a symbolic link", at: start))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            diagnostics.append(Diagnostic(.error, "cannot read the article", at: start))
            return nil
        }
        guard data.count <= Self.maxFileSize else {
            diagnostics.append(Diagnostic(.error, "the article is \(data.count) bytes; at most \(Self.maxFileSize) are read", at: start))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(Diagnostic(.error, "the article is not UTF-8 text", at: start))
            return nil
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else {
            diagnostics.append(Diagnostic(.error, "an article starts with a front matter: a line '---', the keys id, title, language (and tags, teams), and a line '---'", at: start))
            return nil
        }
        let front = lines[1..<end].joined(separator: "\n")
        let rest = lines[(end + 1)...]
        let body = rest.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let bodyLine = end + 2 + rest.prefix { $0.trimmingCharacters(in: .whitespaces).isEmpty }.count
        let frontMatter = FrontMatter(file: file, firstLine: 2)
        guard let fields = frontMatter.parse(front, &diagnostics) else { return nil }
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let folderLanguage = ((file as NSString).deletingLastPathComponent as NSString).lastPathComponent
        var ok = true
        func problem(_ message: String, _ key: String) {
            diagnostics.append(Diagnostic(.error, message, at: frontMatter.location(of: key, in: fields)))
            ok = false
        }
        for key in ["id", "title", "language"] where fields.strings[key] == nil {
            problem("missing '\(key)' in the front matter", key)
        }
        let id = fields.strings["id"] ?? name
        if fields.strings["id"] != nil {
            if !Self.isWellFormedID(id) { problem("the id '\(id)' must be lower-case letters, digits and hyphens", "id") }
            else if id != name { problem("the id '\(id)' differs from the file's name '\(name).md'", "id") }
        }
        let language = fields.strings["language"] ?? folderLanguage
        if fields.strings["language"] != nil, language != folderLanguage {
            problem("the language '\(language)' differs from the folder Knowledge/\(folderLanguage)/", "language")
        }
        if let teams {
            for team in fields.lists["teams"] ?? [] where !teams.contains(team) {
                problem("unknown team '\(team)': the catalog's teams are \(teams.sorted().joined(separator: ", "))", "teams")
            }
        }
        if body.isEmpty {
            diagnostics.append(Diagnostic(.error, "the article has no text after its front matter",
                                          at: SourceLocation(file: file, line: end + 1, column: 1)))
            ok = false
        }
        guard ok else { return nil }
        return KnowledgeArticle(id: id, title: fields.strings["title"] ?? "", language: language,
                                tags: fields.lists["tags"] ?? [], teams: fields.lists["teams"] ?? [],
                                body: body, path: file, bodyLine: bodyLine)
    }

    /// Duplicate ids in one language, links to articles that do not exist, articles with no English version.
    private func crossChecks(_ articles: [KnowledgeArticle]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let ids = Set(articles.map(\.id))
        for article in articles {
            for link in article.links where !ids.contains(link.id) {
                diagnostics.append(Diagnostic(.error, "broken link: no article has the id '\(link.id)'",
                                              at: SourceLocation(file: article.path, line: article.bodyLine + link.line - 1, column: 1)))
            }
            if article.language != "en", !articles.contains(where: { $0.id == article.id && $0.language == "en" }) {
                diagnostics.append(Diagnostic(.warning, "'\(article.id)' has no English version (Knowledge/en/\(article.id).md), which every language falls back to",
                                              at: SourceLocation(file: article.path, line: 1, column: 1)))
            }
        }
        return diagnostics
    }

    static func isWellFormedID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 80 && !id.hasPrefix("-") && id.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
        }
    }
}
