import Foundation
import FormrunnerCore
import Testing

extension TicketStoreConformance.Reading {
    /// A ticket of `team` in `status` whose reply is due `due` seconds after the samples' instant
    /// (`nil`: no clock), its warning armed `warning` seconds in, and maybe assigned.
    private static func queued(_ title: String, team: String?, status: String = "open", due: Double?, warning: Double? = nil,
                               assignee: String? = nil, warned: Bool = false) -> Ticket {
        var ticket = Samples.ticket(title: title, status: status)
        ticket.team = team
        ticket.assignee = assignee
        if let due {
            var clock = SLAClock(kind: .firstResponse, priority: "high", startedAt: Samples.instant(0), targetSeconds: 14_400)
            clock.dueAt = Samples.instant(due)
            clock.warned = warned
            ticket.sla = clock
            ticket.timers = [ArmedTimer(event: TicketDesk.slaBreach, dueAt: Samples.instant(due))]
            if let warning { ticket.timers.append(ArmedTimer(event: TicketDesk.slaWarning, dueAt: Samples.instant(warning))) }
        }
        return ticket
    }

    @Test("the queue: open statuses only, nearest due first, no clock last, then by number; team, assignee and breaching filters",
          arguments: StoreKind.all)
    func queueOrderAndFilters(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let open = ["awaiting_reply", "open", "solved"]
            let tickets = [
                Self.queued("late", team: "technical", due: 600, warning: 450),                               // 1
                Self.queued("no clock", team: "technical", due: nil),                                         // 2
                Self.queued("soon", team: "technical", due: 300, warning: 200, assignee: "bia@desk.example"), // 3
                Self.queued("closed", team: "technical", status: "closed", due: 100),                         // 4
                Self.queued("other team", team: "financial", due: 200),                                       // 5
                Self.queued("same due", team: "technical", due: 300, warned: true),                           // 6
                Self.queued("no team", team: nil, due: 50),                                                   // 7
                Self.queued("awaiting", team: "technical", status: "awaiting_reply", due: nil),               // 8
            ]
            var created: [Ticket] = []
            for ticket in tickets { created.append(try await Samples.create(ticket, in: store)) }
            func numbers(_ query: TicketQueueQuery) async throws -> [Int64] {
                let found = try await store.queue(query)
                let expected = created.filter(query.admits).sorted(by: TicketQueueQuery.precedes).prefix(query.limit)
                #expect(found == Array(expected), "the store agrees with TicketQueueQuery")
                return found.map(\.number)
            }
            let first = created[0].number - 1
            func n(_ indexes: Int...) -> [Int64] { indexes.map { first + Int64($0) } }
            #expect(try await numbers(TicketQueueQuery(statuses: open, teams: ["technical"])) == n(3, 6, 1, 2, 8))
            #expect(try await numbers(TicketQueueQuery(statuses: open)) == n(7, 5, 3, 6, 1, 2, 8))
            #expect(try await numbers(TicketQueueQuery(statuses: open, teams: ["technical", "financial"])) == n(5, 3, 6, 1, 2, 8))
            #expect(try await numbers(TicketQueueQuery(statuses: open, teams: ["technical"], limit: 2)) == n(3, 6))
            #expect(try await numbers(TicketQueueQuery(statuses: open, teams: ["technical"],
                                                       assignee: .person("bia@desk.example"))) == n(3))
            #expect(try await numbers(TicketQueueQuery(statuses: open, teams: ["technical"], assignee: .nobody)) == n(6, 1, 2, 8))
            #expect(try await numbers(TicketQueueQuery(statuses: open, assignee: .person("bia@desk.example"))) == n(3))
            // At 250 s: ticket 3's warning (200) is reached, ticket 6 was warned, ticket 7 and 5 are overdue; 1 warns at 450.
            #expect(try await numbers(TicketQueueQuery(statuses: open, breachingAt: Samples.instant(250))) == n(7, 5, 3, 6))
            #expect(try await numbers(TicketQueueQuery(statuses: open, teams: ["technical"], breachingAt: Samples.instant(450)))
                    == n(3, 6, 1))
            #expect(try await numbers(TicketQueueQuery(statuses: [], teams: ["technical"])).isEmpty)
            #expect(try await numbers(TicketQueueQuery(statuses: open, teams: [])).isEmpty)
            #expect(try await numbers(TicketQueueQuery(statuses: open, limit: 0)).isEmpty)

            // An update moves the ticket: ticket 1 answered (no due) goes last among the clocks.
            var answered = Samples.next(created[0], status: "open", at: 10, timers: [])
            answered.sla?.dueAt = nil
            answered.sla?.answeredAt = Samples.instant(10)
            try await store.update(answered, expectedVersion: 1, history: [], outbox: [])
            created[0] = answered.storedForm
            #expect(try await numbers(TicketQueueQuery(statuses: open, teams: ["technical"])) == n(3, 6, 1, 2, 8))
            #expect(try await numbers(TicketQueueQuery(statuses: open, teams: ["technical"], breachingAt: Samples.instant(10_000)))
                    == n(3, 6))
        }
    }
}
