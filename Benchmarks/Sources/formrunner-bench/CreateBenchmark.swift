import Foundation
import FormrunnerCore
import FormrunnerDesk

/// Files tickets through `TicketDesk.create` on a fresh store, then writes the very same rows with
/// plain inserts (one transaction per ticket, each awaited as a create is) into another fresh
/// database of the same kind: the cost of the desk and the store next to the cost of the database
/// alone. On SQLite the same inserts run again all inside one writer job (no hop to the writer queue),
/// the baseline's form before 2026-12-05.
struct CreateBenchmark: Sendable {
    var catalog: Catalog
    var backend: any BenchBackend
    var count: Int
    /// Agents of the form's team for a second, assigned run (0: none).
    var agents = 0
    /// Whether the assigned run's desk keeps its users in the store's database (as the command line
    /// and `serve` do: every create that assigns reads the directory's change count there) instead of
    /// in memory.
    var usersInStore = false
    /// With the users in the store: whether the desk reads their change count before each create
    /// that assigns (as it did before the stores checked it in the creating transaction).
    var countReadByDesk = false

    /// When the tickets are filed: one a second from this instant.
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    func run() async throws -> [Measurement] {
        let desk = "create-desk", rawName = "create-raw"
        try await backend.remove(desk)
        let generator = SyntheticTickets()
        let inputs = (0..<count).map { generator.answers(for: $0) }
        // Made before the timing: a caller has its answers at hand, as the baseline has its rows.
        let raw = inputs.map(\.raw)
        let catalog = self.catalog, count = self.count, label = backend.label
        var desked = try await backend.withStore(desk) { store in
            let desk = try Desk(catalog: catalog, store: store).ticketDesk
            let measured = try await Measurement.timing("create: `TicketDesk.create` (\(label) store)", count: count) { index in
                _ = try await desk.create(formID: SyntheticTickets.formID, answers: raw[index], requester: inputs[index].requester,
                                          at: Self.start.addingTimeInterval(Double(index)))
            }
            try await check(store, inputs: inputs)
            return measured
        }
        let replay = try await backend.readAll(desk)
        try await backend.remove(desk)
        let assigned = agents > 0 ? try await assignedRun(inputs: inputs, raw: raw, unassigned: desked) : nil
        let (total, samples) = try await backend.replay(replay, into: rawName)
        let copied = try await backend.integer("SELECT count(*) FROM outbox", in: rawName)
        guard replay.count == count, copied == count else {
            throw BenchFailure("create: the baseline wrote \(replay.count) tickets and \(copied) e-mails, expected \(count)")
        }
        try await backend.remove(rawName)
        var baseline = Measurement(name: "create: raw \(label) inserts of the same rows (baseline)", operations: replay.count,
                                   total: total, samples: samples)
        baseline.note = "ticket + history + outbox + search rows, 1 transaction each"
        desked.note = Self.ratios(desked, to: baseline, named: "the baseline")
            + (desked.cpuPerOperation.map { "; CPU \($0.formatted) a ticket" } ?? "")
        var unhopped: Measurement?
        if let sqlite = backend as? SQLiteBackend {
            let (total, samples) = try await sqlite.replayInOneJob(replay, into: rawName)
            try await backend.remove(rawName)
            var inOneJob = Measurement(name: "create: the same raw inserts, all in one writer job (no hop)", operations: replay.count,
                                       total: total, samples: samples)
            inOneJob.note = "1 transaction each, timed inside the job"
            desked.note += "; " + Self.ratios(desked, to: inOneJob, named: "no hop")
            unhopped = inOneJob
        }
        return [desked] + (assigned.map { [$0] } ?? []) + [baseline] + (unhopped.map { [$0] } ?? [])
    }

    /// `measured` against `baseline`, by means and by p50s: `1.3× the baseline (p50s 1.5×)`.
    private static func ratios(_ measured: Measurement, to baseline: Measurement, named name: String) -> String {
        var text = String(format: "%.2f×", measured.mean.seconds / baseline.mean.seconds) + " \(name)'s mean"
        if let p50 = measured.percentile(0.5), let base = baseline.percentile(0.5) {
            text += String(format: " (p50s %.2f×)", p50.seconds / base.seconds)
        }
        return text
    }

    /// The same tickets filed again on a fresh store by a desk whose directory holds `agents`
    /// agents of the form's team: each create also picks an agent (the team's rule, in the create
    /// transaction) and composes the agent's e-mail when the catalog has one.
    private func assignedRun(inputs: [SyntheticTickets.Answers], raw: [[String: RawAnswer]], unassigned: Measurement) async throws -> Measurement {
        let name = "create-assigned", catalog = self.catalog, count = self.count, agents = self.agents, backend = self.backend
        let label = backend.label + (usersInStore ? " store, users in the same" : "")
        guard let team = catalog.forms[SyntheticTickets.formID]?.team else {
            throw BenchFailure("create: the form \(SyntheticTickets.formID) has no team to assign in")
        }
        try await backend.remove(name)
        var measured = try await backend.withStore(name) { store in
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
            for index in 0..<agents {
                var agent = UserRecord(email: "agent\(index)@example.com", name: "Agent \(index)", createdAt: Self.start)
                agent.role = .agent
                agent.teams = [team]
                try await directory.add(agent)
            }
            var desk = wired.ticketDesk
            if countReadByDesk { desk.directoryCheckedByStore = false }
            let measured = try await Measurement.timing("create with assignment: `TicketDesk.create`, \(agents) agents (\(label) store"
                                                        + (countReadByDesk ? ", their count read first)" : ")"),
                                                        count: count) { index in
                _ = try await desk.create(formID: SyntheticTickets.formID, answers: raw[index], requester: inputs[index].requester,
                                          at: Self.start.addingTimeInterval(Double(index)))
            }
            guard try await store.ticket(Int64(count))?.assignee != nil else {
                throw BenchFailure("create: ticket \(count) was not assigned")
            }
            return measured
        }
        try await backend.remove(name)
        measured.note = String(format: "%+.1f%% on create without agents", (measured.mean.seconds / unassigned.mean.seconds - 1) * 100)
        if let cpu = measured.cpuPerOperation, let plain = unassigned.cpuPerOperation {
            measured.note += "; CPU \(cpu.formatted) a ticket, " + String(format: "%+.1f%%", (cpu.seconds / plain.seconds - 1) * 100)
        }
        return measured
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
