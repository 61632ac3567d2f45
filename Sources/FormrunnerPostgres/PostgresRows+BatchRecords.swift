import FormrunnerCore

/// The history and outbox rows of a batch as bound documents (``JSONRecords``), and the statements
/// inserting them: one text for any number of rows, the rows inserted in document order.
extension PostgresRows {
    /// The history records of `entries` (ticket number, line).
    static func historyRecords(_ entries: some Collection<(Int64, HistoryEntry)>) -> JSONRecords {
        var records = JSONRecords(columns: historyRecordColumns)
        for (number, entry) in entries {
            records.beginRecord()
            entry.addStoredValues(ticket: number, to: &records)
            records.endRecord()
        }
        return records
    }

    /// The outbox records of `messages` (in stored form).
    static func outboxRecords(_ messages: some Collection<OutboxMessage>) -> JSONRecords {
        var records = JSONRecords(columns: outboxRecordColumns)
        for message in messages {
            records.beginRecord()
            message.addStoredValues(to: &records)
            records.endRecord()
        }
        return records
    }

    /// Inserts the history records of the bound document, in order.
    static let batchHistoryInsert = historyInsert(document: "$1")

    /// Inserts the outbox records of the bound document, in order (their `seq`), returning the ids
    /// inserted: an id the outbox already has is left out.
    static let batchOutboxInsert = outboxInsert(document: "$1")

    /// Inserts the history records of the document bound as `document` (e.g. `$1`), in order.
    static func historyInsert(document: String) -> String {
        insert(into: "history", columns: historyRecordColumns,
               types: ["ticket_number": "bigint", "at": "bigint", "internal": "boolean"], document: document)
    }

    /// Inserts the outbox records of the document bound as `document`, in order (their `seq`),
    /// returning the ids inserted: an id the outbox already has is left out.
    static func outboxInsert(document: String) -> String {
        insert(into: "outbox", columns: outboxRecordColumns,
               types: ["ticket_number": "bigint", "created_at": "bigint", "attempts": "integer",
                       "next_attempt_at": "bigint", "delivered_at": "bigint"], document: document)
            + " ON CONFLICT (id) DO NOTHING RETURNING id"
    }

    private static let historyRecordColumns = [
        "ticket_number", "at", "actor", "event", "from_status", "to_status", "message", "person", "internal",
    ]

    private static let outboxRecordColumns = [
        "id", "ticket_number", "recipient", "address", "template", "subject", "body", "created_at", "attempts",
        "next_attempt_at", "delivered_at", "last_error",
    ]

    private static func insert(into table: String, columns: [String], types: [String: String], document: String) -> String {
        let names = columns.joined(separator: ", ")
        return """
            INSERT INTO \(table) (\(names))
            SELECT \(names) FROM \(PostgresBatch.recordset(columns, types: types, ordinality: true, document: document))
            ORDER BY x.n
            """
    }
}
