import FormrunnerCore
import GRDB

/// The `attachment` table: the files a ticket's `files` answers name, derived from its answers.
enum AttachmentRows {
    /// Makes the attachment rows of `ticket` match its `files` answers.
    static func write(_ ticket: Ticket, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM attachment WHERE ticket_number = ?").execute(arguments: [ticket.number])
        try insert(ticket, in: db)
    }

    /// Adds the attachment rows of a new ticket, which has none yet.
    static func insert(_ ticket: Ticket, in db: Database) throws {
        for (fieldID, file) in ticket.attachments {
            try db.cachedStatement(
                sql: """
                    INSERT INTO attachment (ticket_number, field_id, name, size, media_type, sha256)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [ticket.number, fieldID, file.name, file.size, file.mediaType, file.sha256.lowercased()])
        }
    }
}
