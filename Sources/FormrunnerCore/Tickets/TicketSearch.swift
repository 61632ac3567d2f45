import Foundation

/// How `TicketReading.search` reads a query and a ticket, shared by every store so they find the same tickets.
///
/// A query that is a ticket number (digits, optionally after `#`) finds that ticket only. Otherwise
/// it is split into words, and a ticket matches when each word begins some word of its title or of
/// its text answers. Words are runs of letters, marks and digits, compared without case, accents
/// or width, in Unicode canonical composition; everything else (punctuation, quotes, operators) only
/// separates words and never reaches a query language.
public enum TicketSearch {
    /// The ticket number `text` names, if it is one: digits, optionally after `#`, with spaces around.
    public static func number(in text: String) -> Int64? {
        var trimmed = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if trimmed.hasPrefix("#") { trimmed = trimmed.dropFirst() }
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ (48...57).contains($0) }),
              let number = Int64(trimmed), number > 0 else { return nil }
        return number
    }

    /// Searches `store` the way the contract says: nothing for a `limit` below 1 or a text without words,
    /// the ticket a number names, else what `matching` finds for the folded words (newest first, at most
    /// `limit`).
    public static func run(_ text: String, limit: Int, in store: some TicketReading,
                           matching: ([String]) async throws -> [Ticket]) async throws -> [Ticket] {
        guard limit > 0 else { return [] }
        if let number = number(in: text) {
            return try await store.ticket(number).map { [$0] } ?? []
        }
        let words = words(in: text)
        return words.isEmpty ? [] : try await matching(words)
    }

    /// The distinct words of `text`, folded for comparison, in order of first appearance.
    public static func words(in text: String) -> [String] {
        var seen: Set<String> = []
        return allWords(in: text).filter { seen.insert($0).inserted }
    }

    /// Every word of `text`, folded for comparison, in order, repeats included.
    public static func allWords(in text: String) -> [String] {
        asciiWords(in: text) ?? foldedWords(in: text)
    }

    /// ``allWords(in:)`` of a text that is all ASCII, without Foundation's folding (a tenth of a
    /// create went to it): ASCII folds to its lower case, and its words are runs of letters and
    /// digits (every other ASCII character is punctuation, a symbol, a space or a control).
    /// `nil` for any other text.
    static func asciiWords(in text: String) -> [String]? {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            case 0x80...: return nil
            default:
                if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// ``allWords(in:)`` through Foundation's folding: any text.
    static func foldedWords(in text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
            .precomposedStringWithCanonicalMapping
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            guard !current.isEmpty else { return }
            words.append(String(current))
            current = String.UnicodeScalarView()
        }
        for scalar in folded.unicodeScalars {
            if isWordScalar(scalar) { current.append(scalar) } else { flush() }
        }
        flush()
        return words
    }

    /// The text a ticket is found by: its title and its text answers (those in a group's items too),
    /// one per line.
    public static func indexedText(of ticket: Ticket) -> String {
        var parts = [ticket.title]
        func add(_ answers: [String: AnswerValue]) {
            for key in answers.keys.sorted() {
                switch answers[key] {
                // A sealed secret is never indexed (nor its Base64, which would only add noise).
                case .text(let text)? where !text.hasPrefix(SealedAnswer.prefix): parts.append(text)
                case .items(let items)?: items.forEach(add)
                default: break
                }
            }
        }
        add(ticket.answers)
        return parts.joined(separator: "\n")
    }

    /// The folded words a ticket is found by.
    public static func indexedWords(of ticket: Ticket) -> [String] {
        words(in: indexedText(of: ticket))
    }

    /// Whether every query word begins one of `words` (compared byte for byte, as SQLite's FTS5 does).
    public static func matches(queryWords: [String], words: [String]) -> Bool {
        queryWords.allSatisfy { query in
            words.contains { $0.utf8.starts(with: query.utf8) }
        }
    }

    /// Letters, marks, digits and private-use characters make words; everything else separates them.
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}
