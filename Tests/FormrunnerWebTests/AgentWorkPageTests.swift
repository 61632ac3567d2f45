import Foundation
import FormrunnerCore
import FormrunnerFlowTestSupport
import FormrunnerWeb
import Testing

@Suite("Agents' work on the requester's ticket page")
struct AgentWorkPageTests {
    static let secret = "Internal: the customer's card was flagged by the fraud team"

    /// Two tickets of Ana's: the first with a public reply and an internal note, the second merged into it.
    static func workedTickets(_ fixture: PortalFixture) async throws -> (Ticket, Ticket) {
        try await fixture.desk.directory.add(try FlowDesk.ana())
        let desk = fixture.desk.services.desk
        func file(_ day: String) async throws -> Ticket {
            try await desk.create(
                formID: "financial.change-monthly-invoice-expiration-date",
                answers: ["desired_day": .single(day), "what_happened": .single("Please move the due date to the \(day)th.")],
                requester: Requester(email: "ana@example.com", name: "Ana Souza"), at: fixture.desk.clock.now)
        }
        let first = try await file("10")
        let second = try await file("12")
        _ = try await desk.reply(first.number, message: "We moved it; the next invoice is due on the 10th.", by: nil,
                                 at: fixture.desk.clock.now)
        try await desk.note(first.number, message: Self.secret, by: nil, at: fixture.desk.clock.now)
        _ = try await desk.merge(second.number, into: first.number, by: nil, at: fixture.desk.clock.now)
        return (first, second)
    }

    @Test("the requester sees the public reply and never the internal note")
    func noteNeverShown() async throws {
        let fixture = PortalFixture()
        let (first, _) = try await Self.workedTickets(fixture)
        try await fixture.browse { browser in
            try await fixture.signIn(browser)
            try await browser.get("/tickets/\(first.number)")
            #expect(browser.page.contains("We moved it; the next invoice is due on the 10th."))
            #expect(browser.page.contains("Request #2 was merged into this one"))
            #expect(!browser.page.contains("fraud"))
            #expect(!browser.page.contains("Internal"))
            try await browser.get("/history")
            #expect(!browser.page.contains("fraud"))
        }
        #expect(!fixture.desk.notifier.messages.contains { $0.body.contains("fraud") || $0.subject.contains("fraud") })
        let outbox = try await fixture.desk.store.outbox(for: first.number)
        #expect(!outbox.contains { $0.body.contains("fraud") })
    }

    @Test("a merged ticket's page says where it went, and its reply box writes there")
    func mergedTicketPage() async throws {
        let fixture = PortalFixture()
        let (first, second) = try await Self.workedTickets(fixture)
        try await fixture.browse { browser in
            try await fixture.signIn(browser, next: "/tickets/\(second.number)")
            try await browser.get("/tickets/\(second.number)")
            #expect(browser.page.contains(#"This request was merged into request <a href="/tickets/1">#1</a>, where it continues."#))
            #expect(browser.page.contains("Merged into request #1"))
            #expect(browser.page.contains(#"action="/tickets/1/reply""#))
            try await browser.post("/tickets/\(first.number)/reply", [("message", "Thanks, that works for me.")])
            #expect(browser.page.contains("Your reply was recorded."))
            try await browser.get("/tickets/\(second.number)?lang=pt")
            #expect(browser.page.contains("Esta solicitação foi unida à solicitação"))
        }
        #expect(try await fixture.desk.store.history(first.number).last?.message == "Thanks, that works for me.")
    }
}
