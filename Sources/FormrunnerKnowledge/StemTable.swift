import FormrunnerCore

/// The stems of each distinct word as written, in one language, remembered: folding (Foundation's,
/// slow, and slower on whole texts) and stemming run once per distinct word instead of once per
/// occurrence. A text is split into words first (runs of letters, marks and digits, as
/// ``TicketSearch`` splits them), then each new word is folded, split again, filtered and stemmed
/// by ``KnowledgeTerms/stems(of:language:)``, so the stems are the ones that function gives for
/// the whole text.
struct StemTable {
    /// The language of the stems.
    let language: String
    /// Each word met, as written → its stems (none for a common word).
    private(set) var words: [String: [String]] = [:]

    init(language: String) {
        self.language = language
    }

    /// The stems of `text`, in order, repeats kept.
    mutating func stems(of text: String) -> [String] {
        var stems: [String] = []
        forEachStem(of: text) { stems.append($0) }
        return stems
    }

    /// The stems of `text` separated by spaces: what the index is given.
    mutating func joinedStems(of text: String) -> String {
        var joined = ""
        joined.reserveCapacity(text.utf8.count)
        forEachStem(of: text) { stem in
            if !joined.isEmpty { joined.append(" ") }
            joined.append(stem)
        }
        return joined
    }

    /// Calls `body` with each stem of `text`, in order.
    mutating func forEachStem(of text: String, _ body: (String) -> Void) {
        Self.forEachWord(in: text) { word in
            if let stems = words[word] {
                for stem in stems { body(stem) }
            } else {
                let stems = KnowledgeTerms.stems(of: word, language: language)
                words[word] = stems
                for stem in stems { body(stem) }
            }
        }
    }

    /// Calls `body` with each word of `text` as written: runs of the scalars ``TicketSearch`` keeps
    /// in words, ASCII letters and digits tested without a Unicode property look-up.
    static func forEachWord(in text: String, _ body: (String) -> Void) {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var start: String.Index?
        while index < scalars.endIndex {
            if isWordScalar(scalars[index]) {
                if start == nil { start = index }
            } else if let first = start {
                body(String(scalars[first..<index]))
                start = nil
            }
            scalars.formIndex(after: &index)
        }
        if let first = start { body(String(scalars[first..<index])) }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= 0x80 else {
            return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value | 0x20)
        }
        return TicketSearch.isWordScalar(scalar)
    }
}
