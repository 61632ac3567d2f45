import Foundation
import FormrunnerSQLite
import GRDB

/// Fills a new store file with synthetic tickets through the store's own schema, many tickets per
/// transaction, generating the next batch on one core while the other writes the current one.
struct BulkLoader: Sendable {
    var rows: SyntheticRows
    var batch = 20_000

    /// Creates the store at `path` (replacing any file there) holding `count` tickets, ticket `index`
    /// created at and living the life `plan(index)` says.
    func build(at path: String, count: Int, label: String,
               plan: @escaping @Sendable (Int) -> (created: Date, life: SyntheticRows.Life)) async throws {
        Scratch.remove(path)
        _ = try SQLiteTicketStore(path: path)  // the schema, exactly as the store migrates it
        let pool = try DatabasePool(path: path)
        let rows = self.rows
        func generate(_ range: Range<Int>) async throws -> [StoredTicket] {
            try await Task.detached {
                try range.map { index in
                    let (created, life) = plan(index)
                    return try rows.rows(for: index, createdAt: created, life: life)
                }
            }.value
        }
        var start = 0
        var pending = try await generate(0..<min(batch, count))
        while !pending.isEmpty {
            start += pending.count
            let next = start..<min(start + batch, count)
            async let following = generate(next)
            let current = pending
            try await pool.write { db in
                let writer = try TableWriter(db)
                for stored in current { try writer.insert(stored, in: db) }
            }
            pending = try await following
            Progress.report("\(label): \(ReportTable.grouped(start)) of \(ReportTable.grouped(count)) tickets")
        }
        try await pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try pool.close()
        Progress.done()
    }
}

/// Progress of long steps, on standard error, overwriting itself on a terminal.
enum Progress {
    static func report(_ text: String) {
        FileHandle.standardError.write(Data("\r\(text)   ".utf8))
    }

    static func done() {
        FileHandle.standardError.write(Data("\n".utf8))
    }
}

/// Scratch database files and their companions.
enum Scratch {
    /// Removes a store file with its WAL, shared-memory and lock files and its attachments folder.
    static func remove(_ path: String) {
        let file = URL(fileURLWithPath: path)
        let attachments = file.deletingPathExtension().lastPathComponent + ".files"
        for companion in [path, path + "-wal", path + "-shm", path + ".lock",
                          file.deletingLastPathComponent().appendingPathComponent(attachments).path] {
            try? FileManager.default.removeItem(atPath: companion)
        }
    }
}
