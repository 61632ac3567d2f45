/// `ticket_status_count`: how many tickets are in each status, kept by statement triggers in the
/// transaction of every write of `ticket` (a create, a batch, a status change, a merge, a reopen), so
/// that counting reads one row. Each statement adds its changes per status in one `INSERT … ON
/// CONFLICT`, in the order of the statuses, so that concurrent writers lock counter rows in one order.
enum PostgresStatusCounters {
    /// The table, filled from the tickets already stored, and its triggers.
    static let schema = [
        "CREATE TABLE ticket_status_count (status TEXT PRIMARY KEY, tickets BIGINT NOT NULL)",
        "INSERT INTO ticket_status_count (status, tickets) SELECT status, count(*) FROM ticket GROUP BY status",
        function("formrunner_count_inserted", changes: "SELECT status, 1 AS delta FROM new_rows"),
        function("formrunner_count_updated",
                 changes: "SELECT status, -1 AS delta FROM old_rows UNION ALL SELECT status, 1 FROM new_rows"),
        function("formrunner_count_deleted", changes: "SELECT status, -1 AS delta FROM old_rows"),
        """
        CREATE TRIGGER ticket_status_count_insert AFTER INSERT ON ticket REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION formrunner_count_inserted()
        """,
        """
        CREATE TRIGGER ticket_status_count_update AFTER UPDATE ON ticket
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION formrunner_count_updated()
        """,
        """
        CREATE TRIGGER ticket_status_count_delete AFTER DELETE ON ticket REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION formrunner_count_deleted()
        """,
    ]

    /// A trigger function adding `changes` (rows of status and ±1) to the counters.
    private static func function(_ name: String, changes: String) -> String {
        """
        CREATE FUNCTION \(name)() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO ticket_status_count AS counter (status, tickets)
            SELECT status, sum(delta) FROM (\(changes)) AS changes
            GROUP BY status HAVING sum(delta) <> 0 ORDER BY status
            ON CONFLICT (status) DO UPDATE SET tickets = counter.tickets + EXCLUDED.tickets;
            RETURN NULL;
        END $$
        """
    }
}
