import FormrunnerCore
import Foundation
import GRDB

/// The `outbox` table: messages written with the change that caused them, delivered later.
enum OutboxRows {
    /// Adds `messages` (already in stored form), refusing an id the outbox already has (or that
    /// `messages` lists twice) with the first such message's id: one statement for up to
    /// ``rowsPerStatement`` messages (a create that assigns files two).
    static func insert(_ messages: [OutboxMessage], in db: Database) throws {
        var start = messages.startIndex
        while start < messages.endIndex {
            let end = min(start + rowsPerStatement, messages.endIndex)
            // Bound straight to SQLite, as they are listed.
            var values = DirectBindings(try db.cachedStatement(sql: insertSQL[end - start - 1]))
            for message in messages[start..<end] { message.addStoredValues(to: &values) }
            try values.execute(in: db)
            // An id already there (or twice in `messages`) inserts nothing; the caller's transaction
            // is rolled back by the throw.
            if db.changesCount < end - start {
                throw TicketStoreError.invalid("outbox message \(try refused(messages[start..<end], in: db)) already exists")
            }
            start = end
        }
    }

    /// Messages an insert of ``insert(_:in:)`` lists at most: each count has its statement in the
    /// connection's cache.
    static let rowsPerStatement = 4

    /// The inserts of 1 to ``rowsPerStatement`` messages.
    private static let insertSQL = (1...rowsPerStatement).map { rows in
        "INSERT INTO outbox (\(columns)) VALUES \(MultiRowStatements.values(rows: rows, width: width)) ON CONFLICT (id) DO NOTHING"
    }

    /// The id of the first of `messages` that the insert just made left out (its id was taken): the
    /// rows it inserted are the newest `changesCount` (a row's id is one more than the largest).
    private static func refused(_ messages: ArraySlice<OutboxMessage>, in db: Database) throws -> String {
        var inserted: Set<String> = []
        if db.changesCount > 0 {
            inserted = try Set(String.fetchAll(db, sql: "SELECT id FROM outbox WHERE rowid > ?",
                                               arguments: [db.lastInsertedRowID - Int64(db.changesCount)]))
        }
        var seen: Set<String> = []
        for message in messages where !inserted.contains(message.id) || !seen.insert(message.id).inserted {
            return message.id
        }
        return messages.first?.id ?? ""
    }

    /// The columns an insert writes, and how many.
    private static let columns = "id, ticket_number, recipient, address, template, subject, body, created_at, "
        + "attempts, next_attempt_at, delivered_at, last_error"
    private static let width = 12

    /// Adds the messages of `changes` at `positions` (`(change, message)` indexes into `changes` and
    /// its outbox; already in stored form, ids distinct), a statement per slice, refusing an id the
    /// outbox already has. Each message is bound where it is, not copied out of its change; the rows
    /// inserted are counted, not returned: only a slice that inserted fewer than it lists looks for
    /// the id it left out (``refused(_:in:)``).
    static func insert(_ positions: [ItemPosition], of changes: [TicketChange], in db: Database) throws {
        for slice in MultiRowStatements.slices(positions.count) {
            var values = DirectBindings(try MultiRowStatements.statement(
                "INSERT INTO outbox (\(columns)) VALUES \(MultiRowStatements.values(rows: slice.count, width: width)) "
                    + "ON CONFLICT (id) DO NOTHING",
                rows: slice.count, in: db))
            // Through pointers: a method called on an array's (or a buffer's) element works on a copy
            // of it, a pointer's element is read where it is.
            changes.withUnsafeBufferPointer { buffer in
                guard let changes = buffer.baseAddress else { return }
                for position in positions[slice] {
                    changes[position.change].outbox.withUnsafeBufferPointer { messages in
                        messages.baseAddress.map { $0[position.item].addStoredValues(to: &values) }
                    }
                }
            }
            try values.execute(in: db)
            if db.changesCount < slice.count {
                let listed = positions[slice].map { changes[$0.change].outbox[$0.item] }
                throw TicketStoreError.invalid("outbox message \(try refused(listed[...], in: db)) already exists")
            }
        }
    }

    /// The messages of ticket `number`, oldest first.
    static func fetch(for number: Int64, in db: Database) throws -> [OutboxMessage] {
        try Row.fetchAll(db, sql: "SELECT * FROM outbox WHERE ticket_number = ? ORDER BY created_at, rowid",
                         arguments: [number]).map(message)
    }

    /// Undelivered messages due at or before `milliseconds`, oldest first.
    static func pending(atMilliseconds milliseconds: Int64, limit: Int, in db: Database) throws -> [OutboxMessage] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ?
                ORDER BY created_at, rowid LIMIT ?
                """,
            arguments: [milliseconds, limit]).map(message)
    }

    /// The undelivered messages among `ids` (at most a few thousand: SQLite binds up to 32,766
    /// values) due at `milliseconds`, oldest first.
    static func pending(ids: [String], atMilliseconds milliseconds: Int64, in db: Database) throws -> [OutboxMessage] {
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        var arguments: StatementArguments = [milliseconds]
        arguments += StatementArguments(ids)
        return try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ? AND id IN (\(marks))
                ORDER BY created_at, rowid
                """,
            arguments: arguments).map(message)
    }

    /// Runs an `UPDATE outbox … WHERE id = ?` statement, refusing an unknown id.
    static func change(_ id: String, sql: String, arguments: StatementArguments, in db: Database) throws {
        try db.execute(sql: sql, arguments: arguments)
        guard db.changesCount == 1 else { throw TicketStoreError.messageNotFound(id) }
    }

    private static func message(_ row: Row) throws -> OutboxMessage {
        var message = OutboxMessage(
            id: row["id"], ticketNumber: row["ticket_number"], recipient: try StoredActor.read(row["recipient"]),
            address: row["address"], template: row["template"], subject: row["subject"], body: row["body"],
            createdAt: Date(millisecondsSince1970: row["created_at"]))
        message.attempts = row["attempts"]
        message.nextAttemptAt = Date(millisecondsSince1970: row["next_attempt_at"])
        message.deliveredAt = (row["delivered_at"] as Int64?).map(Date.init(millisecondsSince1970:))
        message.lastError = row["last_error"]
        return message
    }
}
