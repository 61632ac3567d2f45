import Foundation

/// The sentence of an article that best answers a question: the one sharing the most stems with
/// it (the first sentence when none does), cut at a word boundary.
enum Excerpt {
    /// The longest excerpt, in characters.
    static let length = 180

    /// A sentence of an article's plain text, with its stems in the article's language.
    struct Sentence: Sendable {
        let text: String
        let stems: [String]
    }

    /// The sentences of `plain` (an article's ``MarkdownText/plain(_:)``): its lines, cut after
    /// each ". ", trimmed, the empty ones left out; `stems`: the stems of a sentence in the
    /// article's language (``KnowledgeTerms/stems(of:language:)``, or a memo of it).
    static func sentences(of plain: String, stems: (String) -> [String]) -> [Sentence] {
        plain.split(whereSeparator: { $0 == "\n" })
            .flatMap { $0.split(separator: ". ", omittingEmptySubsequences: true) }
            .map(MarkdownText.trimmed)
            .filter { !$0.isEmpty }
            .map { Sentence(text: $0, stems: stems($0)) }
    }

    /// `wanted`: the question's stems as searched (misspellings corrected).
    static func best(in sentences: [Sentence], for wanted: Set<String>) -> String {
        var best = sentences.first?.text ?? ""
        var bestScore = 0
        for sentence in sentences {
            let score = wanted.filter { term in sentence.stems.contains { $0.hasPrefix(term) } }.count
            if score > bestScore { (best, bestScore) = (sentence.text, score) }
        }
        return shortened(best)
    }

    static func shortened(_ text: String) -> String {
        guard text.count > length else { return text }
        let cut = text.prefix(length)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }

    /// The sentences of the articles found lately, by article number, so that an article found
    /// again is not split and stemmed again. Safe from any thread; starts afresh past ``capacity``
    /// articles.
    final class Cache: @unchecked Sendable {
        /// How many articles' sentences are kept at most.
        let capacity: Int
        private let lock = NSLock()
        private var sentences: [Int: [Sentence]] = [:]

        init(capacity: Int = 1_000) {
            self.capacity = capacity
        }

        /// The sentences of article `document`, made by `make` unless kept.
        func sentences(of document: Int, _ make: () -> [Sentence]) -> [Sentence] {
            lock.lock()
            if let kept = sentences[document] { lock.unlock(); return kept }
            lock.unlock()
            let made = make()
            lock.lock()
            defer { lock.unlock() }
            if sentences.count >= capacity { sentences.removeAll(keepingCapacity: true) }
            sentences[document] = made
            return made
        }

        /// How many articles' sentences are kept.
        var count: Int {
            lock.lock()
            defer { lock.unlock() }
            return sentences.count
        }
    }
}
