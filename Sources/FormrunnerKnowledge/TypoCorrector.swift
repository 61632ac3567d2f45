/// Replaces a misspelt search word by the index word nearest to it: one edit away for words up to
/// seven letters, two for longer ones (insertions, deletions, substitutions, transpositions);
/// among equals, the word more articles use.
struct TypoCorrector: Sendable {
    /// The index's words and how many articles use each, sorted for prefix lookups.
    private let terms: [String]
    private let documents: [String: Int]

    init(documents: [String: Int]) {
        self.documents = documents
        terms = documents.keys.sorted()
    }

    /// `word` if some index word starts with it, else the closest index word, else `word`.
    func corrected(_ word: String) -> String {
        if hasPrefix(word) { return word }
        let limit = word.count > 7 ? 2 : 1
        guard word.count > 3 else { return word }
        let letters = Array(word.unicodeScalars)
        var best: (term: String, distance: Int, documents: Int)?
        for term in terms where abs(term.unicodeScalars.count - letters.count) <= limit {
            let distance = Self.distance(letters, Array(term.unicodeScalars), limit: limit)
            guard distance <= limit else { continue }
            let count = documents[term] ?? 0
            if best == nil || distance < best!.distance || (distance == best!.distance && count > best!.documents) {
                best = (term, distance, count)
            }
        }
        return best?.term ?? word
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
