import Foundation
import FormrunnerCore
import FormrunnerDesk
import Testing

/// Routing by team and automatic assignment, on SQLite and PostgreSQL, through the desk.
@Suite("Routing and assignment", .serialized)
struct AssignmentTests {
    static let monday = AgentDesk.instant("2026-12-07T12:00:00Z")

    @Test("a form's team routes its ticket; with no agent on the team it waits unassigned", arguments: AgentDesk.Kind.stores)
    func routing(kind: AgentDesk.Kind) async throws {
        try await AgentDesk.with(kind) { desk in
            let technical = try await desk.technical(at: Self.monday)
            let financial = try await desk.financial(at: Self.monday)
            #expect(technical.team == "technical")
            #expect(financial.team == "financial")
            #expect(technical.assignee == nil)
            #expect(try await desk.desk.store.ticket(technical.number)?.team == "technical")
        }
    }

    @Test("round robin is fair over 1,000 tickets and skips an away agent", arguments: AgentDesk.Kind.stores)
    func roundRobin(kind: AgentDesk.Kind) async throws {
        try await AgentDesk.with(kind) { desk in
            for agent in ["bia@desk.example", "caio@desk.example", "davi@desk.example"] {
                try await desk.addUser(agent, teams: ["technical"])
            }
            try await desk.addUser("eva@desk.example", teams: ["technical"], awayUntil: AgentDesk.instant("2026-12-31T12:00:00Z"))
            try await desk.addUser("fin@desk.example", teams: ["financial"])
            var counts: [String: Int] = [:]
            var order: [String] = []
            for index in 0..<1000 {
                let ticket = try await desk.technical(index: index, at: Self.monday.addingTimeInterval(Double(index)))
                let agent = try #require(ticket.assignee)
                counts[agent, default: 0] += 1
                if index < 6 { order.append(agent) }
            }
            #expect(counts == ["bia@desk.example": 334, "caio@desk.example": 333, "davi@desk.example": 333])
            #expect(order == ["bia@desk.example", "caio@desk.example", "davi@desk.example",
                              "bia@desk.example", "caio@desk.example", "davi@desk.example"])
        }
    }

    @Test("creates running at once take turns: 90 tickets from three tasks give each agent 30", arguments: AgentDesk.Kind.stores)
    func concurrentCreates(kind: AgentDesk.Kind) async throws {
        try await AgentDesk.with(kind) { desk in
            for agent in ["bia@desk.example", "caio@desk.example", "davi@desk.example"] {
                try await desk.addUser(agent, teams: ["technical"])
            }
            let assignees = try await withThrowingTaskGroup(of: [String?].self) { group in
                for task in 0..<3 {
                    group.addTask {
                        var picked: [String?] = []
                        for index in 0..<30 {
                            picked.append(try await desk.technical(index: task * 100 + index, at: Self.monday).assignee)
                        }
                        return picked
                    }
                }
                var all: [String?] = []
                for try await picked in group { all += picked }
                return all
            }
            let counts = Dictionary(grouping: assignees.compactMap { $0 }, by: { $0 }).mapValues(\.count)
            #expect(counts == ["bia@desk.example": 30, "caio@desk.example": 30, "davi@desk.example": 30])
        }
    }

    @Test("the assignment is in the history, in the same write, and the agent is e-mailed", arguments: AgentDesk.Kind.stores)
    func assignmentRecorded(kind: AgentDesk.Kind) async throws {
        try await AgentDesk.with(kind) { desk in
            try await desk.addUser("bia@desk.example", teams: ["technical"])
            let ticket = try await desk.technical(at: Self.monday)
            let history = try await desk.desk.store.history(ticket.number)
            #expect(history.map(\.event) == ["create", "assign"])
            #expect(history[1].message == "assigned to bia@desk.example (round robin in team technical)")
            let outbox = try await desk.desk.store.outbox(for: ticket.number)
            let assigned = try #require(outbox.first { $0.template == "assigned" })
            #expect(assigned.address == "bia@desk.example")
            #expect(assigned.subject == "[Support] Ticket #\(ticket.number) is yours: Checkout fails 0")
            // Its outbox id is made from the number, beside the confirmation's `ticket-N`.
            #expect(assigned.id == "ticket-\(ticket.number)-assigned")
        }
    }

    @Test("least open gives each new ticket to the agent with the fewest open ones", arguments: AgentDesk.Kind.stores)
    func leastOpen(kind: AgentDesk.Kind) async throws {
        try await AgentDesk.with(kind) { desk in
            try await desk.addUser("fin@desk.example", teams: ["financial"])
            try await desk.addUser("gil@desk.example", teams: ["financial"])
            var first: [Ticket] = []
            for index in 0..<4 { first.append(try await desk.financial(index: index, at: Self.monday)) }
            #expect(first.map(\.assignee) == ["fin@desk.example", "gil@desk.example", "fin@desk.example", "gil@desk.example"])
            // fin solves both of theirs: the next two go to fin, who now has fewer open tickets.
            for ticket in first where ticket.assignee == "fin@desk.example" {
                _ = try await desk.tickets.transition(ticket.number, event: "solve", by: .agent, person: "fin@desk.example",
                                                  message: "Done.", at: Self.monday.addingTimeInterval(60))
            }
            let later = AgentDesk.instant("2026-12-07T13:00:00Z")
            let next = [try await desk.financial(index: 10, at: later), try await desk.financial(index: 11, at: later)]
            #expect(next.map(\.assignee) == ["fin@desk.example", "fin@desk.example"])
            let balanced = try await desk.financial(index: 12, at: later)
            #expect(balanced.assignee == "gil@desk.example")
        }
    }

    @Test("assign, take and unassign are checked, recorded and e-mailed", arguments: AgentDesk.Kind.stores)
    func manualAssignment(kind: AgentDesk.Kind) async throws {
        try await AgentDesk.with(kind) { desk in
            try await desk.addUser("bia@desk.example", teams: ["technical"])
            try await desk.addUser("caio@desk.example", teams: ["technical"])
            try await desk.addUser("fin@desk.example", teams: ["financial"])
            let ticket = try await desk.technical(at: Self.monday)
            #expect(ticket.assignee == "bia@desk.example")
            let later = Self.monday.addingTimeInterval(600)
            try await desk.tickets.assign(ticket.number, to: "caio@desk.example", by: "bia@desk.example", at: later)
            await #expect(throws: TicketDesk.Failure.invalidChange(
                "fin@desk.example is not an agent of team technical, which ticket 1 belongs to; add the team with: "
                + "formrunner users update fin@desk.example --team financial --team technical")) {
                try await desk.tickets.assign(ticket.number, to: "fin@desk.example", by: "bia@desk.example", at: later)
            }
            await #expect(throws: TicketDesk.Failure.invalidChange("ticket 1 is already assigned to caio@desk.example")) {
                try await desk.tickets.assign(ticket.number, to: "Caio@Desk.example", by: "caio@desk.example", at: later)
            }
            try await desk.tickets.assign(ticket.number, to: nil, by: "caio@desk.example", at: later)
            await #expect(throws: TicketDesk.Failure.invalidChange("ticket 1 is not assigned to anyone")) {
                try await desk.tickets.assign(ticket.number, to: nil, by: "caio@desk.example", at: later)
            }
            let taken = try await desk.tickets.assign(ticket.number, to: "bia@desk.example", by: "bia@desk.example", at: later)
            #expect(taken.assignee == "bia@desk.example")
            let history = try await desk.desk.store.history(ticket.number)
            #expect(history.suffix(3).map { "\($0.event) by \($0.person ?? "-"): \($0.message ?? "")" } == [
                "assign by bia@desk.example: assigned to caio@desk.example",
                "unassign by caio@desk.example: unassigned (was caio@desk.example)",
                "assign by bia@desk.example: assigned to bia@desk.example",
            ])
            let mails = try await desk.desk.store.outbox(for: ticket.number).filter { $0.template == "assigned" }.map(\.address)
            #expect(mails == ["bia@desk.example", "caio@desk.example"])
        }
    }
}
