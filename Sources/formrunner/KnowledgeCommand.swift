import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerKnowledge

/// `formrunner knowledge search|show|stats`: the desk's articles (`Knowledge/`), as the assistant finds them, and how often they answer.
struct Knowledge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "knowledge",
        abstract: "Search and read the knowledge base (Knowledge/<language>/<id>.md).",
        subcommands: [Search.self, Show.self, Stats.self]
    )

    /// `knowledge search TEXT…`.
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "The articles that best answer a question, best first, with a short excerpt.",
            discussion: "Misspelt words and missing accents are forgiven. Articles without a version in the language are searched in English.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The question, in the requester's words.") var words: [String]
        @Option(help: "The language of the question and of the articles: en, pt or es.") var lang: String = "en"
        @Option(help: "How many articles at most.") var limit: Int = 3
        @Flag(help: "Print JSON (id, language, title, excerpt, score) for scripts.") var json = false

        func validate() throws {
            try Knowledge.check(language: lang)
            guard (1...50).contains(limit) else { throw ValidationError("--limit must be between 1 and 50") }
        }

        func run() throws {
            let index = try Knowledge.index(global)
            let hits = try index.search(words.joined(separator: " "), language: lang, limit: limit)
            if json { return Output.print(try Output.json(hits) + "\n") }
            if hits.isEmpty { return Output.print("No article matches. Try other words, or open a ticket.\n") }
            for (rank, hit) in hits.enumerated() {
                let language = hit.language == lang ? "" : " [\(hit.language)]"
                Output.print("\(rank + 1). \(hit.title.terminalSafe)\(language)  (\(hit.id))\n   \(hit.excerpt.terminalSafe)\n")
            }
        }
    }

    /// `knowledge show ID`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print an article, in the language asked for (else in English).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The article's id (its file name without .md).") var id: String
        @Option(help: "The language: en, pt or es.") var lang: String = "en"

        func validate() throws { try Knowledge.check(language: lang) }

        func run() throws {
            let base = try Knowledge.base(global)
            guard let article = base.article(id, language: lang) else {
                let hint = Suggestion.closest(to: id, in: Set(base.articles.map(\.id)).sorted()).map { " (did you mean '\($0)'?)" } ?? ""
                throw CommandFailure("no article '\(id)' in Knowledge/\(hint)")
            }
            Output.print(article.title.terminalSafe + "\n" + String(repeating: "=", count: min(article.title.count, 60)) + "\n\n"
                         + MarkdownText.terminal(article.body) + "\n")
        }
    }

    static func check(language: String) throws {
        guard LocalizedText.supportedLanguages.contains(language) else {
            throw ValidationError("--lang must be one of \(LocalizedText.supportedLanguages.joined(separator: ", ")), not '\(language)'")
        }
    }

    /// The catalog's knowledge base, refused (with every problem) when `validate` would fail on it.
    static func base(_ global: GlobalOptions) throws -> KnowledgeBase {
        let base = KnowledgeLoader(root: global.catalog).load()
        guard !base.diagnostics.hasErrors else {
            Output.report(base.diagnostics, sources: [:])
            throw CommandFailure("the knowledge base has errors (see above; `formrunner validate` lists them too)")
        }
        return base
    }

    /// The index, cached under the catalog's `.formrunner/knowledge/` by the articles' content.
    static func index(_ global: GlobalOptions) throws -> KnowledgeIndex {
        let base = try base(global)
        let cache = (global.catalog as NSString).appendingPathComponent(".formrunner/knowledge")
        return try KnowledgeIndex.open(base, cacheFolder: cache)
    }
}
