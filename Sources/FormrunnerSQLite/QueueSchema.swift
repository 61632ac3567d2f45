import FormrunnerCore
import GRDB

/// The queue's columns and indexes (migration "v9 queue index").
///
/// `queue_due` is ``Ticket/queueDueKey`` and `sla_alert` ``Ticket/slaAlertKey`` (milliseconds, or
/// `Ticket.queueNever` for none, so that tickets without a due instant sort last), written with every
/// ticket. The indexes lead with what a queue is narrowed by (team, assignee, or nothing) and the
/// status, then follow the queue's order, so that each (team, status) branch of a queue reads its
/// first rows in order and stops.
enum QueueSchema {
    static let indexes = """
        CREATE INDEX ticket_queue_team ON ticket(team, status, queue_due, number);
        CREATE INDEX ticket_queue_assignee ON ticket(assignee, status, queue_due, number);
        CREATE INDEX ticket_queue_status ON ticket(status, queue_due, number);
        """

    /// Adds the columns, fills them for tickets that have an SLA clock, and builds the indexes.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE ticket ADD COLUMN queue_due INTEGER NOT NULL DEFAULT \(Ticket.queueNever);
            ALTER TABLE ticket ADD COLUMN sla_alert INTEGER NOT NULL DEFAULT \(Ticket.queueNever);
            """)
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM ticket WHERE sla IS NOT NULL")
        let statement = try db.makeStatement(sql: "UPDATE ticket SET queue_due = ?, sla_alert = ? WHERE number = ?")
        for ticket in try TicketRows.tickets(from: rows, in: db) {
            try statement.execute(arguments: [ticket.queueDueKey, ticket.slaAlertKey, ticket.number])
        }
        try db.execute(sql: indexes)
    }
}
