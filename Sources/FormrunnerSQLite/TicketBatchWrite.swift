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
    /// The ticket number of each change, in the order of `changes`.
    private let numbers: [Int64]
    /// What each change writes besides its row, in the order of `changes`.
    private let dependents: [DependentWrites]
    /// Where every change's history lines are, in the order of `changes`.
    private let history: [ItemPosition]
    /// Where every change's outbox messages are, in the order of `changes`.
    private let outbox: [ItemPosition]

    /// Prepares `changes`: puts their tickets and outbox in stored form and compares each ticket
    /// with its ``TicketChange/base``, if any.
    init(_ changes: [TicketChange]) throws {
        // A tick hands its changes in stored form already (``TicketChange/storedForm``, made on the
        // cores that composed them): they are then kept as they are, not copied.
        self.changes = changes.indices.allSatisfy { changes[$0].isInStoredForm } ? changes : changes.map(\.storedForm)
        // Read in place through the buffer: an array's element passed on, or a method called on it,
        // is a copy of the whole change (a few dozen retains and releases).
        (rows, numbers, dependents, history, outbox) = try self.changes.withUnsafeBufferPointer { buffer in
            // A pointer's element is read where it is (a buffer's subscript returns a copy).
            guard let stored = buffer.baseAddress else { return ([], [], [], [], []) }
            var rows: [TicketRowChange] = [], numbers: [Int64] = [], dependents: [DependentWrites] = []
            var history: [ItemPosition] = [], outbox: [ItemPosition] = []
            rows.reserveCapacity(buffer.count)
            numbers.reserveCapacity(buffer.count)
            dependents.reserveCapacity(buffer.count)
            history.reserveCapacity(buffer.count)
            outbox.reserveCapacity(buffer.count)
            for index in buffer.indices {
                let row = try TicketRowChange(stored[index].ticket, over: stored[index].previous)
                rows.append(row.isEmpty ? try TicketRowChange(everyColumnOf: stored[index].ticket) : row)
                numbers.append(stored[index].ticket.number)
                dependents.append(DependentWrites(of: stored[index]))
                for item in 0..<stored[index].history.count { history.append(ItemPosition(change: index, item: item)) }
                for item in 0..<stored[index].outbox.count { outbox.append(ItemPosition(change: index, item: item)) }
            }
            return (rows, numbers, dependents, history, outbox)
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
        let conflicts = written.count == numbers.count ? [] : numbers.filter { !written.contains($0) }
        if !conflicts.isEmpty { try requireStored(conflicts, in: db) }
        try writeDependents(of: conflicts.isEmpty ? Array(numbers.indices) : numbers.indices.filter { written.contains(numbers[$0]) },
                            allWritten: conflicts.isEmpty, in: db)
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
                values.append(numbers[index])
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

    /// The history, timers, search words, attachment rows and outbox of the changes at `written` (every
    /// change when `allWritten`), as ``TicketWrites/update(_:expectedVersion:history:outbox:over:in:)``
    /// writes them for one ticket; what each writes was decided by `init` (``DependentWrites``).
    private func writeDependents(of written: [Int], allWritten: Bool, in db: Database) throws {
        // The positions of the written changes' lines and messages: all of them unless a change conflicted.
        let kept: Set<Int> = allWritten ? [] : Set(written)
        try appendHistory(allWritten ? history : history.filter { kept.contains($0.change) }, in: db)
        // The tickets are reached through `changes[index]`, never bound to a name: a `let` of a
        // ticket is a copy (a dozen retains and as many releases, on the writer's thread).
        var replaced: [Int] = [], released: [Int64] = []
        for index in written {
            switch dependents[index].timers {
            case .replaced: replaced.append(index)
            case .released: released.append(numbers[index])
            case .kept: break
            }
        }
        try Timers.replace(replaced.map { (numbers[$0], changes[$0].ticket.timers) }, in: db)
        try Timers.release(of: released, in: db)
        for index in written {
            if dependents[index].writesSearchWords { try SearchIndex.write(changes[index].ticket, in: db) }
            if dependents[index].writesAttachments { try AttachmentRows.write(changes[index].ticket, in: db) }
        }
        try OutboxRows.insert(allWritten ? outbox : outbox.filter { kept.contains($0.change) }, of: changes, in: db)
    }

    /// Appends the history lines at `positions` of the changes, each under its ticket's number.
    private func appendHistory(_ positions: [ItemPosition], in db: Database) throws {
        for slice in MultiRowStatements.slices(positions.count) {
            var values = DirectBindings(try MultiRowStatements.statement("""
                INSERT INTO history (ticket_number, at, actor, event, from_status, to_status, message, person, internal)
                VALUES \(MultiRowStatements.values(rows: slice.count, width: 9))
                """, rows: slice.count, in: db))
            changes.withUnsafeBufferPointer { buffer in
                // Through pointers, whose elements are read where they are.
                guard let changes = buffer.baseAddress else { return }
                for position in positions[slice] {
                    changes[position.change].history.withUnsafeBufferPointer { entries in
                        entries.baseAddress.map { $0[position.item].addStoredValues(ticket: numbers[position.change], to: &values) }
                    }
                }
            }
            try values.execute(in: db)
        }
    }
}
