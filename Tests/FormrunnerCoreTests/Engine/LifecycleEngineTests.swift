import Foundation
import FormrunnerCore
import Testing

/// The seed's ticket life cycle, run from the catalog's own YAML and Brazilian calendar.
@Suite("The ticket life cycle")
struct LifecycleEngineTests {
    static let catalog = CatalogLoader(root: Fixtures.repository).load().catalog
    let engine: LifecycleEngine = {
        let lifecycle = catalog.lifecycles["ticket-lifecycle"]!
        return LifecycleEngine(lifecycle: lifecycle, calendar: catalog.calendars[lifecycle.calendar!.id]!.calendar)
    }()

    /// Wednesday 2026-11-25, 10:00 in São Paulo.
    static let wednesday = instant("2026-11-25T10:00:00-03:00")

    static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    func newTicket(at now: Date = wednesday) -> Ticket {
        var outcome = engine.open(Ticket(formID: "technical.intake", formVersion: 1, lifecycleID: "", status: "",
                                         title: "Checkout fails", requester: Requester(email: "ana@example.com"),
                                         answers: [:], createdAt: now), at: now)
        outcome.ticket.number = 1042
        return outcome.ticket
    }

    func applied(_ event: String, by actor: Actor, to ticket: Ticket, at now: Date = wednesday) throws -> Outcome {
        try engine.apply(event, by: actor, to: ticket, at: now).get()
    }

    func refusal(_ event: String, by actor: Actor, to ticket: Ticket, at now: Date = wednesday) -> Refusal? {
        if case .failure(let refusal) = engine.apply(event, by: actor, to: ticket, at: now) { return refusal }
        return nil
    }

    @Test("a new ticket is Open, confirmed by e-mail, with no timer")
    func opening() {
        let outcome = engine.open(Ticket(formID: "f", formVersion: 1, lifecycleID: "", status: "", title: "t",
                                         requester: Requester(email: "a@b.co"), answers: [:], createdAt: Self.wednesday),
                                  at: Self.wednesday)
        #expect(outcome.ticket.status == "open")
        #expect(outcome.ticket.version == 1)
        #expect(outcome.ticket.timers.isEmpty)
        #expect(outcome.history.map(\.event) == ["create"])
        #expect(outcome.notifications.map(\.template) == ["confirmation"])
    }

    @Test("the transitions of the seed, with their notifications",
          arguments: [
              // (start status, event, actor, expected status, expected templates)
              ("open", "ask", Actor.agent, "awaiting_reply", ["awaiting-reply"]),
              ("awaiting_reply", "reply", .requester, "open", ["status-changed"]),
              ("open", "reply", .requester, "open", []),
              ("open", "comment", .agent, "open", ["comment"]),
              ("open", "solve", .agent, "solved", ["solved"]),
              ("open", "solve", .requester, "solved", ["solved"]),
              ("awaiting_reply", "solve", .agent, "solved", ["solved"]),
              ("solved", "reply", .requester, "open", ["status-changed"]),
          ])
    func transitions(start: String, event: String, actor: Actor, expected: String, templates: [String]) throws {
        var ticket = newTicket()
        ticket.status = start
        let outcome = try applied(event, by: actor, to: ticket)
        #expect(outcome.ticket.status == expected)
        #expect(outcome.ticket.version == ticket.version + 1)
        #expect(outcome.notifications.map(\.template) == templates)
        #expect(outcome.history.last?.from == start)
        #expect(outcome.history.last?.to == expected)
        #expect(outcome.history.last?.actor == actor)
    }

    @Test("every refusal says why",
          arguments: [
              ("open", "ask", Actor.requester, "the requester cannot 'ask' ticket 1042; only the agent can"),
              ("solved", "solve", .agent, "ticket 1042 is Solved; 'solve' applies only to tickets that are Open or Awaiting your reply"),
              ("open", "close", .agent, "ticket 1042 is Open; 'close' applies only to tickets that are Solved"),
              ("solved", "close", .agent, "the agent cannot 'close' ticket 1042; only the system can"),
              ("open", "reopen", .requester, "unknown event 'reopen' in lifecycle 'ticket-lifecycle'; expected one of ask, close, comment, reply, solve"),
              ("open", "slove", .agent, "unknown event 'slove' in lifecycle 'ticket-lifecycle'; did you mean 'solve'?"),
              ("closed", "reply", .requester, "ticket 1042 is Closed; closed tickets cannot be reopened or changed — open a new ticket"),
              ("closed", "comment", .agent, "ticket 1042 is Closed; closed tickets cannot be reopened or changed — open a new ticket"),
              ("awaiting_reply", "comment", .requester, "the requester cannot 'comment' ticket 1042; only the agent can"),
          ])
    func refusals(start: String, event: String, actor: Actor, message: String) {
        var ticket = newTicket()
        ticket.status = start
        let refused = refusal(event, by: actor, to: ticket)
        #expect(refused?.message == message)
    }

