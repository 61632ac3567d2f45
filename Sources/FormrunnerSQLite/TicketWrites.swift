import FormrunnerCore
import GRDB

/// What `create` and `update` write besides the ticket row, in the same transaction.
enum TicketWrites {
    /// Appends `history`, replaces the timers, and rewrites the search words and attachment rows of `ticket`.
    static func dependents(of ticket: Ticket, history: [HistoryEntry], in db: Database) throws {
        try HistoryRows.append(history, to: ticket.number, in: db)
        try Timers.replace(ticket.timers, of: ticket.number, in: db)
        try SearchIndex.write(ticket, in: db)
        try AttachmentRows.write(ticket, in: db)
    }
}
