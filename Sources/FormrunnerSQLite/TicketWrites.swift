import FormrunnerCore
import GRDB

/// What `create` and `update` write besides the ticket row, in the same transaction.
enum TicketWrites {
    /// Appends `history`, replaces the timers, and rewrites the search words and attachment rows of `ticket`.
    static func dependents(of ticket: Ticket, history: [HistoryEntry], in db: Database) throws {
        try HistoryRows.append(history, to: ticket.number, in: db)
        try Timers.replace(ticket.timers, of: ticket.number, in: db)
        try SearchIndex.write(ticket, in: db)
        try AttachmentRows.write(ticket, in: db)
    }

    /// Inserts a new ticket (in stored form) with its history, timers, search words and attachment rows;
    /// returns its number. A `submissionKey` already stored is refused with
    /// ``TicketStoreError/duplicateSubmission(existing:)`` naming its ticket: the unique index finds it
    /// while inserting, so that a new key costs no lookup before. `storedAnswers`, when given, is the
    /// ticket's answers as `StoredAnswers.encode` writes them; `autoAssigned`, the team whose rule
    /// assigned it and the agent picked (see ``TeamCursor``).
    static func insert(_ ticket: Ticket, submissionKey: String?, history: [HistoryEntry], storedAnswers: String? = nil,
                       autoAssigned: (team: String, agent: String)? = nil, in db: Database) throws -> Int64 {
        var values = DirectBindings(try db.cachedStatement(sql: insertSQL))
        try TicketRows.bind(ticket, storedAnswers: storedAnswers, to: &values)
        values.append(submissionKey)
        values.append(autoAssigned?.team)
        values.append(autoAssigned?.agent)
        do {
            try values.execute(in: db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            // `submission_key` is the only unique column that the insert gives a value.
            if let submissionKey, let existing = try number(submissionKey: submissionKey, in: db) {
                throw TicketStoreError.duplicateSubmission(existing: existing)
            }
            throw error
        }
        var stored = ticket
        stored.number = db.lastInsertedRowID
        // Every ``TeamCursor/checkpointInterval``-th number moves every team's checkpoint up to it.
        try TeamCursor.checkpointEveryTeam(at: stored.number, in: db)
        // A new number has no rows yet: nothing to compare, delete or replace.
        try HistoryRows.append(history, to: stored.number, in: db)
        try Timers.insert(stored.timers, of: stored.number, in: db)
        try SearchIndex.insert(stored, in: db)
        try AttachmentRows.insert(stored, in: db)
        return stored.number
    }

    /// The number of the ticket stored with `submissionKey`, if any.
    static func number(submissionKey: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT number FROM ticket WHERE submission_key = ?"), arguments: [submissionKey])
    }

    private static let insertSQL = "INSERT INTO ticket (\((TicketRows.columns + ["submission_key", "auto_team", "auto_assignee"]).joined(separator: ", "))) "
        + "VALUES (\(databaseQuestionMarks(count: TicketRows.columns.count + 3)))"

    /// Writes `ticket` (in stored form) over the stored row if its version is still `expectedVersion`,
    /// with its history, timers, search words, attachment rows and outbox; `false` (nothing written)
    /// when the version differs, ``TicketStoreError/notFound(_:)`` when there is no such ticket.
    ///
    /// With `previous` (the stored ticket at `expectedVersion`, as this store read it), only what
    /// differs from it is written: the ticket columns that changed, the timers if they changed, the
    /// search words and attachment rows only if the title or answers changed.
    static func update(_ ticket: Ticket, expectedVersion: Int, history: [HistoryEntry], outbox: [OutboxMessage],
                       over previous: Ticket? = nil, in db: Database) throws -> Bool {
        var arguments: StatementArguments
        let sql: String
        if let previous {
            let changes = try TicketRows.changes(ticket, over: previous)
            sql = "UPDATE ticket SET \(changes.assignments) WHERE number = ? AND version = ?"
            arguments = changes.arguments
        } else {
            sql = updateSQL
            arguments = try TicketRows.arguments(ticket)
        }
        arguments += [ticket.number, expectedVersion]
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
        if db.changesCount == 0 {
            _ = try storedVersion(of: ticket.number, in: db)
            return false
        }
        if let previous {
            try dependents(of: ticket, over: previous, history: history, in: db)
        } else {
            try dependents(of: ticket, history: history, in: db)
        }
        try OutboxRows.insert(outbox.map { $0.storedForm(number: ticket.number) }, in: db)
        return true
    }

    /// ``dependents(of:history:in:)`` for a ticket stored as `previous`: the rows that follow from
    /// unchanged values are left as they are (timers still lose their claims, as a rewrite would).
    private static func dependents(of ticket: Ticket, over previous: Ticket, history: [HistoryEntry], in db: Database) throws {
        try HistoryRows.append(history, to: ticket.number, in: db)
        if ticket.timers != previous.timers {
            try Timers.replace(ticket.timers, of: ticket.number, in: db)
        } else if !ticket.timers.isEmpty {
            try Timers.release(of: ticket.number, in: db)
        }
        if ticket.title != previous.title || ticket.answers != previous.answers { try SearchIndex.write(ticket, in: db) }
        if ticket.answers != previous.answers { try AttachmentRows.write(ticket, in: db) }
    }

    /// The stored version of ticket `number`; ``TicketStoreError/notFound(_:)`` when there is none.
    static func storedVersion(of number: Int64, in db: Database) throws -> Int {
        guard let actual = try Int.fetchOne(db.cachedStatement(sql: "SELECT version FROM ticket WHERE number = ?"),
                                            arguments: [number]) else {
            throw TicketStoreError.notFound(number)
        }
        return actual
    }

    private static let updateSQL = "UPDATE ticket SET "
        + TicketRows.columns.map { "\($0) = ?" }.joined(separator: ", ") + " WHERE number = ? AND version = ?"
}
