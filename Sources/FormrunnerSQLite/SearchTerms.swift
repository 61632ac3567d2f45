import GRDB

/// `ticket_search_term`: every word ever indexed in `ticket_search`, so that a search word can be
/// turned into the few whole words it begins.
///
/// FTS5 answers a prefix phrase (`"word"*`) by merging the lists of every word it begins into one
/// before the first result comes out: for a word in half the tickets that is the whole list, ~24 ms
/// at 1M tickets, whatever the `LIMIT`. Whole words joined by `OR` are read lazily, newest first, and
/// stop after the limit. Words no ticket holds any more stay listed; they only find nothing.
enum SearchTerms {
    /// Above this many words, a search word is left a prefix phrase.
    static let maximumExpansion = 64

    /// The table, filled from the words already indexed.
    static let schema = """
        CREATE TABLE ticket_search_term (term TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
        CREATE VIRTUAL TABLE temp.ticket_search_vocabulary USING fts5vocab(main, 'ticket_search', 'row');
        INSERT OR IGNORE INTO ticket_search_term (term) SELECT term FROM temp.ticket_search_vocabulary;
        DROP TABLE temp.ticket_search_vocabulary;
        """

    /// Lists `words` (folded, as indexed): up to ``wordsPerStatement`` in one multi-row `INSERT`, so
    /// that a ticket's 20–60 words cost one or two statements instead of one each.
    static func note(_ words: [String], in db: Database) throws {
        var rest = words[...]
        while !rest.isEmpty {
            let chunk = rest.prefix(wordsPerStatement)
            rest = rest.dropFirst(chunk.count)
            // Bound straight to SQLite: GRDB's arguments would box every word and check them all again.
            var values = DirectBindings(try db.cachedStatement(sql: insertSQL[chunk.count - 1]))
            for word in chunk { values.append(word) }
            try values.execute(in: db)
        }
    }

    /// The most words one `INSERT` lists.
    static let wordsPerStatement = 64

    /// `INSERT OR IGNORE … VALUES (?), (?), …` for 1 to ``wordsPerStatement`` words, by count − 1.
    private static let insertSQL = (1...wordsPerStatement).map { count in
        "INSERT OR IGNORE INTO ticket_search_term (term) VALUES " + Array(repeating: "(?)", count: count).joined(separator: ", ")
    }

    /// The FTS5 query for `word`: the listed words it begins joined by `OR`, or a prefix phrase when
    /// they are too many; `nil` when no listed word begins with it (nothing can match).
    static func expansion(of word: String, in db: Database) throws -> String? {
        let terms = try String.fetchAll(
            db.cachedStatement(sql: "SELECT term FROM ticket_search_term WHERE term >= ?1 AND term < ?1 || char(1114111) LIMIT ?2"),
            arguments: [word, maximumExpansion + 1])
            .filter { $0.hasPrefix(word) }
        if terms.isEmpty { return nil }
        if terms.count > maximumExpansion { return quoted(word) + "*" }
        return "(" + terms.map(quoted).joined(separator: " OR ") + ")"
    }

    private static func quoted(_ term: String) -> String {
        "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
