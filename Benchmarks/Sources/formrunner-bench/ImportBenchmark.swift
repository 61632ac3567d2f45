import Foundation
import FormrunnerCore
import FormrunnerDesk

/// `formrunner-bench import`: `tickets import` of a generated JSON Lines file of `count` tickets on a
/// fresh store (the same `TicketImporter` as the command: every line checked in a first pass, then
/// written in batches of 1,000), next to raw inserts of the very same rows (tickets, history, timers,
/// search rows) in one transaction into another fresh database of the same kind.
///
/// Half the tickets are open with their creation line only, half solved with a history of two lines
/// (created by the requester, solved by an agent ten minutes later), so that every ticket has a
/// timer or an SLA clock to compute.
struct ImportBenchmark: Sendable {
    var catalog: Catalog
    var backend: any BenchBackend
    var count: Int
    var data: String

    /// When the tickets were filed: one a second from this instant.
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    func run() async throws -> [Measurement] {
        let file = URL(fileURLWithPath: data).appendingPathComponent("import-\(count).jsonl")
        try writeFile(file)
        defer { try? FileManager.default.removeItem(at: file) }
        let desk = "import-desk", raw = "import-raw"
        try await backend.remove(desk)
        let catalog = self.catalog, count = self.count, label = backend.label
        let now = Self.start.addingTimeInterval(Double(count) + 30 * 86_400)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        var (checked, imported) = try await backend.withStore(desk) { store in
            let ticketDesk = try Desk(catalog: catalog, store: store).ticketDesk
            var importer = TicketImporter(checker: try await TicketImportChecker(desk: ticketDesk, now: now))
            importer.dryRun = true
            let checked = try await timed("import: `tickets import --dry-run` (checks only)") {
                let summary = try await importer.run(file, store: store) { _, _ in }
                guard summary.invalid == 0, summary.lines == count else { throw BenchFailure("import: \(summary)") }
            }
            importer.dryRun = false
            let imported = try await timed("import: `tickets import` (\(label) store, batches of 1,000)") {
                let summary = try await importer.run(file, store: store) { number, problems in
                    FileHandle.standardError.write(Data("line \(number): \(problems)\n".utf8))
                }
                guard summary.imported == count else { throw BenchFailure("import: \(summary)") }
            }
            try await check(store)
            return (checked, imported)
        }
        let replay = try await backend.readAll(desk)
        try await backend.remove(desk)
        let cpuBefore = Measurement.processCPU()
        let total = try await backend.replayAtOnce(replay, into: raw)
        let rawCPU = Measurement.processCPU() - cpuBefore
        let history = try await backend.integer("SELECT count(*) FROM history", in: raw)
        guard replay.count == count, history == count + count / 2 else {
            throw BenchFailure("import: the baseline wrote \(replay.count) tickets and \(history) history lines")
        }
        try await backend.remove(raw)
        var baseline = Measurement(name: "import: raw \(label) inserts of the same rows (baseline)", operations: count, total: total)
        baseline.cpu = rawCPU
        baseline.note = "ticket + history + timer + search rows, all in 1 transaction" + Self.cpuNote(rawCPU)
        imported.note = String(format: "%.2f× the baseline's speed; file %.1f MB", total.seconds / imported.total.seconds,
                               Double(bytes) / 1e6) + Self.cpuNote(imported.cpu)
            + (imported.cpu.map { String(format: " (%.2f× the baseline's)", rawCPU.seconds / $0.seconds) } ?? "")
        checked.note = String(format: "%.2f× the import's time", checked.total.seconds / imported.total.seconds) + Self.cpuNote(checked.cpu)
        return [imported, baseline, checked]
    }

    /// Times `body`, wall and the process's CPU (every thread): on a shared machine the CPU moves far
    /// less with other work than the wall does.
    private func timed(_ name: String, _ body: () async throws -> Void) async throws -> Measurement {
        let clock = ContinuousClock()
        let began = clock.now, cpuBefore = Measurement.processCPU()
        try await body()
        var measured = Measurement(name: name, operations: count, total: began.duration(to: clock.now))
        measured.cpu = Measurement.processCPU() - cpuBefore
        return measured
    }

    /// "; CPU 1.23 s" for a note, or nothing.
    private static func cpuNote(_ cpu: Duration?) -> String {
        cpu.map { String(format: "; CPU %.2f s", $0.seconds) } ?? ""
    }

    /// Writes the file: one JSON object a line.
    private func writeFile(_ url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let generator = SyntheticTickets()
        var chunk = Data()
        for index in 0..<count {
            let input = generator.answers(for: index)
            let created = Self.start.addingTimeInterval(Double(index))
            var line: [String: Any] = [
                "external_id": "bench-\(index)", "form": SyntheticTickets.formID, "requester": input.requester.email,
                "answers": input.raw.mapValues { $0.items[0] }, "created_at": Self.text(created),
            ]
            if let name = input.requester.name { line["name"] = name }
            if index % 2 == 1 {
                line["history"] = [
                    ["at": Self.text(created), "actor": "requester", "event": "create", "to": "open"],
                    ["at": Self.text(created.addingTimeInterval(600)), "actor": "agent", "event": "solve", "from": "open",
                     "to": "solved", "message": "Solved: see the help article."],
                ]
            }
            chunk.append(try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]))
            chunk.append(UInt8(ascii: "\n"))
            if chunk.count > 1 << 20 {
                try handle.write(contentsOf: chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: chunk)
    }

    private static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// The store holds every ticket, counted by status, the last one findable by its title.
    private func check(_ store: any TicketStore) async throws {
        guard try await store.count(status: nil) == count, try await store.count(status: "solved") == count / 2 else {
            throw BenchFailure("import: the store does not hold \(count) tickets, \(count / 2) of them solved")
        }
        guard count > 0 else { return }
        let last = SyntheticTickets().answers(for: count - 1)
        let found = try await store.search(last.titleWords.joined(separator: " "), limit: 1000)
        guard found.contains(where: { $0.number == Int64(count) }), try await store.history(Int64(count)).count == (count % 2 == 0 ? 2 : 1) else {
            throw BenchFailure("import: ticket \(count) was not stored with its words and history")
        }
    }
}
