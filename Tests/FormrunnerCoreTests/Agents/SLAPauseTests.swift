import Foundation
import FormrunnerCore
import Testing

/// The clock pauses while the ticket awaits the requester, stops at the first public reply, and
/// owes a next response when the requester writes again: on a small desk whose `wait` event moves a
/// ticket to Awaiting your reply without writing to the requester.
@Suite("SLA clock pauses")
struct SLAPauseTests {
    static let documents: [(String, String)] = [
        ("Workflows/calendar.yaml", """
            calendar: desk
            time_zone: UTC
            working_hours: {monday: 09:00-17:00, tuesday: 09:00-17:00, wednesday: 09:00-17:00, thursday: 09:00-17:00, friday: 09:00-17:00}
            """),
        ("Workflows/life.yaml", """
            lifecycle: life
            calendar: desk
            initial: open
            statuses:
              open: {label: Open}
              awaiting_reply: {label: Awaiting your reply}
              solved: {label: Solved}
              closed: {label: Closed, final: true}
            transitions:
              - {event: wait, from: open, to: awaiting_reply, by: agent}
              - {event: ask, from: open, to: awaiting_reply, by: agent, notify: {requester: note}}
              - {event: reply, from: [awaiting_reply, solved], to: open, by: requester}
              - {event: solve, from: [open, awaiting_reply], to: solved, by: agent, notify: {requester: note}}
              - {event: close, from: solved, to: closed, by: system, after: {working_hours: 40, since: last_interaction}}
            """),
        ("Workflows/teams.yaml", "teams:\n  - {id: support, label: Support, assign: manual, calendar: desk}\n"),
        ("Workflows/priorities.yaml", """
            priorities:
              - {id: normal, label: Normal, first_response: {working_hours: 8}, next_response: {working_hours: 4}}
            default: normal
            paused_in: [awaiting_reply]
            resolved_in: [solved]
            """),
        ("Forms/help.yaml", """
            form: help
            version: 1
            title: Help
            team: support
            lifecycle: life
            fields:
              - {id: title, label: Title, type: text}
            """),
    ]

    /// Messages as plain outbox rows: the pause logic does not depend on their text.
    struct PlainComposer: MessageComposing {
        func compose(_ request: NotificationRequest, ticket: Ticket, lifecycle: LifecycleDefinition, at now: Date) throws -> OutboxMessage {
            OutboxMessage(id: UUID().uuidString, ticketNumber: ticket.number, recipient: request.recipient,
                          address: request.address ?? ticket.requester.email, template: request.template, subject: "s",
                          body: "b", createdAt: now)
        }
    }

    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test("paused while awaiting the requester, resumed by the reply, stopped by the public question, renewed by the next reply")
    func pauseResumeStop() async throws {
        let loaded = CatalogLoader().load(documents: Self.documents.map { CatalogLoader.Document(path: $0.0, data: Data($0.1.utf8)) },
                                          templates: ["note": "Subject: x\n\nbody\n"])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let desk = TicketDesk(catalog: loaded.catalog, store: InMemoryTicketStore(), composer: PlainComposer())
        let created = try await desk.create(formID: "help", answers: ["title": .single("Help me")],
                                            requester: Requester(email: "ana@example.com"), at: Self.at("2026-12-07T09:00:00Z"))
        #expect(created.sla?.dueAt == Self.at("2026-12-07T17:00:00Z"))
        let waiting = try await desk.transition(1, event: "wait", by: .agent, at: Self.at("2026-12-07T11:00:00Z")).ticket
        #expect(waiting.sla?.dueAt == nil)
        #expect(waiting.sla?.isPaused == true)
        #expect(waiting.sla?.firstResponseAt == nil)
        #expect(waiting.timers.isEmpty)
        // Two working hours counted, six to go from Tuesday 10:00.
        let resumed = try await desk.transition(1, event: "reply", by: .requester, at: Self.at("2026-12-08T10:00:00Z")).ticket
        #expect(resumed.sla?.dueAt == Self.at("2026-12-08T16:00:00Z"))
        #expect(resumed.sla?.pauses == [SLAClock.Pause(from: Self.at("2026-12-07T11:00:00Z"), to: Self.at("2026-12-08T10:00:00Z"))])
        #expect(resumed.timers.map(\.event).sorted() == ["sla_breach", "sla_warning"])
        let explained = try desk.explainDue(resumed)
        #expect(explained.contains("  2026-12-07 Mon  09:00–11:00  counted 2h, 6h to go\n"
                                   + "paused 2026-12-07 11:00 (Mon) → 2026-12-08 10:00 (Tue) (awaiting the requester), 6h still to count\n"
                                   + "  2026-12-08 Tue  10:00–16:00  counted 6h\n"))
        let asked = try await desk.transition(1, event: "ask", by: .agent, message: "Which store?", at: Self.at("2026-12-08T12:00:00Z")).ticket
        #expect(asked.sla?.firstResponseAt == Self.at("2026-12-08T12:00:00Z"))
        #expect(asked.sla?.firstResponseDue == Self.at("2026-12-08T16:00:00Z"))
        #expect(asked.sla?.dueAt == nil)
        #expect(asked.sla?.pauses.count == 1)
        let renewed = try await desk.transition(1, event: "reply", by: .requester, at: Self.at("2026-12-09T09:00:00Z")).ticket
        #expect(renewed.sla?.kind == .nextResponse)
        #expect(renewed.sla?.dueAt == Self.at("2026-12-09T13:00:00Z"))
        #expect(renewed.sla?.firstResponseAt == Self.at("2026-12-08T12:00:00Z"))
    }
}
