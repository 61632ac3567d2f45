import Foundation
import FormrunnerCore
import FormrunnerNotify
import FormrunnerSQLite
import GRDB

/// One `TicketDesk.tick` that closes every ticket of a store: `count` solved tickets whose `close`
/// timer fell due days ago. Afterwards every ticket must be closed with exactly one `close` history
/// line and one `closed` e-mail, and a second tick must find nothing to do.
struct TickBenchmark: Sendable {
    var catalog: Catalog
    var count: Int
    var folder: String

    /// When the tick runs: five days after the last ticket's timer fell due.
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    func run() async throws -> [Measurement] {
        let path = folder + "/tick.sqlite"
        defer { Scratch.remove(path) }
        let count = self.count
        let spacing = 20 * 86_400 / Double(count)
        try await BulkLoader(rows: try SyntheticRows(catalog: catalog)).build(at: path, count: count, label: "preparing \(ReportTable.grouped(count)) solved tickets") { index in
            // Created 30 to 10 days before the tick, solved a day later; closing falls due four days after that.
            (Self.now.addingTimeInterval(-30 * 86_400 + Double(index) * spacing), .solved(closeAfter: 4 * 86_400))
        }
        let store = try SQLiteTicketStore(path: path)
        let desk = TicketDesk(catalog: catalog, store: store, composer: TemplateComposer(catalog: catalog))
        let clock = ContinuousClock()
        let began = clock.now
        let report = try await desk.tick(at: Self.now)
        var tick = Measurement(name: "`TicketDesk.tick` closing every due ticket", operations: count,
                               total: began.duration(to: clock.now))
        tick.note = "\(ReportTable.grouped(report.fired.count)) closed, \(report.conflicts.count) conflicts; mean = total ÷ tickets"
        try await verify(store, path: path, report: report)
        let again = try await desk.tick(at: Self.now)
        guard again.fired.isEmpty, again.conflicts.isEmpty else {
            throw BenchFailure("tick: a second tick changed \(again.fired.count) tickets")
        }
        return [tick]
    }

    /// Every ticket closed once, with one history line and one e-mail for it, and no timer left.
    private func verify(_ store: SQLiteTicketStore, path: String, report: TicketDesk.TickReport) async throws {
        guard report.fired.count == count, report.conflicts.isEmpty, Set(report.fired).count == count else {
            throw BenchFailure("tick: fired \(report.fired.count) tickets with \(report.conflicts.count) conflicts, expected \(count)")
        }
        let closed = try await store.count(status: "closed"), all = try await store.count(status: nil)
        guard closed == count, all == count else {
            throw BenchFailure("tick: \(closed) of \(all) tickets are closed, expected \(count)")
        }
        let problems = try await DatabaseQueue(path: path).read { db in
            func tally(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? -1 }
            return [
                "tickets without exactly one close line": try tally("""
                    SELECT COUNT(*) FROM ticket WHERE
                    (SELECT COUNT(*) FROM history WHERE ticket_number = number AND event = 'close'
                     AND from_status = 'solved' AND to_status = 'closed' AND actor = 'system') != 1
                    """),
                "tickets without exactly one closed e-mail": try tally("""
                    SELECT COUNT(*) FROM ticket WHERE
                    (SELECT COUNT(*) FROM outbox WHERE ticket_number = number AND template = 'closed'
                     AND address = requester_email AND subject LIKE '%#' || number || ' closed:%') != 1
                    """),
                "close lines": try tally("SELECT COUNT(*) FROM history WHERE event = 'close'") - count,
                "closed e-mails": try tally("SELECT COUNT(*) FROM outbox WHERE template = 'closed'") - count,
                "timers left": try tally("SELECT COUNT(*) FROM timer"),
            ].filter { $0.value != 0 }
        }
        guard problems.isEmpty else {
            throw BenchFailure("tick: " + problems.map { "\($0.key): \($0.value)" }.sorted().joined(separator: "; "))
        }
    }
}
