import Foundation

/// Fills a new database with synthetic tickets through the backend's bulk writes, generating the
/// next batch on one core while the other writes the current one.
struct BulkLoader: Sendable {
    var rows: SyntheticRows
    var backend: any BenchBackend
    var batch = 20_000

    /// Creates the database `name` (replacing any) holding `count` tickets, ticket `index` created at
    /// and living the life `plan(index)` says.
    func build(_ name: String, count: Int, label: String,
               plan: @escaping @Sendable (Int) -> (created: Date, life: SyntheticRows.Life)) async throws {
        let rows = self.rows, batch = self.batch
        func generate(_ range: Range<Int>) async throws -> [StoredTicket] {
            try await Task.detached {
                try range.map { index in
                    let (created, life) = plan(index)
                    return try rows.rows(for: index, createdAt: created, life: life)
                }
            }.value
        }
        try await backend.fill(name) { write in
            var start = 0
            var pending = try await generate(0..<min(batch, count))
            while !pending.isEmpty {
                start += pending.count
                let next = start..<min(start + batch, count)
                async let following = generate(next)
                try await write(pending)
                pending = try await following
                Progress.report("\(label): \(ReportTable.grouped(start)) of \(ReportTable.grouped(count)) tickets")
            }
        }
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
