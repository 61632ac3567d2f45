import Foundation
import FormrunnerCore
import FormrunnerDesk
import Testing

/// SLA clocks on the desk's calendar: first response, next response after a reopen, warning and
/// breach timers that fire once, and the explanation of a due instant.
@Suite("SLA clocks", .serialized)
struct SLAClockTests {
    /// Friday 2026-12-04 17:00 in São Paulo.
    static let fridayEvening = AgentDesk.instant("2026-12-04T20:00:00Z")

    @Test("the first-response clock counts working hours only and stops at the first public reply", arguments: AgentDesk.Kind.stores)
    func firstResponse(kind: AgentDesk.Kind) async throws {
        try await AgentDesk.with(kind) { desk in
            try await desk.addUser("bia@desk.example", teams: ["technical"])
            // High (4 h) on Friday 17:00: 1 h on Friday, then Monday 09:00–12:00.
            let ticket = try await desk.technical(impact: "important", at: Self.fridayEvening)
            #expect(ticket.priority == "high")
            #expect(ticket.sla?.firstResponseDue == AgentDesk.instant("2026-12-07T15:00:00Z"))
            #expect(ticket.timers.map(\.event).sorted() == ["sla_breach", "sla_warning"])
            #expect(ticket.timers.first { $0.event == "sla_warning" }?.dueAt == AgentDesk.instant("2026-12-07T14:00:00Z"))
            let reply = AgentDesk.instant("2026-12-07T13:30:00Z")
            let report = try await desk.tickets.transition(ticket.number, event: "comment", by: .agent, person: "bia@desk.example",
                                                           message: "Looking into it.", at: reply)
            let clock = try #require(report.ticket.sla)
            #expect(clock.firstResponseAt == reply)
            #expect(clock.answeredAt == reply)
            #expect(!clock.firstResponseBreached)
            #expect(report.ticket.timers.allSatisfy { !$0.event.hasPrefix("sla_") })
            let stored = try #require(try await desk.desk.store.ticket(ticket.number))
            let document = TicketDocument(stored, statusLabel: "Open")
            let json = try JSONEncoder.sorted.encode(document.sla)
            #expect(String(decoding: json, as: UTF8.self) == #"{"breached":false,"first_response_at":"2026-12-07T13:30:00Z","#
                    + #""first_response_due":"2026-12-07T15:00:00Z","kind":"first_response","paused":false}"#)
        }
    }

