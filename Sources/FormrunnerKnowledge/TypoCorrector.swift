/// Replaces a misspelt search word by the index word nearest to it: one edit away for words up to
/// seven letters, two for longer ones (insertions, deletions, substitutions, transpositions);
/// among equals, the word more articles use, then the first in alphabetical order.
///
/// The index's words are kept by length, each with its letters and a mask of the letters it has:
/// a word can be `limit` edits away only if its length is within `limit` and at most `2 × limit`
/// letters are in one mask and not the other, so most words are passed over without computing a
/// distance.
struct TypoCorrector: Sendable {
    /// One index word.
    private struct Entry: Sendable {
        let term: String
        let letters: [Unicode.Scalar]
        let mask: UInt64
        let documents: Int
    }

    /// The index's words, sorted for prefix lookups.
    private let terms: [String]
    /// The index's words by their number of letters.
    private let byLength: [Int: [Entry]]

    init(documents: [String: Int]) {
        terms = documents.keys.sorted()
        var byLength: [Int: [Entry]] = [:]
        for term in terms {
            let letters = Array(term.unicodeScalars)
            byLength[letters.count, default: []].append(Entry(term: term, letters: letters, mask: Self.mask(letters),
                                                              documents: documents[term] ?? 0))
        }
        self.byLength = byLength
    }

    /// `word` if some index word starts with it, else the closest index word, else `word`.
    func corrected(_ word: String) -> String {
        if hasPrefix(word) { return word }
        let letters = Array(word.unicodeScalars)
        guard letters.count > 3 else { return word }
        let limit = letters.count > 7 ? 2 : 1
        let mask = Self.mask(letters)
        var best: Entry?
        var bestDistance = limit + 1
        for length in (letters.count - limit)...(letters.count + limit) {
            for entry in byLength[length] ?? [] where (entry.mask ^ mask).nonzeroBitCount <= 2 * limit {
                let distance = Self.distance(letters, entry.letters, limit: limit)
                guard distance <= limit else { continue }
                if let chosen = best {
                    guard distance < bestDistance
                        || (distance == bestDistance && (entry.documents > chosen.documents
                            || (entry.documents == chosen.documents && entry.term < chosen.term))) else { continue }
                }
                best = entry
                bestDistance = distance
            }
        }
        return best?.term ?? word
    }

    /// A bit for each letter a word has (letters sharing a bit only make the test looser).
    private static func mask(_ letters: [Unicode.Scalar]) -> UInt64 {
        letters.reduce(0) { $0 | (1 << UInt64($1.value & 63)) }
    }
    private func hasPrefix(_ word: String) -> Bool {
        var low = 0, high = terms.count
        while low < high {
            let middle = (low + high) / 2
            if terms[middle] < word { low = middle + 1 } else { high = middle }
        }
        return low < terms.count && terms[low].hasPrefix(word)
    }

    /// Optimal string alignment distance, giving up (returning `limit + 1`) once every path exceeds `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
                current[j] = value
                rowBest = min(rowBest, value)
            }
            if rowBest > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
