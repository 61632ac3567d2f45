import GRDB

/// Settings of the connection that writes (readers keep SQLite's defaults).
enum WriterSettings {
    /// The writer's page cache, in KiB (`PRAGMA cache_size = -N`): 64 MiB, against SQLite's 2 MiB.
    ///
    /// A batch of the tick changes a few thousand tickets in one transaction: their rows and the
    /// pages of a dozen indexes. Past the cache SQLite spills dirty pages to the WAL in the middle of
    /// the transaction and reads them back for the next statement; with 2 MiB, 100,000 single-row
    /// updates in batches of 2,000 on a copy of the ticket table and its indexes took 41 s, against
    /// 3 s with 64 MiB (Python's `sqlite3` on the same libsqlite3). The cache grows only as pages
    /// are used.
    static let cacheKiB = 65_536

    /// Keeps the writer's statement journals in memory (`PRAGMA temp_store = MEMORY`) and gives it a
    /// page cache of ``cacheKiB``.
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
        try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)")
    }
}
