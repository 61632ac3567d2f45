import Foundation
import FormrunnerCore
import FormrunnerDesk

/// `formrunner-bench assign-parts [--tickets N] [--agents N]`: the e-mails of a create that assigns,
/// composed alone, N times each by blocks of 500: the confirmation, and the confirmation with the
/// agent's notice (the client-side CPU that the notice adds to a create, without a database).
struct AssignPartsBenchmark {
    var catalog: Catalog
    var count: Int
    var agents: Int

    private static let start = Date(timeIntervalSince1970: 1_767_225_600)
    private static let blockSize = 500

    func run() async throws -> [Measurement] {
        let assignedStore = InMemoryTicketStore()
        let wired = try Desk(catalog: catalog, store: assignedStore)
        guard let team = catalog.forms[SyntheticTickets.formID]?.team else {
            throw BenchFailure("assign-parts: the form \(SyntheticTickets.formID) has no team")
        }
        let directory = try wired.identity().directory
        try await BenchAgents.add(agents, team: team, to: directory, at: Self.start)
        let assignedDesk = wired.ticketDesk
        let input = SyntheticTickets().answers(for: 0)
        let created = try await assignedDesk.create(formID: SyntheticTickets.formID, answers: input.raw,
                                                    requester: input.requester, at: Self.start)
        guard let last = try await assignedStore.ticket(created.number), last.assignee != nil,
              let lifecycle = catalog.lifecycles[last.lifecycleID] else {
            throw BenchFailure("assign-parts: the ticket was not assigned")
        }
        var rows: [Measurement] = []
        // The e-mails alone, for the last ticket.
        let confirmation = NotificationRequest(recipient: .requester, template: "confirmation", event: "create")
        var notice = NotificationRequest(recipient: .agent, template: "assigned", event: "assign")
        notice.address = last.assignee
        notice.outboxID = "ticket-\(last.number)-assigned"
        var one = PhaseClock(reserving: count), two = PhaseClock(reserving: count)
        let composer = assignedDesk.composer
        for lower in stride(from: 0, to: count, by: Self.blockSize) {
            let block = lower..<min(lower + Self.blockSize, count)
            try await one.time(block) { _ in
                _ = try composer.compose([confirmation], ticket: last, lifecycle: lifecycle, at: Self.start)
            }
            try await two.time(block) { _ in
                _ = try composer.compose([confirmation, notice], ticket: last, lifecycle: lifecycle, at: Self.start)
            }
        }
        rows += [one.measurement("assign-parts: compose the confirmation"),
                 withShare(two.measurement("assign-parts: compose the confirmation and the agent's notice"), of: one.measurement(""))]
        return rows
    }

    private func withShare(_ measured: Measurement, of base: Measurement) -> Measurement {
        var measured = measured
        if let cpu = measured.cpuPerOperation, let baseCPU = base.cpuPerOperation {
            measured.note = "CPU \(cpu.formatted) an operation, \((cpu - baseCPU).formatted) more than "
                + "\(baseCPU.formatted)"
        }
        return measured
    }
}
