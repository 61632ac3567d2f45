import Foundation
import PostgresNIO

extension PostgresBackend {
    /// Loads with `COPY … FROM STDIN` (text format), the way PostgreSQL loads fastest: the store's
    /// secondary indexes are dropped first and built again afterwards from their own definitions,
    /// then the ticket counter is set past the last number and the tables are vacuumed and analysed.
    func fill(_ name: String, _ body: (_ write: ([StoredTicket]) async throws -> Void) async throws -> Void) async throws {
        try await load(name) { connection in
            try await body { batch in try await copy(batch, on: connection) }
        }
    }

    /// Creates `name` afresh with the store's schema and runs `body` (which writes rows with
    /// ``copy(_:_:_:on:)``) on a connection to it with the secondary indexes dropped; then builds the
    /// indexes again, sets the ticket counter past the last number, vacuums and analyses.
    func load(_ name: String, _ body: (PostgresConnection) async throws -> Void) async throws {
        try await recreate(name)
        try await connected(to: Self.databaseName(name)) { connection in
            let indexes = try await connection.query("""
                SELECT indexname, indexdef FROM pg_indexes
                WHERE schemaname = 'public' AND indexname NOT IN (SELECT conname FROM pg_constraint)
                ORDER BY indexname
                """, logger: logger).collect().map { try $0.decode((String, String).self) }
            for (index, _) in indexes {
                try await connection.query(PostgresQuery(unsafeSQL: "DROP INDEX \(index)"), logger: logger)
            }
            try await body(connection)
            Progress.report("building \(indexes.count) indexes, vacuuming…")
            for (_, definition) in indexes {
                try await connection.query(PostgresQuery(unsafeSQL: definition), logger: logger)
            }
            try await connection.query("UPDATE ticket_counter SET last_number = (SELECT coalesce(max(number), 0) FROM ticket)",
                                       logger: logger)
            try await connection.query("VACUUM ANALYZE", logger: logger)
            try await connection.query("CHECKPOINT", logger: logger)
        }
    }

    /// Writes `rows` (cells in `columns` order) into `table` with one `COPY`.
    func copy(_ table: String, _ columns: [String], _ rows: [[Cell]], on connection: PostgresConnection) async throws {
        var text = CopyText()
        for row in rows { text.append(row) }
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            for chunk in text.chunks { try await writer.write(ByteBuffer(string: chunk)) }
        }
    }

    /// Writes `batch` with one `COPY` per table.
    private func copy(_ batch: [StoredTicket], on connection: PostgresConnection) async throws {
        try await copy("ticket", ["number"] + StoredColumns.ticket, batch.map { [.integer($0.number)] + $0.ticket }, on: connection)
        try await copy("ticket_search_word", ["ticket_number", "words"],
                       batch.map { [.integer($0.number), .text(Self.tsvector($0.words))] }, on: connection)
        for (table, columns, rows) in [("history", StoredColumns.history, \StoredTicket.history),
                                       ("outbox", StoredColumns.outbox, \.outbox),
                                       ("timer", StoredColumns.timer, \.timers)] {
            try await copy(table, ["ticket_number"] + columns,
                           batch.flatMap { stored in stored[keyPath: rows].map { [.integer(stored.number)] + $0 } }, on: connection)
        }
    }

    /// The `tsvector` input text of `words`: each a quoted lexeme, so none is parsed or changed.
    static func tsvector(_ words: [String]) -> String {
        words.map { "'" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'" }
            .joined(separator: " ")
    }
}

/// Lines of `COPY` text format, cut into chunks of about a megabyte.
struct CopyText {
    private var full: [String] = []
    private var current = ""

    /// Appends one row: tab-separated, `\N` for `NULL`, backslash, tab and line breaks escaped.
    mutating func append(_ row: [Cell]) {
        for (index, cell) in row.enumerated() {
            if index > 0 { current += "\t" }
            switch cell {
            case .null: current += "\\N"
            case .integer(let value): current += String(value)
            case .text(let value): current += Self.escaped(value)
            }
        }
        current += "\n"
        if current.utf8.count >= 1 << 20 {
            full.append(current)
            current = ""
        }
    }

    /// The text so far, in chunks.
    var chunks: [String] { current.isEmpty ? full : full + [current] }

    private static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { "\\\t\n\r".unicodeScalars.contains($0) }) else { return text }
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
