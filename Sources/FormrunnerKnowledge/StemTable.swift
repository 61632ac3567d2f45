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
    private(set) var words: [String: [String]]

    init(language: String, words: [String: [String]] = [:]) {
        self.language = language
        self.words = words
    }

    /// The stems of `text`, in order, repeats kept.
    mutating func stems(of text: String) -> [String] {
        var stems: [String] = []
        forEachStem(of: text) { stems.append($0) }
        return stems
    }

    /// Calls `body` with each stem of `text`, in order.
    mutating func forEachStem(of text: String, _ body: (String) -> Void) {
        Self.forEachWord(in: text) { word in
            if let stems = words[word] {
                for stem in stems { body(stem) }
            } else {
                let stems = Self.stems(ofWord: word, language: language)
                words[word] = stems
                for stem in stems { body(stem) }
            }
        }
    }

    /// ``KnowledgeTerms/stems(of:language:)`` of one word as ``forEachWord(in:_:)`` gives it: a
    /// word of ASCII letters and digits folds to its lower case without Foundation.
    static func stems(ofWord word: String, language: String) -> [String] {
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return KnowledgeTerms.stems(of: word, language: language) }
        let folded = String(decoding: word.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        if (KnowledgeTerms.stopWords[language] ?? KnowledgeTerms.stopWords["en"]!).contains(folded) { return [] }
        return [Stemmer.stem(folded, language: language)]
    }

    /// Calls `body` with each word of `text` as written: runs of the scalars ``TicketSearch`` keeps
    /// in words, read from the UTF-8 bytes (ASCII letters and digits without a Unicode property look-up).
    static func forEachWord(in text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            var start = -1
            while index < bytes.count {
                let byte = bytes[index]
                let length: Int, isWord: Bool
                if byte < 0x80 {
                    length = 1
                    isWord = (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20)
                } else {
                    var value: UInt32
                    switch byte {
                    case 0xF0...: (length, value) = (4, UInt32(byte & 0x07))
                    case 0xE0...: (length, value) = (3, UInt32(byte & 0x0F))
                    default: (length, value) = (2, UInt32(byte & 0x1F))
                    }
                    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    isWord = Unicode.Scalar(value).map(TicketSearch.isWordScalar) ?? false
                }
                if isWord {
                    if start < 0 { start = index }
                } else if start >= 0 {
                    body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    start = -1
                }
                index += length
            }
            if start >= 0 { body(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self)) }
        }
    }
}
