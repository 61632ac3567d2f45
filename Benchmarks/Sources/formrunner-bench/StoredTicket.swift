import FormrunnerCore

/// One value of a stored row, independent of the database it goes to.
enum Cell: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
}

extension Cell {
    /// The cell of an optional value: integers and strings as themselves, `nil` as `NULL`. Any other
    /// type is a mistake in the benchmark, never silently stored as `NULL`.
    init(_ value: (any Sendable)?) {
        switch value {
        case nil: self = .null
        case let value as Int64: self = .integer(value)
        case let value as Int: self = .integer(Int64(value))
        case let value as String: self = .text(value)
        case let value?: preconditionFailure("no database cell for a \(type(of: value))")
        }
    }
}

/// A row's cells as the core lists a stored row's values (`StoredRowValues`).
struct CellRow: StoredRowValues {
    private(set) var cells: [Cell] = []

    mutating func add(_ value: String?) { cells.append(value.map(Cell.text) ?? .null) }
    mutating func add(_ value: Int64?) { cells.append(value.map(Cell.integer) ?? .null) }
    mutating func add(_ value: Bool) { cells.append(.integer(value ? 1 : 0)) }
}

/// The rows one ticket takes in the store's tables, as plain values, whatever the database.
///
/// Both stores use the same table and column names for these rows; only the search words are kept
/// differently (an FTS5 row in SQLite, a `tsvector` column in PostgreSQL).
struct StoredTicket: Sendable {
    /// The ticket's number: the database assigns the same one when tickets are written in order
    /// into an empty store.
    var number: Int64
    /// The `ticket` columns, in ``StoredColumns/ticket`` order.
    var ticket: [Cell]
    /// `history` rows, in ``StoredColumns/history`` order.
    var history: [[Cell]]
    /// `outbox` rows, in ``StoredColumns/outbox`` order.
    var outbox: [[Cell]]
    /// `timer` rows, in ``StoredColumns/timer`` order.
    var timers: [[Cell]]
    /// The folded search words, as `TicketSearch.indexedWords` gives them.
    var words: [String]
}

/// The columns of ``StoredTicket``'s rows, without the ticket number (history, outbox and timer rows
/// also carry it, as `ticket_number`, first).
enum StoredColumns {
    /// The desk's columns (`Ticket.addStoredValues`), then the submission key.
    static let ticket = Ticket.storedColumns + ["submission_key"]
    static let history = ["at", "actor", "event", "from_status", "to_status", "message"]
    static let outbox = [
        "id", "recipient", "address", "template", "subject", "body", "created_at", "attempts", "next_attempt_at",
        "delivered_at", "last_error",
    ]
    static let timer = ["event", "due_at"]
}
