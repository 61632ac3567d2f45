import Foundation

/// A ticket read from an import file and checked against the catalog: what a store writes for it.
public struct ImportedTicket: Sendable, Hashable {
    /// The ticket as it is to be stored (number 0 until the store numbers it).
    public var ticket: Ticket
    /// Its whole history, oldest first, the creation line first.
    public var history: [HistoryEntry]
    /// The key a second import of the same line is recognised by (see ``TicketImporter``).
    public var submissionKey: String
    /// Attachments to copy into the store, by SHA-256.
    public var files: [String: URL]

    public init(ticket: Ticket, history: [HistoryEntry], submissionKey: String, files: [String: URL] = [:]) {
        self.ticket = ticket
        self.history = history
        self.submissionKey = submissionKey
        self.files = files
    }
}

/// What the store did with one imported ticket.
public enum ImportWrite: Sendable, Hashable {
    /// Filed as this new ticket.
    case created(Int64)
    /// A ticket with the same import key exists (an earlier import of the line): nothing was written.
    case alreadyImported(existing: Int64)
}

/// A store that writes many imported tickets in one transaction.
///
/// Each ticket is written as ``TicketStore/create(_:history:submissionKey:files:assignment:outbox:)``
/// would write it without assignment or outbox (ticket, history, timers, search words, attachment
/// rows, status counters), numbered in the order given; a ticket whose `submissionKey` is already
/// stored (or earlier in the same batch) is left out and reported as ``ImportWrite/alreadyImported(existing:)``.
/// Any other failure writes nothing of the batch.
public protocol TicketImporting: Sendable {
    /// Writes the batch; one result per ticket, in the order given.
    func importTickets(_ tickets: [ImportedTicket]) async throws -> [ImportWrite]
}

extension ImportedTicket {
    /// Writes `tickets` through `store`: in one transaction when the store is ``TicketImporting``,
    /// otherwise one `create` each (the submission key refusing a ticket already imported).
    public static func write(_ tickets: [ImportedTicket], to store: any TicketStore) async throws -> [ImportWrite] {
        if let bulk = store as? any TicketImporting { return try await bulk.importTickets(tickets) }
        var results: [ImportWrite] = []
        for imported in tickets {
            do {
                let created = try await store.create(imported.ticket, history: imported.history,
                                                     submissionKey: imported.submissionKey, files: imported.files) { _ in [] }
                results.append(.created(created.number))
            } catch TicketStoreError.duplicateSubmission(let existing) {
                results.append(.alreadyImported(existing: existing))
            }
        }
        return results
    }
}
