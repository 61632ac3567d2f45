import Foundation
import FormrunnerCore
import FormrunnerDesk

/// Files tickets through `TicketDesk.create` on a fresh store, through a second desk on another
/// fresh store whose team has `agents` agents (each create also assigns, when `agents` > 0), and
/// writes the very same rows as the first desk's with plain inserts (one transaction per ticket,
/// each awaited as a create is) into a third fresh database of the same kind: the cost of the desk
/// and the store next to the cost of the database alone, and assignment's share of a create.
///
/// The three phases run interleaved by blocks of ``blockSize`` tickets — plain creates, creates
/// that assign, raw inserts of the block the plain desk just wrote — in an order that turns round
/// every block (plain, assigned, raw; assigned, plain, raw; plain, raw, assigned), so a stall of the
/// disk or of another process on the shared machine lands on one block of one phase, not on a whole
/// phase. Each phase's wall and CPU time (the process's, all threads) are summed over its own
/// blocks only. On SQLite the same inserts then run again all inside one writer job (no hop to the
/// writer queue), the baseline's form before 2026-12-05, not interleaved.
struct CreateBenchmark: Sendable {
    var catalog: Catalog
    var backend: any BenchBackend
    var count: Int
    /// Agents of the form's team for a second, assigned run (0: none).
    var agents = 0
    /// Whether the assigned run's desk keeps its users in the store's database (as the command line
    /// and `serve` do) instead of in memory.
    var usersInStore = false
    /// With the users in the store: whether the desk reads their change count before each create
    /// that assigns (as it did before the stores checked it in the creating transaction).
    var countReadByDesk = false
    /// Tickets a phase files before the next phase takes its turn.
    var blockSize = 500

    /// When the tickets are filed: one a second from this instant.
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    /// The parts of the interleaved run.
    private enum Phase { case plain, assigned, raw }
    /// The phases' order in successive blocks (the plain block always before the raw one, which
    /// replays its rows).
    private static let orders: [[Phase]] = [[.plain, .assigned, .raw], [.assigned, .plain, .raw], [.plain, .raw, .assigned]]

    func run() async throws -> [Measurement] {
        let desk = "create-desk", rawName = "create-raw"
        try await backend.remove(desk)
        let generator = SyntheticTickets()
        let inputs = (0..<count).map { generator.answers(for: $0) }
        // Made before the timing: a caller has its answers at hand, as the baseline has its rows.
        let raw = inputs.map(\.raw)
        let catalog = self.catalog, count = self.count, label = backend.label, backend = self.backend
        let blocks = stride(from: 0, to: count, by: blockSize).map { $0..<min($0 + blockSize, count) }
        let clocks = try await backend.withStore(desk) { store in
            let plainDesk = try Desk(catalog: catalog, store: store).ticketDesk
            let clocks = try await withAssignedDesk { assignedDesk in
                try await backend.replaying(into: rawName) { write in
                    var plain = PhaseClock(reserving: count), assigned = PhaseClock(reserving: count), replayed = PhaseClock(reserving: count)
                    for (round, block) in blocks.enumerated() {
                        var rows: [StoredTicket] = []
                        for phase in Self.orders[round % Self.orders.count] {
                            switch phase {
                            case .plain:
                                try await plain.time(block) { index in
                                    _ = try await plainDesk.create(formID: SyntheticTickets.formID, answers: raw[index],
                                                                   requester: inputs[index].requester,
                                                                   at: Self.start.addingTimeInterval(Double(index)))
                                }
                                rows = try await backend.read(desk, numbers: Int64(block.lowerBound + 1)...Int64(block.upperBound))
                            case .assigned:
                                guard let assignedDesk else { continue }
                                try await assigned.time(block) { index in
                                    _ = try await assignedDesk.create(formID: SyntheticTickets.formID, answers: raw[index],
                                                                      requester: inputs[index].requester,
                                                                      at: Self.start.addingTimeInterval(Double(index)))
                                }
                            case .raw:
                                guard rows.count == block.count else {
                                    throw BenchFailure("create: read \(rows.count) tickets of the block \(block), expected \(block.count)")
                                }
                                try await replayed.time(rows.indices) { index in try await write(rows[index]) }
                            }
                        }
                    }
                    return [plain.measurement("create: `TicketDesk.create` (\(label) store)"),
                            replayed.measurement("create: raw \(label) inserts of the same rows (baseline)")]
                        + (assignedDesk == nil ? [] : [assigned.measurement(assignedName)])
                }
            }
            try await check(store, inputs: inputs)
            return clocks
        }
        var desked = clocks[0], baseline = clocks[1]
        let copied = try await backend.integer("SELECT count(*) FROM outbox", in: rawName)
        guard baseline.operations == count, copied == count else {
            throw BenchFailure("create: the baseline wrote \(baseline.operations) tickets and \(copied) e-mails, expected \(count)")
        }
        try await backend.remove(rawName)
        let assigned = clocks.count > 2 ? withShare(clocks[2], of: desked) : nil
        baseline.note = "ticket + history + outbox + search rows, 1 transaction each"
        desked.note = Self.ratios(desked, to: baseline, named: "the baseline")
            + (desked.cpuPerOperation.map { "; CPU \($0.formatted) a ticket" } ?? "")
            + "; phases interleaved by blocks of \(blockSize)"
        var unhopped: Measurement?
        if let sqlite = backend as? SQLiteBackend {
            let replay = try await backend.readAll(desk)
            let (total, samples) = try await sqlite.replayInOneJob(replay, into: rawName)
            try await backend.remove(rawName)
            var inOneJob = Measurement(name: "create: the same raw inserts, all in one writer job (no hop)", operations: replay.count,
                                       total: total, samples: samples)
            inOneJob.note = "1 transaction each, timed inside the job"
            desked.note += "; " + Self.ratios(desked, to: inOneJob, named: "no hop")
            unhopped = inOneJob
        }
        try await backend.remove(desk)
        return [desked] + (assigned.map { [$0] } ?? []) + [baseline] + (unhopped.map { [$0] } ?? [])
    }

