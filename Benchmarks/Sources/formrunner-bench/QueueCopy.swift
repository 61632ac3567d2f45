import Foundation
import GRDB
import PostgresNIO

/// Copies the queue benchmark's SQLite database into a new PostgreSQL database with the store's
/// schema: its tickets (the columns ``QueueBenchmark/columns`` fills, with their numbers and empty
/// search words) and their timers, the only rows it has, by `COPY` in batches of 20,000 tickets,
/// the secondary indexes built afterwards (``PostgresBackend/load(_:_:)``).
struct QueueCopy: Sendable {
    var backend: PostgresBackend
    var batch = 20_000

    func copy(sqlite path: String, to name: String) async throws {
        var configuration = Configuration()
        configuration.readonly = true
        let source = try DatabaseQueue(path: path, configuration: configuration)
        let columns = QueueBenchmark.columns
        let total = try await source.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM ticket") ?? 0 }
        try await backend.load(name) { connection in
            var last: Int64 = 0
            var copied = 0
            while true {
                let (tickets, timers) = try await source.read { [batch, last] db -> ([[Cell]], [[Cell]]) in
                    let tickets = try Row.fetchAll(db, sql: """
                        SELECT number, \(columns.joined(separator: ", ")) FROM ticket WHERE number > ? ORDER BY number LIMIT ?
                        """, arguments: [last, batch]).map { Array($0.databaseValues).map(Cell.init(databaseValue:)) }
                    guard case .integer(let first)? = tickets.first?.first, case .integer(let end)? = tickets.last?.first else {
                        return ([], [])
                    }
                    let timers = try Row.fetchAll(db, sql: """
                        SELECT ticket_number, event, due_at FROM timer WHERE ticket_number BETWEEN ? AND ?
                        """, arguments: [first, end]).map { Array($0.databaseValues).map(Cell.init(databaseValue:)) }
                    return (tickets, timers)
                }
                guard case .integer(let end)? = tickets.last?.first else { break }
                try await backend.copy("ticket", ["number"] + columns, tickets, on: connection)
                try await backend.copy("ticket_search_word", ["ticket_number", "words"],
                                       tickets.map { [$0[0], .text("")] }, on: connection)
                try await backend.copy("timer", ["ticket_number", "event", "due_at"], timers, on: connection)
                last = end
                copied += tickets.count
                Progress.report("copying the queue database to PostgreSQL: \(ReportTable.grouped(copied)) of \(ReportTable.grouped(total)) tickets")
            }
        }
        Progress.done()
    }
}
