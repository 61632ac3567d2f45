import GRDB

/// `ticket_status_count`: how many tickets are in each status, kept by triggers in the transaction of
/// every write of `ticket` (a create, a status change, a merge, a reopen), so that counting reads
/// one row instead of walking an index of every ticket in the status.
enum StatusCounters {
    /// The table, filled from the tickets already stored, and its triggers.
    static let schema = """
        CREATE TABLE ticket_status_count (status TEXT NOT NULL PRIMARY KEY, tickets INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO ticket_status_count (status, tickets) SELECT status, COUNT(*) FROM ticket GROUP BY status;
        CREATE TRIGGER ticket_status_count_insert AFTER INSERT ON ticket BEGIN
            INSERT INTO ticket_status_count (status, tickets) VALUES (NEW.status, 1)
                ON CONFLICT (status) DO UPDATE SET tickets = tickets + 1;
        END;
        CREATE TRIGGER ticket_status_count_update AFTER UPDATE OF status ON ticket
            WHEN OLD.status IS NOT NEW.status BEGIN
            UPDATE ticket_status_count SET tickets = tickets - 1 WHERE status = OLD.status;
            INSERT INTO ticket_status_count (status, tickets) VALUES (NEW.status, 1)
                ON CONFLICT (status) DO UPDATE SET tickets = tickets + 1;
        END;
        CREATE TRIGGER ticket_status_count_delete AFTER DELETE ON ticket BEGIN
            UPDATE ticket_status_count SET tickets = tickets - 1 WHERE status = OLD.status;
        END;
        """

    /// The tickets in `status`, or all of them.
    static func count(status: String?, in db: Database) throws -> Int {
        if let status {
            return try Int.fetchOne(db.cachedStatement(sql: "SELECT tickets FROM ticket_status_count WHERE status = ?"),
                                    arguments: [status]) ?? 0
        }
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(SUM(tickets), 0) FROM ticket_status_count")) ?? 0
    }
}
