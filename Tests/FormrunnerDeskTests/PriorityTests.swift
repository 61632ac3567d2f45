import Foundation
import FormrunnerCore
import FormrunnerDesk
import Testing

/// Priorities from the answers (the catalog's rules, first match wins) and changed by an agent.
@Suite("Priorities")
struct PriorityTests {
    static let monday = AgentDesk.instant("2026-12-07T12:00:00Z")

    @Test("the technical intake's answers choose the priority; financial tickets are low",
          arguments: [
              ("critical", "production", "unexpected_behavior", "urgent"),
              ("critical", "development", "unexpected_behavior", "high"),
              ("important", "production", "unexpected_behavior", "high"),
              ("auxiliary", "production", "unexpected_behavior", "normal"),
              ("auxiliary", "development", "question", "normal"),
          ])
    func fromAnswers(impact: String, environment: String, type: String, expected: String) async throws {
        try await AgentDesk.with(.memory) { desk in
            let ticket = try await desk.technical(impact: impact, environment: environment, type: type, at: Self.monday)
            #expect(ticket.priority == expected)
            #expect(try await desk.financial(at: Self.monday).priority == "low")
        }
    }

    @Test("the priorities carry their labels in three languages and the published targets")
    func labelsAndTargets() async throws {
        try await AgentDesk.with(.memory) { desk in
            let scheme = try #require(desk.desk.catalog.priorities)
            #expect(scheme.levels.map(\.id) == ["urgent", "high", "normal", "low"])
            #expect(scheme.levels.map(\.firstResponseHours) == [1, 4, 8, 12])
            #expect(scheme.levels.map { $0.label.text(in: "pt") } == ["Urgente", "Alta", "Normal", "Baixa"])
            #expect(scheme.levels.map { $0.label.text(in: "es") } == ["Urgente", "Alta", "Normal", "Baja"])
            #expect(scheme.warningShare == 0.75)
        }
    }

    @Test("an agent changes the priority with a reason; the history keeps it and the clock follows", arguments: AgentDesk.Kind.stores)
    func agentChangesIt(kind: AgentDesk.Kind) async throws {
        try await AgentDesk.with(kind) { desk in
            try await desk.addUser("bia@desk.example", teams: ["technical"])
            let ticket = try await desk.technical(at: Self.monday)   // Monday 09:00 in São Paulo, normal: 8 h
            #expect(ticket.sla?.dueAt == AgentDesk.instant("2026-12-07T20:00:00Z"))
            let changed = try await desk.tickets.setPriority(ticket.number, to: "urgent", reason: "every page answers 502",
                                                             by: "bia@desk.example", at: Self.monday.addingTimeInterval(600))
            #expect(changed.priority == "urgent")
            #expect(changed.sla?.dueAt == AgentDesk.instant("2026-12-07T13:00:00Z"))
            let stored = try #require(try await desk.desk.store.ticket(ticket.number))
            #expect(stored.priority == "urgent")
            #expect(stored.sla == changed.sla?.storedForm)
            let line = try #require(try await desk.desk.store.history(ticket.number).last)
            #expect(line.event == "priority")
            #expect(line.person == "bia@desk.example")
            #expect(line.message == "Normal → Urgent: every page answers 502")
            await #expect(throws: TicketDesk.Failure.invalidChange("unknown priority 'urgnet'; did you mean 'urgent'?")) {
                try await desk.tickets.setPriority(ticket.number, to: "urgnet", reason: "x", by: "bia@desk.example", at: Self.monday)
            }
            await #expect(throws: TicketDesk.Failure.invalidChange("say why the priority changes with --reason TEXT")) {
                try await desk.tickets.setPriority(ticket.number, to: "low", reason: "  ", by: "bia@desk.example", at: Self.monday)
            }
            await #expect(throws: TicketDesk.Failure.invalidChange("ticket 1 already has the priority Urgent")) {
                try await desk.tickets.setPriority(ticket.number, to: "urgent", reason: "x", by: "bia@desk.example", at: Self.monday)
            }
        }
    }
}
