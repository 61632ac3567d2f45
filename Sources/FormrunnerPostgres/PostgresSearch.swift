import FormrunnerCore

/// Full-text search on a `tsvector` holding exactly the folded words of `TicketSearch`.
///
/// Words are folded in Swift; the vector is built with `array_to_tsvector` and the query cast from
/// quoted prefix lexemes (`'word':* & 'other':*`), so no text-search configuration or parser ever
/// splits or changes them, and nothing the user types is read as query syntax. PostgreSQL compares
/// lexemes byte for byte, as `TicketSearch.matches` does. A lexeme may not exceed 2,047 bytes and a
/// vector 1 MB: longer words are cut (at a character boundary) and words past the budget are left out.
enum PostgresSearch {
    /// The longest lexeme kept, in bytes.
    static let maximumWordBytes = 2000
    /// The most bytes of words kept for one ticket.
    static let maximumVectorBytes = 900_000

    /// The lexemes stored for `ticket`.
    static func lexemes(of ticket: Ticket) -> [String] {
        var budget = maximumVectorBytes
        var lexemes: [String] = []
        for word in TicketSearch.indexedWords(of: ticket).map(cut) {
            budget -= word.utf8.count + 8
            guard budget >= 0 else { break }
            lexemes.append(word)
        }
        return lexemes
    }

    /// The `tsquery` text for `words` (already folded): every word as a quoted prefix, all required.
    static func query(_ words: [String]) -> String {
        words.map { word in
            "'" + cut(word).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "':*"
        }.joined(separator: " & ")
    }

    /// `word` cut to ``maximumWordBytes`` at a character boundary.
    private static func cut(_ word: String) -> String {
        guard word.utf8.count > maximumWordBytes else { return word }
        var kept = String.UnicodeScalarView()
        var bytes = 0
        for scalar in word.unicodeScalars {
            bytes += String(scalar).utf8.count
            guard bytes <= maximumWordBytes else { break }
            kept.append(scalar)
        }
        return String(kept)
    }
}
