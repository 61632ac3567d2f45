import Foundation
import FormrunnerCore
import FormrunnerNotify
import FormrunnerSQLite
import GRDB

/// Files tickets through `TicketDesk.create` on a fresh SQLite store, then writes the very same rows
/// with raw GRDB (prepared statements, one transaction per ticket, the same WAL file settings) into
/// another fresh store file: the cost of the desk and the store next to the cost of SQLite alone.
struct CreateBenchmark: Sendable {
    var catalog: Catalog
    var count: Int
    var folder: String

    /// When the tickets are filed: one a second from this instant.
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    func run() async throws -> [Measurement] {
        let deskFile = folder + "/create-desk.sqlite", rawFile = folder + "/create-raw.sqlite"
        defer { Scratch.remove(deskFile); Scratch.remove(rawFile) }
        Scratch.remove(deskFile)
        let generator = SyntheticTickets()
        let inputs = (0..<count).map { generator.answers(for: $0) }

        let store = try SQLiteTicketStore(path: deskFile)
        let desk = TicketDesk(catalog: catalog, store: store, composer: TemplateComposer(catalog: catalog))
        var desked = try await Measurement.timing("create: `TicketDesk.create` (SQLite store)", count: count) { index in
            let input = inputs[index]
            _ = try await desk.create(formID: SyntheticTickets.formID, answers: input.raw, requester: input.requester,
                                      at: Self.start.addingTimeInterval(Double(index)))
        }
        try await check(store, inputs: inputs)
        let replay = try await DatabaseQueue(path: deskFile).read { db in try TableWriter.readAll(db) }

        Scratch.remove(rawFile)
        _ = try SQLiteTicketStore(path: rawFile)  // the same schema
        let pool = try DatabasePool(path: rawFile)
        let clock = ContinuousClock()
        let began = clock.now
        let samples = try await pool.writeWithoutTransaction { db in
            let writer = try TableWriter(db)
            return try replay.map { stored in
                let start = clock.now
                try db.inTransaction {
                    try writer.insert(stored, in: db)
                    return .commit
                }
                return start.duration(to: clock.now)
            }
        }
        var raw = Measurement(name: "create: raw GRDB inserts of the same rows (baseline)", operations: replay.count,
                              total: began.duration(to: clock.now), samples: samples)
        try pool.close()
        desked.note = String(format: "%.1f× the baseline's mean", desked.mean.seconds / raw.mean.seconds)
        raw.note = "ticket + history + outbox + FTS rows, 1 transaction each"
        return [desked, raw]
    }

    /// The store holds what the desk was asked to file: every ticket, its confirmation, its words.
    private func check(_ store: SQLiteTicketStore, inputs: [SyntheticTickets.Answers]) async throws {
        guard try await store.count(status: "open") == count else {
            throw BenchFailure("create: the store does not hold \(count) open tickets")
        }
        guard let last = inputs.last else { return }
        let number = Int64(count)
        let outbox = try await store.outbox(for: number)
        guard try await store.ticket(number)?.answers == SyntheticTickets().answers(for: count - 1).values,
              outbox.map(\.template) == ["confirmation"], outbox[0].body.contains("#\(number)"),
              try await store.search(last.titleWords.joined(separator: " "), limit: 1000).contains(where: { $0.number == number })
        else {
            throw BenchFailure("create: ticket \(number) was not stored with its answers, confirmation and words")
        }
    }
}
