import Foundation
import FormrunnerCore
import FormrunnerDesk
import FormrunnerNotify
import Testing

/// Public replies, internal notes and merges, on SQLite and PostgreSQL, through the desk.
@Suite("Agent work: replies, notes, merges", .serialized)
struct AgentWorkTests {
    static let monday = AgentDesk.instant("2026-12-07T12:00:00Z")
    static let bia = "bia@desk.example"

    /// Expects `body` to be refused by the life cycle with exactly `message`.
    static func expectRefused(_ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                              _ body: () async throws -> Void) async {
        do {
            try await body()
            Issue.record("not refused; expected: \(message)", sourceLocation: sourceLocation)
        } catch let TicketDesk.Failure.refused(refusal) {
            #expect(refusal.message == message, sourceLocation: sourceLocation)
        } catch {
            Issue.record("refused otherwise: \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("a note is kept with its person, e-mails no one and changes no clock; the reply is e-mailed and stops the first-response clock",
          arguments: AgentDesk.Kind.stores)
    func noteThenReply(kind: AgentDesk.Kind) async throws {
        try await AgentDesk.with(kind) { desk in
            try await desk.addUser(Self.bia, teams: ["technical"])
            let ticket = try await desk.technical(at: Self.monday)
            let store = desk.desk.store
            let before = try #require(try await store.ticket(ticket.number))
            let mailBefore = try await store.outbox(for: ticket.number)
            try await desk.tickets.note(ticket.number, message: "  Card flagged by the fraud team.  ", by: "Bia@desk.example",
                                        at: Self.monday.addingTimeInterval(600))
            let noted = try #require(try await store.ticket(ticket.number))
            #expect(noted.version == before.version + 1)
            #expect(noted.sla == before.sla && noted.timers == before.timers)
            #expect(noted.updatedAt == before.updatedAt && noted.lastInteractionAt == before.lastInteractionAt)
            #expect(noted.sla?.firstResponseAt == nil)
            #expect(try await store.outbox(for: ticket.number) == mailBefore)
            let note = try #require(try await store.history(ticket.number).last)
            #expect(note.isInternal && note.isAgentOnly)
            #expect(note.event == "note" && note.person == Self.bia && note.message == "Card flagged by the fraud team.")

            let replied = Self.monday.addingTimeInterval(3600)
            let report = try await desk.tickets.reply(ticket.number, message: "We are looking at the 502 answers now.",
                                                      by: Self.bia, at: replied)
            #expect(report.ticket.status == "open")
            #expect(report.ticket.sla?.firstResponseAt == replied)
            #expect(report.ticket.timers.allSatisfy { !$0.event.hasPrefix("sla_") })
            let mail = try await store.outbox(for: ticket.number).dropFirst(mailBefore.count)
            #expect(mail.map(\.template) == ["comment"])
            #expect(mail.first?.address == "ana@example.com")
            #expect(mail.first?.body.contains("We are looking at the 502 answers now.") == true)
            #expect(try await store.outbox(for: ticket.number).allSatisfy { !$0.body.contains("fraud") })
            let history = try await store.history(ticket.number)
            #expect(history.last?.event == "comment" && history.last?.person == Self.bia && history.last?.isInternal == false)
            #expect(history.requesterView.map(\.event) == ["create", "comment"])
        }
    }

    @Test("a reply is refused on a ticket whose status takes none, and without text")
    func replyRefusals() async throws {
        try await AgentDesk.with(.memory) { desk in
            let ticket = try await desk.technical(at: Self.monday)
            await #expect(throws: TicketDesk.Failure.invalidChange("a reply needs text; nothing was sent")) {
                _ = try await desk.tickets.reply(ticket.number, message: " \n ", by: nil, at: Self.monday)
            }
            await #expect(throws: TicketDesk.Failure.invalidChange("a note needs text; nothing was written")) {
                try await desk.tickets.note(ticket.number, message: "", by: nil, at: Self.monday)
            }
            await #expect(throws: TicketDesk.Failure.notFound(99)) {
                _ = try await desk.tickets.reply(99, message: "Hello", by: nil, at: Self.monday)
            }
            _ = try await desk.tickets.transition(ticket.number, event: "solve", by: .agent, at: Self.monday)
            await Self.expectRefused("ticket 1 is Solved; a public reply can be sent only while a ticket is Open or Awaiting your reply") {
                _ = try await desk.tickets.reply(ticket.number, message: "One more thing", by: nil, at: Self.monday)
            }
            _ = try await desk.tickets.tick(at: AgentDesk.instant("2026-12-31T12:00:00Z"))
            await Self.expectRefused("ticket 1 is Closed; closed tickets cannot be reopened or changed — open a new ticket") {
                _ = try await desk.tickets.reply(ticket.number, message: "One more thing", by: nil, at: Self.monday)
            }
            // A note may still be written on a closed ticket.
            try await desk.tickets.note(ticket.number, message: "Called the customer.", by: nil, at: Self.monday)
        }
    }

    @Test("reply, note and merge are refused to an agent of another team, a requester and an unknown user")
    func authority() async throws {
        try await AgentDesk.with(.sqlite) { desk in
            try await desk.addUser(Self.bia, teams: ["technical"])
            try await desk.addUser("fin@desk.example", teams: ["financial"])
            try await desk.addUser("ana@example.com", role: .requester)
            let first = try await desk.technical(index: 1, at: Self.monday)
            let second = try await desk.technical(index: 2, at: Self.monday)
            let cases: [(String?, String)] = [
                ("fin@desk.example", "fin@desk.example is an agent of team financial, not of team technical that ticket 2 "
                    + "belongs to; add the team with: formrunner users update fin@desk.example --team financial --team technical"),
                ("ana@example.com", "ana@example.com is a requester, not an agent; make them one with: formrunner users "
                    + "update ana@example.com --role agent --team technical"),
                ("nobody@desk.example", "there is no user nobody@desk.example; add the agent with: formrunner users add "
                    + "nobody@desk.example --name NAME --role agent --team technical"),
                (nil, "ticket 2 belongs to team technical; name the agent who acts with --user EMAIL (or FORMRUNNER_USER); "
                    + "add one with: formrunner users add EMAIL --name NAME --role agent --team technical"),
            ]
            for (person, message) in cases {
                await #expect(throws: TicketDesk.Failure.notAuthorized(message)) {
                    _ = try await desk.tickets.reply(second.number, message: "Hello", by: person, at: Self.monday)
                }
                await #expect(throws: TicketDesk.Failure.notAuthorized(message)) {
                    try await desk.tickets.note(second.number, message: "Hello", by: person, at: Self.monday)
                }
                await #expect(throws: TicketDesk.Failure.notAuthorized(message)) {
                    _ = try await desk.tickets.merge(second.number, into: first.number, by: person, at: Self.monday)
                }
            }
            let history = try await desk.desk.store.history(second.number)
            #expect(!history.contains { ["comment", "note", "merge"].contains($0.event) })
            #expect(try await desk.desk.store.ticket(second.number)?.mergedInto == nil)
        }
    }

    @Test("a merge is refused into itself, from or into a closed or merged ticket, across requesters and across teams' agents")
    func mergeRefusals() async throws {
        try await AgentDesk.with(.sqlite) { desk in
            try await desk.addUser(Self.bia, teams: ["technical"])
            try await desk.addUser("boss@desk.example", role: .admin)
            let one = try await desk.technical(index: 1, at: Self.monday)
            let two = try await desk.technical(index: 2, at: Self.monday)
            let three = try await desk.technical(index: 3, at: Self.monday)
            let bob = try await desk.tickets.create(formID: "technical.intake", answers: [
                "title": .single("Checkout fails for Bob"), "description": .single("The checkout page answers 502 for Bob's buyers."),
                "experience_level": .single("proficient"), "users_affected": .single("all_users"),
                "problem_impact": .single("auxiliary"), "environment": .single("production"), "problem_type": .single("unexpected_behavior"),
            ], requester: Requester(email: "bob@example.com"), at: Self.monday)
            let financial = try await desk.financial(at: Self.monday)
            _ = try await desk.tickets.merge(two.number, into: one.number, by: Self.bia, at: Self.monday)
            let cases: [(Int64, Int64, String)] = [
                (one.number, one.number, "ticket 1 cannot be merged into itself"),
                (two.number, three.number, "ticket 2 was already merged into ticket 1"),
                (three.number, two.number, "ticket 2 was merged into ticket 1; merge into ticket 1 instead"),
                (three.number, bob.number, "ticket 3 is from ana@example.com and ticket 4 from bob@example.com; "
                    + "only tickets of the same requester can be merged"),
            ]
            for (number, target, message) in cases {
                await #expect(throws: TicketDesk.Failure.invalidChange(message)) {
                    _ = try await desk.tickets.merge(number, into: target, by: Self.bia, at: Self.monday)
                }
            }
            await #expect(throws: TicketDesk.Failure.notFound(42)) {
                _ = try await desk.tickets.merge(three.number, into: 42, by: Self.bia, at: Self.monday)
            }
            // Bia works the technical team only: the financial ticket is not hers to merge into.
            await #expect(throws: TicketDesk.Failure.notAuthorized(
                "bia@desk.example is an agent of team technical, not of team financial that ticket 5 belongs to; "
                + "add the team with: formrunner users update bia@desk.example --team technical --team financial")) {
                _ = try await desk.tickets.merge(three.number, into: financial.number, by: Self.bia, at: Self.monday)
            }
            _ = try await desk.tickets.transition(three.number, event: "solve", by: .agent, person: Self.bia, at: Self.monday)
            _ = try await desk.tickets.tick(at: AgentDesk.instant("2026-12-31T12:00:00Z"))
            await #expect(throws: TicketDesk.Failure.invalidChange("ticket 3 is Closed; closed tickets cannot be merged")) {
                _ = try await desk.tickets.merge(three.number, into: one.number, by: Self.bia, at: Self.monday)
            }
            await #expect(throws: TicketDesk.Failure.invalidChange("ticket 3 is Closed; closed tickets cannot be merged")) {
                _ = try await desk.tickets.merge(one.number, into: three.number, by: Self.bia, at: Self.monday)
            }
            // An admin may merge across teams (same requester, same life cycle).
            let report = try await desk.tickets.merge(financial.number, into: one.number, by: "boss@desk.example", at: Self.monday)
            #expect(report.merged.mergedInto == one.number)
        }
    }

    @Test("a merged ticket ends, both histories keep the link, and the requester's later e-mail lands on the target",
          arguments: AgentDesk.Kind.stores)
    func mergeAndMail(kind: AgentDesk.Kind) async throws {
        try await AgentDesk.with(kind) { desk in
            try await desk.addUser(Self.bia, teams: ["technical"])
            let target = try await desk.technical(index: 1, at: Self.monday)
            let duplicate = try await desk.technical(index: 2, at: Self.monday)
            let later = Self.monday.addingTimeInterval(1800)
            let report = try await desk.tickets.merge(duplicate.number, into: target.number, by: Self.bia, at: later)
            let store = desk.desk.store
            let merged = try #require(try await store.ticket(duplicate.number))
            #expect(merged == report.merged.storedForm)
            #expect(merged.status == "closed" && merged.mergedInto == target.number && merged.timers.isEmpty)
            #expect(merged.sla?.dueAt == nil)
            #expect(try await store.history(duplicate.number).last.map { "\($0.event) \($0.to) \($0.message ?? "") \($0.person ?? "")" }
                    == "merge closed merged into #1 bia@desk.example")
            #expect(try await store.history(target.number).last.map { "\($0.event) \($0.to) \($0.message ?? "")" }
                    == "merged open #2 merged here")
            #expect(try await store.ticket(target.number)?.status == "open")
            let notice = try #require(try await store.outbox(for: duplicate.number).last)
            #expect(notice.template == "merged" && notice.address == "ana@example.com")
            #expect(notice.subject == "[Support] Ticket #2 continues in ticket #1: Checkout fails 2")
            #expect(notice.body.contains("the support team continues in ticket #1"))
            await Self.expectRefused("ticket 2 was merged into ticket 1; continue on ticket 1") {
                _ = try await desk.tickets.transition(duplicate.number, event: "reply", by: .requester, message: "Hi", at: later)
            }

            let mail = """
                From: Ana <ana@example.com>\r
                To: Support <support+ticket-2@formrunner.local>\r
                Subject: Re: [Support] Ticket #2 created\r
                Message-ID: <dup-reply-1@example.com>\r
                Date: Mon, 07 Dec 2026 13:00:00 +0000\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                It also fails on the cart page.\r

                """
            let ingester = MailIngester(desk: desk.tickets, address: desk.desk.address)
            let outcome = await ingester.ingest(Data(mail.utf8), at: later.addingTimeInterval(60))
            #expect(outcome == .recorded(ticket: target.number, from: "open", to: "open"))
            #expect(try await store.history(target.number).last.map { "\($0.actor.rawValue) \($0.event) \($0.message ?? "")" }
                    == "requester reply It also fails on the cart page.")
            #expect(await ingester.ingest(Data(mail.utf8), at: later.addingTimeInterval(120)) == .alreadyRecorded(ticket: target.number))
            #expect(try await store.history(duplicate.number).last?.event == "merge")
        }
    }
}
