import Foundation
import FormrunnerCore
import FormrunnerSQLite
import GRDB

/// SQLite files in the data folder, `<name>.sqlite`, written through GRDB like `SQLiteTicketStore`
/// (WAL, `synchronous = NORMAL`).
struct SQLiteBackend: BenchBackend {
    var folder: String

    var label: String { "SQLite" }

    private func path(_ name: String) -> String { "\(folder)/\(name).sqlite" }

    func exists(_ name: String) async throws -> Bool {
        FileManager.default.fileExists(atPath: path(name))
    }

    func deskLocation(_ name: String) -> TicketStoreURL? { .sqlite(path: path(name)) }

    func remove(_ name: String) async throws {
        Scratch.remove(path(name))
    }

    func rename(_ name: String, to newName: String) async throws {
        Scratch.remove(path(newName))
        try FileManager.default.moveItem(atPath: path(name), toPath: path(newName))
        Scratch.remove(path(name))
    }

    func withStore<T: Sendable>(_ name: String, _ body: (any TicketStore) async throws -> T) async throws -> T {
        try await body(try SQLiteTicketStore(path: path(name)))
    }

    func fill(_ name: String, _ body: (_ write: ([StoredTicket]) async throws -> Void) async throws -> Void) async throws {
        let path = self.path(name)
        Scratch.remove(path)
        _ = try SQLiteTicketStore(path: path)  // the schema, exactly as the store migrates it
        let pool = try DatabasePool(path: path)
        try await body { batch in
            try await pool.write { db in
                let writer = try TableWriter(db)
                for stored in batch { try writer.insert(stored, in: db) }
            }
        }
        try await pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try pool.close()
    }

    func read(_ name: String, numbers: ClosedRange<Int64>?) async throws -> [StoredTicket] {
        try await DatabaseQueue(path: path(name)).read { db in try TableWriter.read(db, numbers: numbers) }
    }

    /// One writer job a ticket (`pool.write`, awaited), as the store's `create` makes one: each
    /// ticket's time includes the hop to GRDB's writer queue and back, like a create's.
    func replaying<T: Sendable>(into name: String,
                                _ body: (_ write: (StoredTicket) async throws -> Void) async throws -> T) async throws -> T {
        let pool = try freshPool(name)
        defer { try? pool.close() }
        return try await body { stored in
            try await pool.write { db in _ = try TableWriter(db).insert(stored, in: db) }
        }
    }

    /// The same transactions as ``replaying(into:_:)``, all run inside one writer job: no hop to the
    /// writer queue, and each ticket timed inside the job (the baseline of this benchmark until
    /// 2026-12-05, printed beside the other).
    func replayInOneJob(_ tickets: [StoredTicket], into name: String) async throws -> (total: Duration, samples: [Duration]) {
        let pool = try freshPool(name)
        defer { try? pool.close() }
        let clock = ContinuousClock()
        let began = clock.now
        let samples = try await pool.writeWithoutTransaction { db in
            let writer = try TableWriter(db)
            return try tickets.map { stored in
                let start = clock.now
                try db.inTransaction {
                    try writer.insert(stored, in: db)
                    return .commit
                }
                return start.duration(to: clock.now)
            }
        }
        return (began.duration(to: clock.now), samples)
    }

    func replayAtOnce(_ tickets: [StoredTicket], into name: String) async throws -> Duration {
        let pool = try freshPool(name)
        defer { try? pool.close() }
        let clock = ContinuousClock()
        let began = clock.now
        try await pool.write { db in
            let writer = try TableWriter(db)
            for stored in tickets { try writer.insert(stored, in: db) }
        }
        return began.duration(to: clock.now)
    }

    /// A pool on a new, empty `name` with the store's schema, exactly as the store migrates it.
    private func freshPool(_ name: String) throws -> DatabasePool {
        let path = self.path(name)
        Scratch.remove(path)
        _ = try SQLiteTicketStore(path: path)
        // The store's writer keeps its statement journals in memory and has a page cache of 64 MiB
        // (`WriterSettings`); so does the baseline's.
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                try db.execute(sql: "PRAGMA cache_size = -65536")
            }
        }
        return try DatabasePool(path: path, configuration: configuration)
    }

    func bytes(_ name: String) async throws -> Int {
        let path = self.path(name)
        return [path, path + "-wal"].reduce(0) { sum, file in
            sum + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
    }

    func integer(_ sql: String, in name: String) async throws -> Int {
        try await DatabaseQueue(path: path(name)).read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }
}

/// Scratch database files and their companions.
enum Scratch {
    /// Removes a store file with its WAL, shared-memory and lock files and its attachments folder.
    static func remove(_ path: String) {
        let file = URL(fileURLWithPath: path)
        let attachments = file.deletingPathExtension().lastPathComponent + ".files"
        for companion in [path, path + "-wal", path + "-shm", path + ".lock", path + ".key",
                          file.deletingLastPathComponent().appendingPathComponent(attachments).path] {
            try? FileManager.default.removeItem(atPath: companion)
        }
    }
}
