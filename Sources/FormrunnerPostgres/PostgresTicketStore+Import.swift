import Foundation
import FormrunnerCore
import PostgresNIO

extension PostgresTicketStore: TicketImporting {
    /// One transaction of a few set-wise statements for the batch: the stored import keys looked up,
    /// the numbers taken from the counter at once, the tickets inserted in `INSERT … SELECT … FROM
    /// (VALUES …)` slices (the status counters follow by statement trigger), then their history, timers
    /// and attachment rows as a batch update writes them.
    public func importTickets(_ tickets: [ImportedTicket]) async throws -> [ImportWrite] {
        guard !tickets.isEmpty else { return [] }
        // Content is stored before the rows, as in `create`.
        try vault.store(tickets)
        return try await transaction { rows in
            var binds = PostgresBindings()
            binds.append(tickets.map(\.submissionKey))
            var known: [String: Int64] = [:]
            let stored = try await rows.run(PostgresQuery(
                unsafeSQL: "SELECT submission_key, number FROM ticket WHERE submission_key = ANY($1::text[])", binds: binds))
            for try await (key, number) in stored.decode((String, Int64).self) { known[key] = number }
            var fresh: Set<String> = []
            let newCount = tickets.filter { known[$0.submissionKey] == nil && fresh.insert($0.submissionKey).inserted }.count
            var number: Int64 = 0
            if newCount > 0 {
                let last = try await rows.run(
                    "UPDATE ticket_counter SET last_number = last_number + \(newCount) RETURNING last_number")
                    .collect().first?.decode(Int64.self)
                guard let last else { throw TicketStoreError.unavailable("the ticket counter row is missing") }
                number = last - Int64(newCount)
            }
            var results: [ImportWrite] = []
            var written: [(key: String, change: TicketChange)] = []
            for imported in tickets {
                if let existing = known[imported.submissionKey] {
                    results.append(.alreadyImported(existing: existing))
                    continue
                }
                number += 1
                known[imported.submissionKey] = number
                var ticket = imported.ticket.storedForm
                ticket.number = number
                written.append((imported.submissionKey, TicketChange(ticket: ticket, expectedVersion: ticket.version - 1,
                                                                     history: imported.history)))
                results.append(.created(number))
            }
            for slice in PostgresBatch.slices(of: written, rowWidth: PostgresRows.writtenColumns.count + 3) {
                try await rows.insertTickets(slice)
            }
            try await rows.writeDependents(of: written.map(\.change))
            return results
        }
    }
}

extension PostgresRows {
    /// Inserts new tickets (numbered, in stored form) with their import keys and their search words in
    /// one statement.
    func insertTickets(_ tickets: ArraySlice<(key: String, change: TicketChange)>) async throws {
        var binds = PostgresBindings()
        var values: [String] = []
        let columns = ["number", "submission_key"] + Self.writtenColumns
        let rowColumns = columns + ["search_words"]
        for (key, change) in tickets {
            let first = binds.count + 1
            binds.append(change.ticket.number)
            binds.append(key)
            try Self.appendTicket(change.ticket, to: &binds)
            binds.append(PostgresSearch.lexemes(of: change.ticket))
            values.append("(" + rowColumns.indices.map { "$\(first + $0)" }.joined(separator: ", ") + ")")
        }
        try await run(PostgresQuery(
            unsafeSQL: """
                WITH x (\(rowColumns.joined(separator: ", "))) AS (VALUES \(values.joined(separator: ", "))),
                new_tickets AS (
                    INSERT INTO ticket (\(columns.joined(separator: ", ")))
                    SELECT \(columns.map(PostgresBatch.value(of:)).joined(separator: ", ")) FROM x),
                imported AS (SELECT x.number::bigint AS number, x.search_words::text[] AS words FROM x)
                \(PostgresSearch.upsert(from: "imported"))
                """,
            binds: binds))
    }
}
