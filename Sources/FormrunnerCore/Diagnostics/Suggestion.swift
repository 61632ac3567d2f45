/// "Did you mean …?" hints for misspelt keys, types, ids and references.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, when it is close enough to be a plausible typo.
    ///
    /// Close enough means at most a third of the word's length (and at least one) edits, compared
    /// case-insensitively. Ties go to the earlier candidate so hints are stable.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let candidates = Array(candidates)
        let lowered = word.lowercased()
        let limit = max(1, lowered.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }
        // A word that is the start of exactly one candidate (`awaiting` for `awaiting_reply`).
        let prefixed = candidates.filter { $0 != word && lowered.count >= 3 && $0.lowercased().hasPrefix(lowered) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// `"; did you mean 'x'?"` or the empty string, ready to append to a message.
    public static func hint<S: Sequence>(for word: String, in candidates: S) -> String where S.Element == String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// `"; did you mean 'x'?"` when a candidate is close, otherwise `"; expected one of a, b, c"`.
    public static func hintOrList<S: Sequence>(for word: String, in candidates: S) -> String where S.Element == String {
        let all = Array(candidates)
        return closest(to: word, in: all).map { "; did you mean '\($0)'?" } ?? "; expected one of \(all.joined(separator: ", "))"
    }

    /// Damerau–Levenshtein distance (optimal string alignment) between two strings.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            previousPrevious = previous
            previous = current
        }
        return previous[b.count]
    }
}