    /// The assigned phase's row name.
    private var assignedName: String {
        "create with assignment: `TicketDesk.create`, \(agents) agents (\(backend.label)"
            + (usersInStore ? " store, users in the same" : "") + " store"
            + (countReadByDesk ? ", their count read first)" : ")")
    }

    /// `assigned` with its share of the plain create `plain` in its note: by means, p50s and CPU.
    private func withShare(_ assigned: Measurement, of plain: Measurement) -> Measurement {
        var measured = assigned
        measured.note = String(format: "%+.1f%% on create without agents", (assigned.mean.seconds / plain.mean.seconds - 1) * 100)
        if let p50 = assigned.percentile(0.5), let base = plain.percentile(0.5) {
            measured.note += String(format: " (p50s %+.1f%%)", (p50.seconds / base.seconds - 1) * 100)
        }
        if let cpu = assigned.cpuPerOperation, let base = plain.cpuPerOperation {
            measured.note += "; CPU \(cpu.formatted) a ticket, " + String(format: "%+.1f%%", (cpu.seconds / base.seconds - 1) * 100)
        }
        return measured
    }

    /// `measured` against `baseline`, by means and by p50s: `1.3× the baseline (p50s 1.5×)`.
    private static func ratios(_ measured: Measurement, to baseline: Measurement, named name: String) -> String {
        var text = String(format: "%.2f×", measured.mean.seconds / baseline.mean.seconds) + " \(name)'s mean"
        if let p50 = measured.percentile(0.5), let base = baseline.percentile(0.5) {
            text += String(format: " (p50s %.2f×)", p50.seconds / base.seconds)
        }
        return text
    }

    /// Runs `body` with a desk on a fresh store whose directory holds `agents` agents of the form's
    /// team, so that each create also picks an agent (the team's rule, in the create transaction) and
    /// composes the agent's e-mail when the catalog has one; with `nil` when `agents` is 0.
    private func withAssignedDesk<T: Sendable>(_ body: (TicketDesk?) async throws -> T) async throws -> T {
        guard agents > 0 else { return try await body(nil) }
        let name = "create-assigned", catalog = self.catalog, count = self.count, agents = self.agents, backend = self.backend
        guard let team = catalog.forms[SyntheticTickets.formID]?.team else {
            throw BenchFailure("create: the form \(SyntheticTickets.formID) has no team to assign in")
        }
        try await backend.remove(name)
        let value = try await backend.withStore(name) { store in
            var location = TicketStoreURL.memory
            if usersInStore {
                guard let inStore = backend.deskLocation(name) else {
                    throw BenchFailure("create: users in the store are not measured on \(backend.label)")
                }
                location = inStore
            }
            // A desk on PostgreSQL keeps its key file in the catalog folder: a scratch one.
            let keys = FileManager.default.temporaryDirectory.appendingPathComponent("formrunner-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: keys) }
            let wired = try Desk(catalog: catalog, store: store, location: location,
                                 settings: DeskSettings(catalog: keys.path, environment: [:]))
            let directory = try wired.identity().directory
            try await BenchAgents.add(agents, team: team, to: directory, at: Self.start)
            var desk = wired.ticketDesk
            if countReadByDesk { desk.directoryCheckedByStore = false }
            let value = try await body(desk)
            guard try await store.ticket(Int64(count))?.assignee != nil else {
                throw BenchFailure("create: ticket \(count) was not assigned")
            }
            return value
        }
        try await backend.remove(name)
        return value
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