    @Test("solving arms the close timer 27 working hours later")
    func solvingArmsTimer() throws {
        let solved = try applied("solve", by: .agent, to: newTicket())
        // Wed 10:00 + 8 h (Wed) + 9 h (Thu) + 9 h (Fri) + 1 h (Mon) = Mon 10:00.
        #expect(solved.ticket.timers == [ArmedTimer(event: "close", dueAt: Self.instant("2026-11-30T10:00:00-03:00"))])
        #expect(solved.armed.map(\.event) == ["close"])
    }

    @Test("a reply at 26:59 working hours reopens; at 27:01 the ticket is already Closed")
    func replyWindow() throws {
        let solved = try applied("solve", by: .agent, to: newTicket()).ticket
        let reopened = try applied("reply", by: .requester, to: solved, at: Self.instant("2026-11-30T09:59:00-03:00"))
        #expect(reopened.ticket.status == "open")
        #expect(reopened.ticket.timers.isEmpty)
        #expect(reopened.cancelled == ["close"])

        let late = refusal("reply", by: .requester, to: solved, at: Self.instant("2026-11-30T10:01:00-03:00"))
        #expect(late?.kind == .finalStatus)
        #expect(late?.message == "ticket 1042 is Closed; closed tickets cannot be reopened or changed — open a new ticket")
        let advanced = try #require(late?.advanced)
        #expect(advanced.ticket.status == "closed")
        #expect(advanced.history.map(\.actor) == [.system])
        #expect(advanced.history.first?.at == Self.instant("2026-11-30T10:00:00-03:00"))
        #expect(advanced.notifications.map(\.template) == ["closed"])
    }

    @Test("the timer fires exactly at its due instant, once")
    func tick() throws {
        let solved = try applied("solve", by: .agent, to: newTicket()).ticket
        #expect(engine.fireDueTimers(solved, at: Self.instant("2026-11-30T09:59:59-03:00")) == nil)
        let closed = try #require(engine.fireDueTimers(solved, at: Self.instant("2026-12-07T12:00:00-03:00")))
        #expect(closed.ticket.status == "closed")
        #expect(closed.ticket.timers.isEmpty)
        #expect(closed.ticket.updatedAt == Self.instant("2026-11-30T10:00:00-03:00"))
        #expect(engine.fireDueTimers(closed.ticket, at: Self.instant("2027-01-01T00:00:00-03:00")) == nil)
    }

    @Test("solving again after a reopen re-arms the timer from the new interaction")
    func rearm() throws {
        let solved = try applied("solve", by: .agent, to: newTicket()).ticket
        let reopened = try applied("reply", by: .requester, to: solved, at: Self.instant("2026-11-27T17:00:00-03:00")).ticket
        let solvedAgain = try applied("solve", by: .agent, to: reopened, at: Self.instant("2026-11-27T17:30:00-03:00")).ticket
        // Fri 17:30 + 0.5 h (Fri) + 9 h × 2 (Mon, Tue) + 8.5 h (Wed) = Wed 2026-12-02 17:30.
        #expect(solvedAgain.timers.first?.dueAt == Self.instant("2026-12-02T17:30:00-03:00"))
    }

    @Test("the timer skips Christmas and New Year's Day")
    func holidays() throws {
        let opened = newTicket(at: Self.instant("2026-12-23T15:00:00-03:00"))
        let solved = try applied("solve", by: .agent, to: opened, at: Self.instant("2026-12-23T15:00:00-03:00")).ticket
        // Wed 23: 3 h; Thu 24: 9 h (12); Fri 25 Christmas; Mon 28: 9 h (21); Tue 29: 6 h → 15:00.
        #expect(solved.timers.first?.dueAt == Self.instant("2026-12-29T15:00:00-03:00"))
        let lateYear = try applied("solve", by: .agent, to: opened, at: Self.instant("2026-12-30T12:00:00-03:00")).ticket
        // Wed 30: 6 h; Thu 31: 9 h (15); Fri Jan 1 holiday; Mon Jan 4: 9 h (24); Tue Jan 5: 3 h → 12:00.
        #expect(lateYear.timers.first?.dueAt == Self.instant("2027-01-05T12:00:00-03:00"))
    }
}
