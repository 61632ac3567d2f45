import Foundation

/// The sentence of an article that best answers a question: the one sharing the most stems with
/// it (the first sentence when none does), cut at a word boundary.
enum Excerpt {
    /// The longest excerpt, in characters.
    static let length = 180

    /// `wanted`: the question's stems as searched (misspellings corrected); `stems`: the stems of a
    /// sentence in the article's language (``KnowledgeTerms/stems(of:language:)``, or a memo of it).
    static func best(in article: KnowledgeArticle, for wanted: Set<String>,
                     stems: (String) -> [String]) -> String {
        let sentences = MarkdownText.plain(article.body)
            .split(whereSeparator: { $0 == "\n" })
            .flatMap { $0.split(separator: ". ", omittingEmptySubsequences: true) }
            .map(MarkdownText.trimmed)
            .filter { !$0.isEmpty }
        var best = sentences.first ?? ""
        var bestScore = 0
        for sentence in sentences {
            let found = stems(sentence)
            let score = wanted.filter { term in found.contains { $0.hasPrefix(term) } }.count
            if score > bestScore { (best, bestScore) = (sentence, score) }
        }
        return shortened(best)
    }

    static func shortened(_ text: String) -> String {
        guard text.count > length else { return text }
        let cut = text.prefix(length)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
