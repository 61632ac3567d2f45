import Foundation

/// The index's words with the articles using them, ranked in memory by the BM25 of SQLite's FTS5
/// (`bm25(t, 8.0, 4.0, 1.0)` over title, tags and text, each query word a prefix phrase `"word"*`),
/// computed the same way (same formula, same order of operations, so the same scores).
///
/// FTS5 computes BM25 for every row an OR query matches, and one common word matches most
/// articles: at 10,000 articles that was 10–30 ms of CPU a search. Here each word's articles are
/// one array, a prefix is a range of the sorted words, and a search adds up numbers.
struct TermPostings: Sendable {
    /// How much an occurrence counts in each field: title, tags, text (FTS5's column weights).
    static let weights: [UInt32] = [8, 4, 1]
    /// FTS5's BM25 constants.
    static let k1 = 1.2, b = 0.75
    /// The most index words one question word stands for: when it begins more, the shortest
    /// (then the first in byte order) are searched, so that a one-letter word cannot make a
    /// search add up every posting of the index.
    static let maxExpansions = 512

    /// One article using a word: its number and the word's occurrences, weighted by field.
    struct Posting: Sendable, Equatable {
        var document: UInt32
        var frequency: UInt32
    }

    /// The words, sorted (Unicode scalar order, so that the words starting with a prefix are a range).
    let terms: [String]
    /// Each word's articles, in the order of ``terms``, by article number.
    let postings: [[Posting]]
    /// Each article's number of words, all fields.
    let lengths: [UInt32]
    /// The average article length (FTS5's `avgdl`).
    let averageLength: Double

    init(terms: [String], postings: [[Posting]], lengths: [UInt32]) {
        self.terms = terms
        self.postings = postings
        self.lengths = lengths
        let total = lengths.reduce(0) { $0 + Double($1) }
        averageLength = lengths.isEmpty ? 1 : total / Double(lengths.count)
    }

    /// Collects the articles' stems, one article after the other (article numbers from 0): each
    /// word gets a number when first met, and an article's occurrences are counted in an array.
    struct Builder {
        /// The words met, by number.
        private(set) var terms: [String] = []
        private var numbers: [String: Int32] = [:]
        private var postings: [[Posting]] = []
        private var lengths: [UInt32] = []
        /// The current article's weighted occurrences, by word number, and the words it has.
        private var counts: [UInt32] = []
        private var touched: [Int32] = []
        private var length: UInt32 = 0

        /// The number of `term`, given when first met.
        mutating func number(of term: String) -> Int32 {
            if let number = numbers[term] { return number }
            let number = Int32(terms.count)
            numbers[term] = number
            terms.append(term)
            postings.append([])
            counts.append(0)
            return number
        }

        /// One occurrence of the word numbered `term` in `field` (0 title, 1 tags, 2 text) of the current article.
        mutating func count(_ term: Int32, field: Int) {
            let index = Int(term)
            if counts[index] == 0 { touched.append(term) }
            counts[index] += TermPostings.weights[field]
            length += 1
        }

        /// Ends the current article: its postings are added, the next occurrences count for the next one.
        mutating func endArticle() {
            let document = UInt32(lengths.count)
            lengths.append(length)
            for term in touched {
                postings[Int(term)].append(Posting(document: document, frequency: counts[Int(term)]))
                counts[Int(term)] = 0
            }
            touched.removeAll(keepingCapacity: true)
            length = 0
        }

        /// Adds the next article, with the stems of its fields (title, tags, text).
        mutating func add(_ fields: [[String]]) {
            for (field, stems) in fields.enumerated() {
                for stem in stems { count(number(of: stem), field: field) }
            }
            endArticle()
        }

        /// The index of the articles added.
        func finish() -> TermPostings {
            let order = terms.indices.sorted { terms[$0] < terms[$1] }
            return TermPostings(terms: order.map { terms[$0] }, postings: order.map { postings[$0] }, lengths: lengths)
        }
    }

    /// How many articles use each word.
    var documentCounts: [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(terms, postings.lazy.map(\.count)))
    }

    /// The best `limit` articles for the prefix phrases `phrases` among those `accepted` lets
    /// through, best first: (article number, FTS5's BM25 score, lower is better). Equal scores in
    /// article order.
    func best(_ phrases: [String], limit: Int, accepted: (Int) -> Bool) -> [(document: Int, score: Double)] {
        guard limit > 0, !phrases.isEmpty, !lengths.isEmpty else { return [] }
        let rows = Double(lengths.count)
        var scores = [Double](repeating: 0, count: lengths.count)
        var matched = [Bool](repeating: false, count: lengths.count)
        var frequencies = [Double](repeating: 0, count: lengths.count)
        var touched: [Int] = []
        var candidates: [Int] = []
        for phrase in phrases {
            touched.removeAll(keepingCapacity: true)
            for term in expansions(of: phrase) {
                for posting in postings[term] {
                    let document = Int(posting.document)
                    if frequencies[document] == 0 { touched.append(document) }
                    frequencies[document] += Double(posting.frequency)
                }
            }
            // FTS5: idf = log((N - hits + 0.5) / (hits + 0.5)), at least 1e-6.
            let hits = Double(touched.count)
            var idf = log((rows - hits + 0.5) / (hits + 0.5))
            if idf <= 0 { idf = 1e-6 }
            for document in touched {
                let frequency = frequencies[document]
                frequencies[document] = 0
                let length = Double(lengths[document])
                scores[document] += idf * ((frequency * (Self.k1 + 1.0))
                    / (frequency + Self.k1 * (1 - Self.b + Self.b * length / averageLength)))
                if !matched[document] {
                    matched[document] = true
                    candidates.append(document)
                }
            }
        }
        var best: [(document: Int, score: Double)] = []
        for document in candidates where accepted(document) {
            let score = -1.0 * scores[document]
            guard best.count < limit || Self.before((document, score), best[best.count - 1]) else { continue }
            let place = best.firstIndex { Self.before((document, score), $0) } ?? best.count
            best.insert((document, score), at: place)
            if best.count > limit { best.removeLast() }
        }
        return best
    }

    private static func before(_ a: (document: Int, score: Double), _ b: (document: Int, score: Double)) -> Bool {
        a.score < b.score || (a.score == b.score && a.document < b.document)
    }

    /// The positions in ``terms`` of the words searched for the prefix phrase `prefix`: those it
    /// begins, at most ``maxExpansions`` of them (the shortest).
    func expansions(of prefix: String) -> [Int] {
        let all = range(startingWith: prefix)
        guard all.count > Self.maxExpansions else { return Array(all) }
        let lengths = all.map { (length: terms[$0].utf8.count, position: $0) }
        return lengths.sorted { ($0.length, $0.position) < ($1.length, $1.position) }
            .prefix(Self.maxExpansions).map(\.position)
    }

    /// The positions in ``terms`` of the words starting with `prefix` (compared by bytes, as FTS5 does).
    func range(startingWith prefix: String) -> Range<Int> {
        var low = 0, high = terms.count
        while low < high {
            let middle = (low + high) / 2
            if terms[middle] < prefix { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < terms.count, terms[end].utf8.starts(with: prefix.utf8) { end += 1 }
        return low..<end
    }
}
