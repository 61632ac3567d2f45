import FormrunnerCore
import GRDB

/// A batch of ticket changes made ready for ``SQLiteTicketStore/update(batch:)``: each ticket's
/// changed columns found and its outbox put in stored form before the writer is taken, then
/// written in one transaction by a few multi-row statements per table instead of several
/// statements per ticket.
///
/// The ticket rows are grouped by the set of columns they change (a tick's closes all change the
/// same ones) and written by `UPDATE ticket SET … FROM (VALUES …)`, each row only if its stored
/// version is still the expected one; the history, timers and outbox of the rows written follow.
struct TicketBatchWrite: Sendable {
    /// The changes, tickets and outbox in stored form.
    private let changes: [TicketChange]
    /// The row change of each ticket, in the order of `changes`.
    private let rows: [TicketRowChange]

    /// Prepares `changes`: puts their tickets and outbox in stored form and compares each ticket
    /// with its ``TicketChange/base``, if any.
    init(_ changes: [TicketChange]) throws {
        // A tick hands its changes in stored form already (``TicketChange/storedForm``, made on the
        // cores that composed them): they are then kept as they are, not copied.
        self.changes = changes.allSatisfy(\.isInStoredForm) ? changes : changes.map(\.storedForm)
        let stored = self.changes
        rows = try stored.indices.map { index in
            if stored[index].previous != nil {
                let row = try TicketRowChange(stored[index].ticket, over: stored[index].previous.unsafelyUnwrapped)
                if !row.isEmpty { return row }
            }
            return try TicketRowChange(everyColumnOf: stored[index].ticket)
        }
    }

    /// Writes the batch; returns the numbers of the tickets whose stored version was not the expected
    /// one (nothing of theirs written). ``TicketStoreError/notFound(_:)`` when a ticket is not stored,
    /// ``TicketStoreError/invalid(_:)`` when an outbox id is taken: the caller's transaction is then
    /// rolled back.
    func write(in db: Database) throws -> [Int64] {
        var written: Set<Int64> = []
        var groups: [UInt64: [Int]] = [:], order: [UInt64] = []
        for (index, row) in rows.enumerated() {
            if groups[row.columns] == nil { order.append(row.columns) }
            groups[row.columns, default: []].append(index)
        }
        for columns in order {
            try updateRows(groups[columns] ?? [], changing: columns, written: &written, in: db)
        }
        let conflicts = changes.map(\.ticket.number).filter { !written.contains($0) }
        if !conflicts.isEmpty { try requireStored(conflicts, in: db) }
        try writeDependents(of: changes.indices.filter { written.contains(changes[$0].ticket.number) }, in: db)
        return conflicts
    }

    /// Writes the rows at `indexes`, which all change `columns`, where the stored version is the expected one.
    private func updateRows(_ indexes: [Int], changing columns: UInt64, written: inout Set<Int64>, in db: Database) throws {
        let names = TicketRowChange.names(of: columns)
        let assignments = names.enumerated().map { "\($1) = x.column\($0 + 3)" }.joined(separator: ", ")
        for slice in MultiRowStatements.slices(indexes.count) {
            let sql = """
                UPDATE ticket SET \(assignments)
                FROM (VALUES \(MultiRowStatements.values(rows: slice.count, width: names.count + 2))) AS x
                WHERE ticket.number = x.column1 AND ticket.version = x.column2 RETURNING ticket.number
                """
            var values = DirectBindings(try MultiRowStatements.statement(sql, rows: slice.count, in: db))
            for index in indexes[slice] {
                values.append(changes[index].ticket.number)
                values.append(changes[index].expectedVersion)
                for value in rows[index].values { values.append(value) }
            }
            written.formUnion(try values.fetchInt64s(in: db))
        }
    }

    /// Throws ``TicketStoreError/notFound(_:)`` for the first of `numbers` that is not stored.
    private func requireStored(_ numbers: [Int64], in db: Database) throws {
        var stored: Set<Int64> = []
        for slice in MultiRowStatements.slices(numbers.count) {
            stored.formUnion(try Int64.fetchAll(
                db, sql: "SELECT number FROM ticket WHERE number IN (\(databaseQuestionMarks(count: slice.count)))",
                arguments: StatementArguments(numbers[slice])))
        }
        if let missing = numbers.first(where: { !stored.contains($0) }) { throw TicketStoreError.notFound(missing) }
    }

    /// The history, timers, search words, attachment rows and outbox of the changes at `written`, as
    /// ``TicketWrites/update(_:expectedVersion:history:outbox:over:in:)`` writes them for one ticket.
    private func writeDependents(of written: [Int], in db: Database) throws {
        try Self.appendHistory(written.flatMap { index in changes[index].history.map { (changes[index].ticket.number, $0) } },
                               in: db)
        // The tickets are reached through `changes[index]`, never bound to a name: a `let` of a
        // ticket is a copy (a dozen retains and as many releases, on the writer's thread).
        var replaced: [Int] = [], released: [Int64] = []
        for index in written {
            if changes[index].previous != nil, changes[index].ticket.timers == changes[index].previous.unsafelyUnwrapped.timers {
                if !changes[index].ticket.timers.isEmpty { released.append(changes[index].ticket.number) }
            } else {
                replaced.append(index)
            }
        }
        try Timers.replace(replaced.map { (changes[$0].ticket.number, changes[$0].ticket.timers) }, in: db)
        try Timers.release(of: released, in: db)
        for index in written {
            let answersChanged = changes[index].previous == nil
                || changes[index].ticket.answers != changes[index].previous.unsafelyUnwrapped.answers
            if answersChanged || changes[index].ticket.title != changes[index].previous.unsafelyUnwrapped.title {
                try SearchIndex.write(changes[index].ticket, in: db)
            }
            if answersChanged { try AttachmentRows.write(changes[index].ticket, in: db) }
        }
        try OutboxRows.insert(many: written.flatMap { changes[$0].outbox }, in: db)
    }

    /// Appends each `(ticket number, entry)` to the history.
    private static func appendHistory(_ entries: [(Int64, HistoryEntry)], in db: Database) throws {
        for slice in MultiRowStatements.slices(entries.count) {
            var values = DirectBindings(try MultiRowStatements.statement("""
                INSERT INTO history (ticket_number, at, actor, event, from_status, to_status, message, person, internal)
                VALUES \(MultiRowStatements.values(rows: slice.count, width: 9))
                """, rows: slice.count, in: db))
            for (number, entry) in entries[slice] { entry.addStoredValues(ticket: number, to: &values) }
            try values.execute(in: db)
        }
    }
}
