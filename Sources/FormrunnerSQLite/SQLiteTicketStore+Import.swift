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
            var results: [ImportWrite] = []
            results.reserveCapacity(tickets.count)
            for imported in tickets {
                // No lookup before the insert: the unique index on the import key refuses a key already
                // stored (or earlier in this batch), and only that statement is undone.
                do {
                    let number = try TicketWrites.insert(imported.ticket.storedForm, submissionKey: imported.submissionKey,
                                                         history: imported.history, in: db)
                    results.append(.created(number))
                } catch TicketStoreError.duplicateSubmission(let existing) {
                    results.append(.alreadyImported(existing: existing))
                }
            }
            return results
        }
    }
}
