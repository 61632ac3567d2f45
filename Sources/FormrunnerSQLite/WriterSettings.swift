import GRDB

/// Settings of the connection that writes (readers keep SQLite's defaults).
enum WriterSettings {
    /// Keeps the writer's statement journals in memory (`PRAGMA temp_store = MEMORY`).
    ///
    /// With SQLite's default, a write statement that needs a statement journal (a trigger, the
    /// full-text index) spills it past 64 KiB into a temporary file: a ticket's transaction then
    /// created, wrote and deleted a file in `/var/tmp` every time (about a tenth of a create's
    /// CPU), and an `UPDATE ticket` that fires the status counters' trigger copies every page it
    /// changes (the row, its indexes, the counters) to one first: a tick of 100,000 tickets made
    /// 3 million `pwrite` calls to such files. A transaction of this store is at most a batch of tickets, so its journals fit in memory.
    /// Readers are left alone: their sorts of large results may still spill to disk.
    static func apply(to db: Database) throws {
        guard !db.configuration.readonly else { return }
        try db.execute(sql: "PRAGMA temp_store = MEMORY")
    }
}