    @Test("warning and breach fire once each, e-mail the assignee and are recorded, with three workers at once",
          arguments: AgentDesk.Kind.stores)
    func timersFireOnce(kind: AgentDesk.Kind) async throws {
        try await AgentDesk.with(kind) { desk in
            try await desk.addUser("bia@desk.example", teams: ["technical"])
            let ticket = try await desk.technical(impact: "critical", at: Self.fridayEvening)   // urgent: 1 h → Friday 18:00
            #expect(ticket.sla?.dueAt == AgentDesk.instant("2026-12-04T21:00:00Z"))
            let late = AgentDesk.instant("2026-12-07T12:00:00Z")
            for _ in 0..<2 {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<3 { group.addTask { _ = try await desk.tickets.tick(at: late, lease: 60) } }
                    try await group.waitForAll()
                }
            }
            let history = try await desk.desk.store.history(ticket.number)
            #expect(history.filter { $0.event.hasPrefix("sla_") }.map { "\($0.event) \(TicketDocumentTime.iso($0.at))" } == [
                "sla_warning 2026-12-04T20:45:00Z", "sla_breach 2026-12-04T21:00:00Z",
            ])
            let alerts = try await desk.desk.store.outbox(for: ticket.number).filter { $0.template.hasPrefix("sla-") }
            #expect(alerts.map { "\($0.template) \($0.address)" } == ["sla-warning bia@desk.example", "sla-breach bia@desk.example"])
            let stored = try #require(try await desk.desk.store.ticket(ticket.number))
            #expect(stored.sla?.breached == true)
            #expect(stored.timers.isEmpty)
            let answered = try await desk.tickets.transition(ticket.number, event: "comment", by: .agent, person: "bia@desk.example",
                                                             message: "Sorry for the wait.", at: late)
            #expect(answered.ticket.sla?.firstResponseBreached == true)
        }
    }

    @Test("an unassigned ticket's alerts go to each agent of its team")
    func alertsToTheTeam() async throws {
        try await AgentDesk.with(.sqlite) { desk in
            let ticket = try await desk.technical(impact: "critical", at: Self.fridayEvening)
            try await desk.addUser("bia@desk.example", teams: ["technical"])
            try await desk.addUser("caio@desk.example", teams: ["technical"])
            #expect(ticket.assignee == nil)
            _ = try await desk.tickets.tick(at: AgentDesk.instant("2026-12-04T20:50:00Z"))
            let alerts = try await desk.desk.store.outbox(for: ticket.number).filter { $0.template.hasPrefix("sla-") }
            #expect(alerts.map { "\($0.template) \($0.address)" } == ["sla-warning bia@desk.example", "sla-warning caio@desk.example"])
        }
    }

    @Test("a ticket reopened after solving owes a next response, counted from the requester's reply")
    func reopened() async throws {
        try await AgentDesk.with(.sqlite) { desk in
            try await desk.addUser("bia@desk.example", teams: ["technical"])
            let ticket = try await desk.technical(impact: "important", at: Self.fridayEvening)
            _ = try await desk.tickets.transition(ticket.number, event: "solve", by: .agent, person: "bia@desk.example",
                                              message: "Fixed.", at: AgentDesk.instant("2026-12-07T12:30:00Z"))
            // Tuesday 2026-12-08 16:00 in São Paulo: 2 h that day, 2 h on Wednesday from 09:00.
            let reopen = AgentDesk.instant("2026-12-08T19:00:00Z")
            let report = try await desk.tickets.transition(ticket.number, event: "reply", by: .requester,
                                                           message: "It broke again.", at: reopen)
            let clock = try #require(report.ticket.sla)
            #expect(clock.kind == .nextResponse)
            #expect(clock.startedAt == reopen)
            #expect(clock.dueAt == AgentDesk.instant("2026-12-09T14:00:00Z"))
            #expect(clock.firstResponseAt == AgentDesk.instant("2026-12-07T12:30:00Z"))
            #expect(clock.firstResponseDue == AgentDesk.instant("2026-12-07T15:00:00Z"))
        }
    }

    @Test("why-due lists each interval counted and each day skipped")
    func whyDue() async throws {
        try await AgentDesk.with(.memory) { desk in
            // Thursday 2026-12-24 17:00 in São Paulo, low (12 h): Christmas and the weekend are skipped.
            let ticket = try await desk.financial(at: AgentDesk.instant("2026-12-24T20:00:00Z"))
            let text = try desk.tickets.explainDue(ticket)
            #expect(text == """
                Ticket 1 · priority Low · first response within 12h of working time on calendar brazil-support (America/Sao_Paulo)
                owed since 2026-12-24 17:00 (Thu)
                  2026-12-24 Thu  17:00–18:00  counted 1h, 11h to go
                  2026-12-25 Fri  skipped: holiday (Christmas Day (Natal))
                  2026-12-26 Sat  skipped: no working hours (saturday)
                  2026-12-27 Sun  skipped: no working hours (sunday)
                  2026-12-28 Mon  09:00–18:00  counted 9h, 2h to go
                  2026-12-29 Tue  09:00–11:00  counted 2h
                due 2026-12-29 11:00 (Tue): 12h counted

                """)
        }
    }
}

extension JSONEncoder {
    /// Sorted keys, ISO-8601 instants: the shape `--json` prints.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

enum TicketDocumentTime {
    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
