import FormrunnerCore
import GRDB

/// The FTS5 table `ticket_search`: the folded words of each ticket (see `TicketSearch`), rowid = number.
///
/// Words are folded in Swift and stored separated by spaces under FTS5's `ascii` tokenizer, which
/// splits only at ASCII punctuation and spaces, so SQLite sees exactly the words `TicketSearch` made.
/// Queries are built from folded words only, each quoted, so nothing the user types is read as FTS5
/// syntax: a word becomes the stored words it begins (`("word" OR "wordy")`, see `SearchTerms`), or
/// a prefix phrase (`"word"*`) when it begins too many.
enum SearchIndex {
    /// Rewrites the words of `ticket`, unless they are already stored: most updates (a transition, a
    /// timer firing) change neither the title nor the answers, and rewriting an FTS5 row costs a
    /// delete and an insert in the full-text index.
    static func write(_ ticket: Ticket, in db: Database) throws {
        let folded = TicketSearch.indexedWords(of: ticket)
        let words = folded.joined(separator: " ")
        let stored = try String.fetchOne(db.cachedStatement(sql: "SELECT words FROM ticket_search WHERE rowid = ?"),
                                         arguments: [ticket.number])
        guard stored != words else { return }
        if stored != nil {
            try db.cachedStatement(sql: "DELETE FROM ticket_search WHERE rowid = ?").execute(arguments: [ticket.number])
        }
        try insert(ticket.number, words: folded, in: db)
    }

    /// Adds the words of a new ticket, which has none yet.
    static func insert(_ ticket: Ticket, in db: Database) throws {
        try insert(ticket.number, words: TicketSearch.indexedWords(of: ticket), in: db)
    }

    private static func insert(_ number: Int64, words: [String], in db: Database) throws {
        var values = DirectBindings(try db.cachedStatement(sql: "INSERT INTO ticket_search (rowid, words) VALUES (?, ?)"))
        values.append(number)
        values.append(words.joined(separator: " "))
        try values.execute(in: db)
        try SearchTerms.note(words, in: db)
    }

    /// Numbers of tickets matching every word, newest first.
    static func numbers(matching words: [String], limit: Int, in db: Database) throws -> [Int64] {
        guard !words.isEmpty else { return [] }
        var groups: [String] = []
        for word in words {
            guard let group = try SearchTerms.expansion(of: word, in: db) else { return [] }
            groups.append(group)
        }
        let query = groups.joined(separator: " AND ")
        return try Int64.fetchAll(
            db,
            sql: "SELECT rowid FROM ticket_search WHERE ticket_search MATCH ? ORDER BY rowid DESC LIMIT ?",
            arguments: [query, limit])
    }
}
