import FormrunnerCore
import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Values bound one after another straight to the parameters of a prepared statement, which is then
/// run by SQLite's own calls.
///
/// The multi-row statements of a batch bind thousands of values each; GRDB's `StatementArguments`
/// converts every value to a `DatabaseValue` through a dynamic call, then copies and checks them all
/// against the parameters before binding. Here each value is bound as it is appended, and the count
/// is checked once, when the statement runs. The statement is reset when bound and after it runs, so
/// GRDB (which sets its own arguments before each run) can still use it.
struct DirectBindings {
    private let statement: Statement
    /// The parameter bound last (SQLite counts parameters from 1).
    private var position: CInt = 0

    /// Starts binding `statement`'s parameters from the first.
    init(_ statement: Statement) {
        self.statement = statement
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
    }

    /// Binds the next parameter to `value`.
    mutating func append(_ value: Int64) {
        position += 1
        sqlite3_bind_int64(statement.sqliteStatement, position, value)
    }

    /// Binds the next parameter to `value`.
    mutating func append(_ value: Int) { append(Int64(value)) }

    /// Binds the next parameter to `value` (SQLite stores booleans as 0 and 1).
    mutating func append(_ value: Bool) { append(Int64(value ? 1 : 0)) }

    /// Binds the next parameter to `value`.
    mutating func append(_ value: String) {
        position += 1
        var text = value
        text.withUTF8 { bytes in
            // An empty buffer may have no address, and SQLite binds a null pointer as NULL, not as ''.
            guard let address = bytes.baseAddress else {
                _ = sqlite3_bind_text(statement.sqliteStatement, position, "", 0, Self.transient)
                return
            }
            _ = address.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
                sqlite3_bind_text(statement.sqliteStatement, position, characters, CInt(bytes.count), Self.transient)
            }
        }
    }

    /// Binds the next parameter to `value`, or to `NULL`.
    mutating func append(_ value: String?) {
        if let value { append(value) } else { appendNull() }
    }

    /// Binds the next parameter to `value`, or to `NULL`.
    mutating func append(_ value: Int64?) {
        if let value { append(value) } else { appendNull() }
    }

    /// Binds the next parameter to `value`, or to `NULL`.
    mutating func append(_ value: Int?) {
        if let value { append(Int64(value)) } else { appendNull() }
    }

    /// Binds the next parameter to `value`.
    mutating func append(_ value: DatabaseValue) {
        switch value.storage {
        case .null: appendNull()
        case .int64(let integer): append(integer)
        case .double(let double):
            position += 1
            sqlite3_bind_double(statement.sqliteStatement, position, double)
        case .string(let text): append(text)
        case .blob(let data):
            position += 1
            data.withUnsafeBytes { bytes in
                guard let address = bytes.baseAddress else {
                    _ = sqlite3_bind_zeroblob(statement.sqliteStatement, position, 0)
                    return
                }
                _ = sqlite3_bind_blob(statement.sqliteStatement, position, address, CInt(bytes.count), Self.transient)
            }
        }
    }

    /// Binds the next parameter to `NULL`.
    mutating func appendNull() {
        position += 1
        sqlite3_bind_null(statement.sqliteStatement, position)
    }

    /// Runs the statement to its end; returns the first column of each row it gives, read by `read`.
    func run<Value>(in db: Database, reading read: (SQLiteStatement) -> Value) throws -> [Value] {
        let sqlite = statement.sqliteStatement
        precondition(Int(position) == Int(sqlite3_bind_parameter_count(sqlite)),
                     "\(position) values bound to \(sqlite3_bind_parameter_count(sqlite)) parameters")
        defer {
            sqlite3_reset(sqlite)
            sqlite3_clear_bindings(sqlite)
        }
        var values: [Value] = []
        while true {
            switch sqlite3_step(sqlite) {
            case SQLITE_ROW: values.append(read(sqlite))
            case SQLITE_DONE: return values
            case let code:
                let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
            }
        }
    }

    /// Runs the statement to its end, ignoring any rows it gives.
    func execute(in db: Database) throws {
        _ = try run(in: db) { _ in () }
    }

    /// Runs the statement; the first column of each row, as integers.
    func fetchInt64s(in db: Database) throws -> [Int64] {
        try run(in: db) { sqlite3_column_int64($0, 0) }
    }

    /// Runs the statement; the first column of each row, as text (`''` for `NULL`).
    func fetchStrings(in db: Database) throws -> [String] {
        try run(in: db) { sqlite in
            guard let text = sqlite3_column_text(sqlite, 0) else { return "" }
            return String(cString: text)
        }
    }

    /// SQLite copies the bound text or blob before the call returns.
    private static var transient: sqlite3_destructor_type {
        unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }
}

extension DirectBindings: StoredRowValues {
    mutating func add(_ value: String?) { append(value) }
    mutating func add(_ value: Int64?) { append(value) }
    mutating func add(_ value: Bool) { append(value) }
}
