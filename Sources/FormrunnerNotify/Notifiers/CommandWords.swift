/// Splits a command line into words the way a shell would for simple cases, without running a
/// shell: words are separated by spaces or tabs; `'…'` keeps everything literally, `"…"` keeps
/// everything but `\"` and `\\`, and `\` outside quotes keeps the next character. Nothing else is
/// special: no variables, globs, pipes or redirections.
public enum CommandWords {
    /// Why a command line could not be split.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// No word at all.
        case empty
        /// A quote that is never closed.
        case unclosedQuote(Character)

        /// The problem in one sentence.
        public var description: String {
            switch self {
            case .empty: return "the command is empty"
            case .unclosedQuote(let quote): return "a \(quote) quote is not closed"
            }
        }
    }

    /// The words of `line`.
    public static func split(_ line: String) throws(Problem) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                if quote == "\"" && character != "\"" && character != "\\" { current.append("\\") }
                current.append(character)
                escaped = false
                continue
            }
            switch (quote, character) {
            case (nil, " "), (nil, "\t"):
                if inWord { words.append(current) }
                current = ""
                inWord = false
            case (nil, "'"), (nil, "\""):
                quote = character
                inWord = true
            case (nil, "\\"), ("\"", "\\"):
                escaped = true
                inWord = true
            case ("'", "'"), ("\"", "\""):
                quote = nil
            default:
                current.append(character)
                inWord = true
            }
        }
        if let quote { throw .unclosedQuote(quote) }
        if escaped { current.append("\\") }
        if inWord { words.append(current) }
        guard !words.isEmpty else { throw .empty }
        return words
    }
}
