import Foundation
import FormrunnerCore
import FormrunnerDesk

/// One `TicketDesk.tick` that closes every ticket of a store: `count` solved tickets whose `close`
/// timer fell due days ago. Afterwards every ticket must be closed with exactly one `close` history
/// line and one `closed` e-mail, and a second tick must find nothing to do.
struct TickBenchmark: Sendable {
    var catalog: Catalog
    var backend: any BenchBackend
    var count: Int

    /// When the tick runs: five days after the last ticket's timer fell due.
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    func run() async throws -> [Measurement] {
        let name = "tick"
        let count = self.count, catalog = self.catalog
        let spacing = 20 * 86_400 / Double(count)
        try await BulkLoader(rows: try SyntheticRows(catalog: catalog), backend: backend)
            .build(name, count: count, label: "preparing \(ReportTable.grouped(count)) solved tickets") { index in
                // Created 30 to 10 days before the tick, solved a day later; closing falls due four days after that.
                (Self.now.addingTimeInterval(-30 * 86_400 + Double(index) * spacing), .solved(closeAfter: 4 * 86_400))
            }
        let tick = try await backend.withStore(name) { store in
            let desk = try Desk(catalog: catalog, store: store).ticketDesk
            let clock = ContinuousClock()
            let began = clock.now
            let cpu = Self.processorTime()
            let report = try await desk.tick(at: Self.now)
            var tick = Measurement(name: "`TicketDesk.tick` closing every due ticket", operations: count,
                                   total: began.duration(to: clock.now))
            let used = Self.processorTime()
            tick.note = "\(ReportTable.grouped(report.fired.count)) closed, \(report.conflicts.count) conflicts; mean = total ÷ tickets; "
                + String(format: "process CPU %.2f s user + %.2f s sys", used.user - cpu.user, used.system - cpu.system)
            try await verify(store, report: report)
            let again = try await desk.tick(at: Self.now)
            guard again.fired.isEmpty, again.conflicts.isEmpty else {
                throw BenchFailure("tick: a second tick changed \(again.fired.count) tickets")
            }
            return tick
        }
        try await audit(name)
        try await backend.remove(name)
        return [tick]
    }

    /// The user and system CPU seconds this process used so far (all its threads): on a shared
    /// machine, the tick's CPU is steadier than its wall time.
    private static func processorTime() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return (seconds(usage.ru_utime), seconds(usage.ru_stime))
    }

    /// Every ticket closed once, as the store reports it.
    private func verify(_ store: any TicketStore, report: TicketDesk.TickReport) async throws {
        guard report.fired.count == count, report.conflicts.isEmpty, Set(report.fired).count == count else {
            throw BenchFailure("tick: fired \(report.fired.count) tickets with \(report.conflicts.count) conflicts, expected \(count)")
        }
        let closed = try await store.count(status: "closed"), all = try await store.count(status: nil)
        guard closed == count, all == count else {
            throw BenchFailure("tick: \(closed) of \(all) tickets are closed, expected \(count)")
        }
    }

    /// Every ticket with one close history line and one e-mail for it, and no timer left, read from
    /// the tables directly (the same SQL on every backend).
    private func audit(_ name: String) async throws {
        let checks = [
            "tickets without exactly one close line": """
                SELECT COUNT(*) FROM ticket WHERE
                (SELECT COUNT(*) FROM history WHERE ticket_number = number AND event = 'close'
                 AND from_status = 'solved' AND to_status = 'closed' AND actor = 'system') != 1
                """,
            "tickets without exactly one closed e-mail": """
                SELECT COUNT(*) FROM ticket WHERE
                (SELECT COUNT(*) FROM outbox WHERE ticket_number = number AND template = 'closed'
                 AND address = requester_email AND subject LIKE '%#' || number || ' closed:%') != 1
                """,
            "close lines": "SELECT COUNT(*) - \(count) FROM history WHERE event = 'close'",
            "closed e-mails": "SELECT COUNT(*) - \(count) FROM outbox WHERE template = 'closed'",
            "timers left": "SELECT COUNT(*) FROM timer",
        ]
        var problems: [String] = []
        for (problem, sql) in checks.sorted(by: { $0.key < $1.key }) {
            let found = try await backend.integer(sql, in: name)
            if found != 0 { problems.append("\(problem): \(found)") }
        }
        guard problems.isEmpty else { throw BenchFailure("tick: " + problems.joined(separator: "; ")) }
    }
}
