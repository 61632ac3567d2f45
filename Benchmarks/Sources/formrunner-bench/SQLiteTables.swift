import GRDB

/// Inserts ``StoredTicket`` rows into a SQLite store's tables with the connection's cached
/// statements (prepared once per connection, as the store's are): the least work a store could do. The ticket number is left to SQLite (the next rowid), as
/// `SQLiteTicketStore.create` lets it be.
struct TableWriter {
    private let ticket: Statement
    private let history: Statement
    private let outbox: Statement
    private let timer: Statement
    private let search: Statement
    private let term: Statement

    init(_ db: Database) throws {
        func insert(into table: String, _ columns: [String]) throws -> Statement {
            try db.cachedStatement(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: columns.count)))")
        }
        ticket = try insert(into: "ticket", StoredColumns.ticket)
        history = try insert(into: "history", ["ticket_number"] + StoredColumns.history)
        outbox = try insert(into: "outbox", ["ticket_number"] + StoredColumns.outbox)
        timer = try insert(into: "timer", ["ticket_number"] + StoredColumns.timer)
        search = try insert(into: "ticket_search", ["rowid", "words"])
        term = try db.cachedStatement(sql: "INSERT OR IGNORE INTO ticket_search_term (term) VALUES (?)")
    }

    /// Writes `stored` (inside the caller's transaction) and returns its number.
    @discardableResult
    func insert(_ stored: StoredTicket, in db: Database) throws -> Int64 {
        try ticket.execute(arguments: Self.arguments(stored.ticket))
        let number = db.lastInsertedRowID
        let key = Cell.integer(number)
        for row in stored.history { try history.execute(arguments: Self.arguments([key] + row)) }
        for row in stored.outbox { try outbox.execute(arguments: Self.arguments([key] + row)) }
        for row in stored.timers { try timer.execute(arguments: Self.arguments([key] + row)) }
        try search.execute(arguments: [number, stored.words.joined(separator: " ")])
        for word in stored.words { try term.execute(arguments: [word]) }
        return number
    }

    private static func arguments(_ cells: [Cell]) -> StatementArguments {
        StatementArguments(cells.map(\.databaseValue))
    }

    /// Every ticket of the database at `db` as rows, oldest first: what the baseline replays.
    static func readAll(_ db: Database) throws -> [StoredTicket] {
        func grouped(_ sql: String) throws -> [Int64: [[Cell]]] {
            var rows: [Int64: [[Cell]]] = [:]
            for row in try Row.fetchAll(db, sql: sql) {
                let values = Array(row.databaseValues).map(Cell.init(databaseValue:))
                guard case .integer(let number) = values[0] else { continue }
                rows[number, default: []].append(Array(values.dropFirst()))
            }
            return rows
        }
        func columns(_ names: [String]) -> String { names.joined(separator: ", ") }
        let history = try grouped("SELECT ticket_number, \(columns(StoredColumns.history)) FROM history ORDER BY id")
        let outbox = try grouped("SELECT ticket_number, \(columns(StoredColumns.outbox)) FROM outbox ORDER BY rowid")
        let timers = try grouped("SELECT ticket_number, \(columns(StoredColumns.timer)) FROM timer ORDER BY ticket_number, due_at, event")
        let words = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT rowid, words FROM ticket_search")
            .map { row -> (Int64, String) in (row[0], row[1]) })
        return try Row.fetchAll(db, sql: "SELECT number, \(columns(StoredColumns.ticket)) FROM ticket ORDER BY number")
            .map { row in
                let number: Int64 = row[0]
                return StoredTicket(number: number, ticket: Array(row.databaseValues).dropFirst().map(Cell.init(databaseValue:)),
                                    history: history[number] ?? [], outbox: outbox[number] ?? [],
                                    timers: timers[number] ?? [],
                                    words: (words[number] ?? "").split(separator: " ").map(String.init))
            }
    }
}

extension Cell {
    /// The value GRDB binds.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let value): return value.databaseValue
        case .text(let value): return value.databaseValue
        }
    }

    /// The cell of a value read by GRDB (the store writes no reals or blobs into these columns).
    init(databaseValue: DatabaseValue) {
        switch databaseValue.storage {
        case .int64(let value): self = .integer(value)
        case .string(let value): self = .text(value)
        default: self = .null
        }
    }
}
