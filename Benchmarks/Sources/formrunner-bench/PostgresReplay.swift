import Foundation
import PostgresNIO

extension PostgresBackend {
    func read(_ name: String, numbers: ClosedRange<Int64>?) async throws -> [StoredTicket] {
        /// `WHERE column BETWEEN first AND last`, or nothing.
        func within(_ column: String) -> String {
            numbers.map { " WHERE \(column) BETWEEN \($0.lowerBound) AND \($0.upperBound)" } ?? ""
        }
        return try await connected(to: Self.databaseName(name)) { connection in
            func cells(_ row: PostgresRow) throws -> [Cell] {
                try row.map { cell in
                    guard cell.bytes != nil else { return .null }
                    switch cell.dataType {
                    case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
                    default: return .text(try cell.decode(String.self))
                    }
                }
            }
            func grouped(_ sql: String) async throws -> [Int64: [[Cell]]] {
                var rows: [Int64: [[Cell]]] = [:]
                for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                    let values = try cells(row)
                    guard case .integer(let number) = values[0] else { continue }
                    rows[number, default: []].append(Array(values.dropFirst()))
                }
                return rows
            }
            func columns(_ names: [String]) -> String { names.joined(separator: ", ") }
            let history = try await grouped("SELECT ticket_number, \(columns(StoredColumns.history)) FROM history\(within("ticket_number")) ORDER BY id")
            let outbox = try await grouped("SELECT ticket_number, \(columns(StoredColumns.outbox)) FROM outbox\(within("ticket_number")) ORDER BY seq")
            let timers = try await grouped("SELECT ticket_number, \(columns(StoredColumns.timer)) FROM timer\(within("ticket_number")) ORDER BY ticket_number, due_at, event")
            var tickets: [StoredTicket] = []
            let query = PostgresQuery(unsafeSQL: """
                SELECT number, \(columns(StoredColumns.ticket)), tsvector_to_array(words)
                FROM ticket JOIN ticket_search_word ON ticket_number = number\(within("number")) ORDER BY number
                """)
            for try await row in try await connection.query(query, logger: logger) {
                let random = row.makeRandomAccess()
                let number = try random[0].decode(Int64.self)
                let ticket = try cells(row).dropFirst().dropLast()
                tickets.append(StoredTicket(number: number, ticket: Array(ticket), history: history[number] ?? [],
                                            outbox: outbox[number] ?? [], timers: timers[number] ?? [],
                                            words: try random[random.count - 1].decode([String].self)))
            }
            return tickets
        }
    }

    /// One connection, one transaction per ticket: the number taken from the counter row as the
    /// store takes it, then one `INSERT` per row with bound values.
    func replaying<T: Sendable>(into name: String,
                                _ body: (_ write: (StoredTicket) async throws -> Void) async throws -> T) async throws -> T {
        try await recreate(name)
        return try await connected(to: Self.databaseName(name)) { connection in
            try await body { stored in
                try await connection.query("BEGIN", logger: logger)
                try await insertRows(of: stored, on: connection)
                try await connection.query("COMMIT", logger: logger)
            }
        }
    }

    /// The same inserts as ``replaying(into:_:)``, in one transaction.
    func replayAtOnce(_ tickets: [StoredTicket], into name: String) async throws -> Duration {
        try await recreate(name)
        return try await connected(to: Self.databaseName(name)) { connection in
            let clock = ContinuousClock()
            let began = clock.now
            try await connection.query("BEGIN", logger: logger)
            for stored in tickets { try await insertRows(of: stored, on: connection) }
            try await connection.query("COMMIT", logger: logger)
            return began.duration(to: clock.now)
        }
    }

    /// One ticket's rows: the number taken from the counter row as the store takes it, then one
    /// `INSERT` per row with bound values.
    private func insertRows(of stored: StoredTicket, on connection: PostgresConnection) async throws {
        let number = try await connection.query(
            "UPDATE ticket_counter SET last_number = last_number + 1 RETURNING last_number", logger: logger)
            .collect().first?.decode(Int64.self) ?? 0
        try await connection.query(Self.insert(into: "ticket", ["number"] + StoredColumns.ticket,
                                               binds: Self.binds([.integer(number)] + stored.ticket)),
                                   logger: logger)
        var words = Self.binds([.integer(number)])
        words.append(stored.words)
        try await connection.query(Self.insert(into: "ticket_search_word", ["ticket_number", "words"],
                                               binds: words, lastValue: "array_to_tsvector($::text[])"),
                                   logger: logger)
        for (table, columns, rows) in [("history", StoredColumns.history, stored.history),
                                       ("outbox", StoredColumns.outbox, stored.outbox),
                                       ("timer", StoredColumns.timer, stored.timers)] {
            for row in rows {
                try await connection.query(Self.insert(into: table, ["ticket_number"] + columns,
                                                       binds: Self.binds([.integer(number)] + row)),
                                           logger: logger)
            }
        }
    }

    /// `INSERT INTO table (columns) VALUES ($1, …)`; `lastValue` wraps the last placeholder (its `$`).
    private static func insert(into table: String, _ columns: [String], binds: PostgresBindings,
                               lastValue: String = "$") -> PostgresQuery {
        var values = (1..<binds.count).map { "$\($0)" }
        values.append(lastValue.replacingOccurrences(of: "$", with: "$\(binds.count)"))
        return PostgresQuery(unsafeSQL: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(values.joined(separator: ", ")))",
                             binds: binds)
    }

    private static func binds(_ cells: [Cell]) -> PostgresBindings {
        var binds = PostgresBindings()
        for cell in cells {
            switch cell {
            case .null: binds.appendNull()
            case .integer(let value): binds.append(value)
            case .text(let value): binds.append(value)
            }
        }
        return binds
    }
}
