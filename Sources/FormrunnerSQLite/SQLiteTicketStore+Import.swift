import Foundation
import FormrunnerCore
import GRDB

extension SQLiteTicketStore: TicketImporting {
    /// One immediate transaction for the batch: each ticket inserted as `create` inserts it (the status
    /// counters follow by trigger), a ticket whose import key is stored left out.
    public func importTickets(_ tickets: [ImportedTicket]) async throws -> [ImportWrite] {
        guard !tickets.isEmpty else { return [] }
        // Content is stored before the rows, as in `create`.
        try vault.store(tickets)
        return try await write { db in
            var keys: [String: Int64] = [:]
            var results: [ImportWrite] = []
            results.reserveCapacity(tickets.count)
            for imported in tickets {
                let key = imported.submissionKey
                if let existing = try keys[key] ?? TicketWrites.number(submissionKey: key, in: db) {
                    results.append(.alreadyImported(existing: existing))
                    continue
                }
                let number = try TicketWrites.insert(imported.ticket.storedForm, submissionKey: key,
                                                     history: imported.history, in: db)
                keys[key] = number
                results.append(.created(number))
            }
            return results
        }
    }
}
