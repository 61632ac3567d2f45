import Foundation
import FormrunnerCore
import Testing

extension TicketStoreConformance.Writing {
    @Test("team, priority, assignee, SLA clock and the acting person round-trip in stored form", arguments: StoreKind.all)
    func agentFields(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            var ticket = Samples.ticket()
            ticket.team = "technical"
            ticket.priority = "high"
            ticket.assignee = "bia@desk.example"
            var clock = SLAClock(kind: .firstResponse, priority: "high", startedAt: Samples.instant(0.0004), targetSeconds: 14_400)
            clock.pauses = [SLAClock.Pause(from: Samples.instant(60), to: Samples.instant(120)), SLAClock.Pause(from: Samples.instant(180))]
            clock.firstResponseDue = Samples.instant(3600)
            clock.warned = true
            ticket.sla = clock
            ticket.timers = [ArmedTimer(event: "sla_breach", dueAt: Samples.instant(3600))]
            let created = try await Samples.create(ticket, in: store)
            #expect(created == ticket.storedForm.with(number: created.number))
            #expect(try await store.ticket(created.number) == created)
            var next = Samples.next(created, status: "open", at: 10)
            next.assignee = nil
            next.sla?.answeredAt = Samples.instant(10)
            let line = HistoryEntry(at: Samples.instant(10), actor: .agent, event: "unassign", from: "open", to: "open",
                                    message: "unassigned", person: "caio@desk.example")
            try await store.update(next, expectedVersion: 1, history: [line], outbox: [])
            #expect(try await store.ticket(created.number) == next.storedForm)
            #expect(try await store.history(created.number).last == line.storedForm)
        }
    }

    @Test("create assigns in its transaction: round robin after the team's last pick, least open by open tickets",
          arguments: StoreKind.all)
    func assignmentInCreate(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let agents = ["caio@desk.example", "bia@desk.example", "davi@desk.example"]
            let roundRobin = AssignmentRequest(team: "technical", rule: .roundRobin, candidates: agents, settledStatuses: ["closed"])
            var picks: [String?] = []
            for index in 0..<4 {
                var ticket = Samples.ticket(title: "Ticket \(index)")
                ticket.team = "technical"
                let created = try await store.create(ticket, history: [Samples.created()], submissionKey: nil, files: [:],
                                                     assignment: roundRobin) { _ in [] }
                picks.append(created.assignee)
                #expect(try await store.history(created.number).map(\.event) == ["create", "assign"])
                #expect(try await store.ticket(created.number)?.assignee == created.assignee)
            }
            #expect(picks == ["bia@desk.example", "caio@desk.example", "davi@desk.example", "bia@desk.example"])
            // Least open in another team: bia has 2 open tickets, caio 1, davi 1; caio follows the cursor of this team.
            let leastOpen = AssignmentRequest(team: "financial", rule: .leastOpen, candidates: agents, settledStatuses: ["closed"])
            var ticket = Samples.ticket(title: "Financial")
            ticket.team = "financial"
            let created = try await store.create(ticket, history: [Samples.created()], submissionKey: nil, files: [:],
                                                 assignment: leastOpen) { _ in [] }
            #expect(created.assignee == "caio@desk.example")
            let nobody = AssignmentRequest(team: "financial", rule: .leastOpen, candidates: [], settledStatuses: [])
            let unassigned = try await store.create(Samples.ticket(title: "Nobody"), history: [Samples.created()], submissionKey: nil,
                                                    files: [:], assignment: nobody) { _ in [] }
            #expect(unassigned.assignee == nil)
            #expect(try await store.history(unassigned.number).map(\.event) == ["create"])
        }
    }
}

extension Ticket {
    /// The ticket with `number`.
    func with(number: Int64) -> Ticket {
        var copy = self
        copy.number = number
        return copy
    }
}
