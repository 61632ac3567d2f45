import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Inserts ``StoredTicket`` rows into a SQLite store's tables: the least work a store could do.
///
/// As the store writes a create: the statements are the connection's cached ones (their SQL made
/// once), the values are bound straight to SQLite (no `StatementArguments`), and a ticket's new
/// search terms go in one multi-row `INSERT OR IGNORE`. The ticket number is left to SQLite (the next
/// rowid), as `SQLiteTicketStore.create` lets it be.
struct TableWriter {
    private let ticket: Statement
    private let history: Statement
    private let outbox: Statement
    private let timer: Statement
    private let search: Statement
    private let db: Database

    init(_ db: Database) throws {
        self.db = db
        ticket = try db.cachedStatement(sql: Self.ticketSQL)
        history = try db.cachedStatement(sql: Self.historySQL)
        outbox = try db.cachedStatement(sql: Self.outboxSQL)
        timer = try db.cachedStatement(sql: Self.timerSQL)
        search = try db.cachedStatement(sql: Self.searchSQL)
    }

    /// Writes `stored` (inside the caller's transaction) and returns its number.
    @discardableResult
    func insert(_ stored: StoredTicket, in db: Database) throws -> Int64 {
        try run(ticket, stored.ticket)
        let number = db.lastInsertedRowID
        for row in stored.history { try run(history, row, after: number) }
        for row in stored.outbox { try run(outbox, row, after: number) }
        for row in stored.timers { try run(timer, row, after: number) }
        try run(search, [.text(stored.words.joined(separator: " "))], after: number)
        var rest = stored.words[...]
        while !rest.isEmpty {
            let chunk = rest.prefix(Self.termsPerStatement)
            rest = rest.dropFirst(chunk.count)
            try run(try db.cachedStatement(sql: Self.termSQL[chunk.count - 1]), chunk.map(Cell.text))
        }
        return number
    }

    /// Binds `number` (when given) then `cells` to `statement`'s parameters and runs it.
    private func run(_ statement: Statement, _ cells: [Cell], after number: Int64? = nil) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        var position: CInt = 0
        if let number {
            position += 1
            sqlite3_bind_int64(handle, position, number)
        }
        for cell in cells {
            position += 1
            switch cell {
            case .null: sqlite3_bind_null(handle, position)
            case .integer(let value): sqlite3_bind_int64(handle, position, value)
            case .text(var text):
                text.withUTF8 { bytes in
                    // An empty buffer may have no address, and SQLite binds a null pointer as NULL, not as ''.
                    guard let address = bytes.baseAddress else {
                        _ = sqlite3_bind_text(handle, position, "", 0, Self.transient)
                        return
                    }
                    _ = address.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
                        sqlite3_bind_text(handle, position, characters, CInt(bytes.count), Self.transient)
                    }
                }
            }
        }
        precondition(position == sqlite3_bind_parameter_count(handle), "\(position) values for \(statement.sql)")
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// SQLite copies the bound text before the call returns.
    private static var transient: sqlite3_destructor_type {
        unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }

    private static func insertSQL(_ table: String, _ columns: [String]) -> String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: columns.count)))"
    }

    private static let ticketSQL = insertSQL("ticket", StoredColumns.ticket)
    private static let historySQL = insertSQL("history", ["ticket_number"] + StoredColumns.history)
    private static let outboxSQL = insertSQL("outbox", ["ticket_number"] + StoredColumns.outbox)
    private static let timerSQL = insertSQL("timer", ["ticket_number"] + StoredColumns.timer)
    private static let searchSQL = insertSQL("ticket_search", ["rowid", "words"])
    /// The most terms one `INSERT` lists, as in the store (`SearchTerms.wordsPerStatement`).
    private static let termsPerStatement = 64
    /// `INSERT OR IGNORE … VALUES (?), (?), …` for 1 to ``termsPerStatement`` terms, by count − 1.
    private static let termSQL = (1...termsPerStatement).map { count in
        "INSERT OR IGNORE INTO ticket_search_term (term) VALUES " + Array(repeating: "(?)", count: count).joined(separator: ", ")
    }

    /// The tickets of the database at `db` numbered in `numbers` (all when `nil`) as rows, oldest
    /// first: what the baseline replays.
    static func read(_ db: Database, numbers: ClosedRange<Int64>?) throws -> [StoredTicket] {
        /// `WHERE column BETWEEN first AND last`, or nothing.
        func within(_ column: String) -> String {
            numbers.map { " WHERE \(column) BETWEEN \($0.lowerBound) AND \($0.upperBound)" } ?? ""
        }
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
        let history = try grouped("SELECT ticket_number, \(columns(StoredColumns.history)) FROM history\(within("ticket_number")) ORDER BY id")
        let outbox = try grouped("SELECT ticket_number, \(columns(StoredColumns.outbox)) FROM outbox\(within("ticket_number")) ORDER BY rowid")
        let timers = try grouped("SELECT ticket_number, \(columns(StoredColumns.timer)) FROM timer\(within("ticket_number")) ORDER BY ticket_number, due_at, event")
        let words = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT rowid, words FROM ticket_search\(within("rowid"))")
            .map { row -> (Int64, String) in (row[0], row[1]) })
        return try Row.fetchAll(db, sql: "SELECT number, \(columns(StoredColumns.ticket)) FROM ticket\(within("number")) ORDER BY number")
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
