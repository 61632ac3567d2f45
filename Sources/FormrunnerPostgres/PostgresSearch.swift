import FormrunnerCore

/// Full-text search on a `tsvector` holding exactly the folded words of `TicketSearch`, one row of
/// `ticket_search_word` a ticket (see ``table``).
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

    /// `ticket_search_word` (migration "v14 search words table"): each ticket's words in a row of their
    /// own, under the GIN index, moved there from `ticket.search_words`. Changing a ticket's status,
    /// instants or report columns changes indexed columns, so such an update is never HOT and puts a
    /// new entry in every index of `ticket`: with the words on `ticket`, each close put its ~20
    /// unchanged words in the GIN again (~28% of a close's `UPDATE` CPU). Here they are written only
    /// when they change (``upsert(from:)``).
    static let table = [
        """
        CREATE TABLE ticket_search_word (
            ticket_number BIGINT PRIMARY KEY REFERENCES ticket (number),
            words TSVECTOR NOT NULL)
        """,
        "INSERT INTO ticket_search_word (ticket_number, words) SELECT number, search_words FROM ticket",
        // Drops the GIN index `ticket_search` with it.
        "ALTER TABLE ticket DROP COLUMN search_words",
        "CREATE INDEX ticket_search_word_words ON ticket_search_word USING GIN (words)",
    ]

    /// Writes the words of the rows `source` gives (`number` and `words`, a `text[]` of lexemes; rows
    /// whose `words` are `NULL` are skipped), leaving a ticket's row untouched when its words are as stored.
    static func upsert(from source: String) -> String {
        """
        INSERT INTO ticket_search_word (ticket_number, words)
        SELECT number, array_to_tsvector(words) FROM \(source) WHERE words IS NOT NULL
        ON CONFLICT (ticket_number) DO UPDATE SET words = EXCLUDED.words
        WHERE ticket_search_word.words IS DISTINCT FROM EXCLUDED.words
        """
    }

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
