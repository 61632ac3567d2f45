import Foundation
import FormrunnerCore
import FormrunnerDesk

/// Files tickets through `TicketDesk.create` on a fresh store, then writes the very same rows with
/// plain inserts (one transaction per ticket) into another fresh database of the same kind: the cost
/// of the desk and the store next to the cost of the database alone.
struct CreateBenchmark: Sendable {
    var catalog: Catalog
    var backend: any BenchBackend
    var count: Int

    /// When the tickets are filed: one a second from this instant.
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    func run() async throws -> [Measurement] {
        let desk = "create-desk", raw = "create-raw"
        try await backend.remove(desk)
        let generator = SyntheticTickets()
        let inputs = (0..<count).map { generator.answers(for: $0) }
        let catalog = self.catalog, count = self.count, label = backend.label
        var desked = try await backend.withStore(desk) { store in
            let desk = try Desk(catalog: catalog, store: store).ticketDesk
            let measured = try await Measurement.timing("create: `TicketDesk.create` (\(label) store)", count: count) { index in
                let input = inputs[index]
                _ = try await desk.create(formID: SyntheticTickets.formID, answers: input.raw, requester: input.requester,
                                          at: Self.start.addingTimeInterval(Double(index)))
            }
            try await check(store, inputs: inputs)
            return measured
        }
        let replay = try await backend.readAll(desk)
        try await backend.remove(desk)
        let (total, samples) = try await backend.replay(replay, into: raw)
        let copied = try await backend.integer("SELECT count(*) FROM outbox", in: raw)
        guard replay.count == count, copied == count else {
            throw BenchFailure("create: the baseline wrote \(replay.count) tickets and \(copied) e-mails, expected \(count)")
        }
        try await backend.remove(raw)
        var baseline = Measurement(name: "create: raw \(label) inserts of the same rows (baseline)", operations: replay.count,
                                   total: total, samples: samples)
        desked.note = String(format: "%.1f× the baseline's mean", desked.mean.seconds / baseline.mean.seconds)
        baseline.note = "ticket + history + outbox + search rows, 1 transaction each"
        return [desked, baseline]
    }

    /// The store holds what the desk was asked to file: every ticket, its confirmation, its words.
    private func check(_ store: any TicketStore, inputs: [SyntheticTickets.Answers]) async throws {
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
