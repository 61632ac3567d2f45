import Foundation
import FormrunnerCore
import FormrunnerDesk
import Testing

/// Who may fire an agent's or the system's event: refusals name the fix.
@Suite("Who acts", .serialized)
struct AuthorityTests {
    static let monday = AgentDesk.instant("2026-12-07T12:00:00Z")

    @Test("a desk without agents lets agents act unnamed, as before agents existed")
    func noAgentsYet() async throws {
        try await AgentDesk.with(.memory) { desk in
            let ticket = try await desk.technical(at: Self.monday)
            let report = try await desk.tickets.transition(ticket.number, event: "solve", by: .agent, message: "Done.", at: Self.monday)
            #expect(report.ticket.status == "solved")
            #expect(report.outcome.history.last?.person == nil)
        }
    }

    @Test("an unknown user, a requester, an agent of another team and nobody named are refused with the fix",
          arguments: AgentDesk.Kind.stores)
    func refusals(kind: AgentDesk.Kind) async throws {
        try await AgentDesk.with(kind) { desk in
            try await desk.addUser("bia@desk.example", teams: ["technical"])
            try await desk.addUser("fin@desk.example", teams: ["financial"])
            try await desk.addUser("ana@example.com", role: .requester)
            let ticket = try await desk.technical(at: Self.monday)
            let cases: [(String?, String)] = [
                ("nobody@desk.example", "there is no user nobody@desk.example; add the agent with: formrunner users add "
                    + "nobody@desk.example --name NAME --role agent --team technical"),
                ("ana@example.com", "ana@example.com is a requester, not an agent; make them one with: formrunner users "
                    + "update ana@example.com --role agent --team technical"),
                ("fin@desk.example", "fin@desk.example is an agent of team financial, not of team technical that ticket 1 "
                    + "belongs to; add the team with: formrunner users update fin@desk.example --team financial --team technical"),
                (nil, "ticket 1 belongs to team technical; name the agent who acts with --user EMAIL (or FORMRUNNER_USER); "
                    + "add one with: formrunner users add EMAIL --name NAME --role agent --team technical"),
            ]
            for (person, message) in cases {
                await #expect(throws: TicketDesk.Failure.notAuthorized(message)) {
                    _ = try await desk.tickets.transition(ticket.number, event: "solve", by: .agent, person: person, at: Self.monday)
                }
            }
            #expect(try await desk.desk.store.ticket(ticket.number)?.status == "open")
        }
    }

    @Test("an agent of the team and an admin act, and the history names them", arguments: AgentDesk.Kind.stores)
    func historyNamesThePerson(kind: AgentDesk.Kind) async throws {
        try await AgentDesk.with(kind) { desk in
            try await desk.addUser("bia@desk.example", teams: ["technical"])
            try await desk.addUser("boss@desk.example", role: .admin)
            let ticket = try await desk.technical(at: Self.monday)
            _ = try await desk.tickets.transition(ticket.number, event: "ask", by: .agent, person: "Bia@Desk.example",
                                              message: "Which store?", at: Self.monday)
            _ = try await desk.tickets.transition(ticket.number, event: "reply", by: .requester, message: "lojaana", at: Self.monday)
            _ = try await desk.tickets.transition(ticket.number, event: "solve", by: .agent, person: "boss@desk.example",
                                              message: "Fixed.", at: Self.monday)
            let history = try await desk.desk.store.history(ticket.number)
            #expect(history.map { "\($0.actor.rawValue) \($0.event) \($0.person ?? "-")" } == [
                "requester create -", "system assign -", "agent ask bia@desk.example", "requester reply -",
                "agent solve boss@desk.example",
            ])
        }
    }
}
