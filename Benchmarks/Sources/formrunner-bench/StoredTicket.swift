import GRDB

/// The rows one ticket takes in the store's tables, as plain values ready to bind, without the
/// ticket number (the database assigns it, as `SQLiteTicketStore.create` lets it).
struct StoredTicket: Sendable {
    /// The `ticket` columns, in ``TableWriter/ticketColumns`` order.
    var ticket: [DatabaseValue]
    /// `history` rows, in ``TableWriter/historyColumns`` order.
    var history: [[DatabaseValue]]
    /// `outbox` rows, in ``TableWriter/outboxColumns`` order.
    var outbox: [[DatabaseValue]]
    /// `timer` rows: event and due instant.
    var timers: [[DatabaseValue]]
    /// The `ticket_search` words, separated by spaces.
    var words: String
}

/// Inserts ``StoredTicket`` rows with statements prepared once: the least work a store could do.
struct TableWriter {
    static let ticketColumns = [
        "form_id", "form_version", "workflow_id", "lifecycle_id", "status", "title", "requester_email",
        "requester_name", "account", "answers", "created_at", "updated_at", "last_interaction_at",
        "status_entered_at", "version", "submission_key",
    ]
    static let historyColumns = ["at", "actor", "event", "from_status", "to_status", "message"]
    static let outboxColumns = [
        "id", "recipient", "address", "template", "subject", "body", "created_at", "attempts", "next_attempt_at",
        "delivered_at", "last_error",
    ]

    private let ticket: Statement
    private let history: Statement
    private let outbox: Statement
    private let timer: Statement
    private let search: Statement

    init(_ db: Database) throws {
        func insert(into table: String, _ columns: [String]) throws -> Statement {
            try db.makeStatement(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: columns.count)))")
        }
        ticket = try insert(into: "ticket", Self.ticketColumns)
        history = try insert(into: "history", ["ticket_number"] + Self.historyColumns)
        outbox = try insert(into: "outbox", ["ticket_number"] + Self.outboxColumns)
        timer = try insert(into: "timer", ["ticket_number", "event", "due_at"])
        search = try insert(into: "ticket_search", ["rowid", "words"])
    }

    /// Writes `stored` (inside the caller's transaction) and returns its number.
    @discardableResult
    func insert(_ stored: StoredTicket, in db: Database) throws -> Int64 {
        try ticket.execute(arguments: StatementArguments(stored.ticket))
        let number = db.lastInsertedRowID
        let key = DatabaseValue(value: number)!
        for row in stored.history { try history.execute(arguments: StatementArguments([key] + row)) }
        for row in stored.outbox { try outbox.execute(arguments: StatementArguments([key] + row)) }
        for row in stored.timers { try timer.execute(arguments: StatementArguments([key] + row)) }
        try search.execute(arguments: [number, stored.words])
        return number
    }

    /// Every ticket of the database at `db` as rows, oldest first: what the baseline replays.
    static func readAll(_ db: Database) throws -> [StoredTicket] {
        func grouped(_ sql: String) throws -> [Int64: [[DatabaseValue]]] {
            var rows: [Int64: [[DatabaseValue]]] = [:]
            for row in try Row.fetchAll(db, sql: sql) {
                let values = Array(row.databaseValues)
                rows[Int64.fromDatabaseValue(values[0])!, default: []].append(Array(values.dropFirst()))
            }
            return rows
        }
        let history = try grouped("SELECT ticket_number, \(historyColumns.joined(separator: ", ")) FROM history ORDER BY id")
        let outbox = try grouped("SELECT ticket_number, \(outboxColumns.joined(separator: ", ")) FROM outbox ORDER BY rowid")
        let timers = try grouped("SELECT ticket_number, event, due_at FROM timer ORDER BY ticket_number, due_at, event")
        let words = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT rowid, words FROM ticket_search")
            .map { row -> (Int64, String) in (row[0], row[1]) })
        return try Row.fetchAll(db, sql: "SELECT number, \(ticketColumns.joined(separator: ", ")) FROM ticket ORDER BY number")
            .map { row in
                let number: Int64 = row[0]
                return StoredTicket(ticket: Array(row.databaseValues.dropFirst()), history: history[number] ?? [],
                                    outbox: outbox[number] ?? [], timers: timers[number] ?? [], words: words[number] ?? "")
            }
    }
}
