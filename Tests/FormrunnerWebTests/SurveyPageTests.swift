import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerFlowTestSupport
import FormrunnerWeb
import Testing

@Suite("The satisfaction survey page")
struct SurveyPageTests {
    static let key = SurveyToken.Key(bytes: Array(repeating: 7, count: 32))!

    /// A portal whose survey links are signed with ``key``, and a Solved ticket of Ana's.
    static func solvedTicket(_ fixture: PortalFixture) async throws -> Ticket {
        let desk = fixture.desk.services.desk
        let ticket = try await desk.create(
            formID: "financial.change-monthly-invoice-expiration-date",
            answers: ["desired_day": .single("10"), "what_happened": .single("Please move the due date to the 10th.")],
            requester: Requester(email: "ana@example.com", name: "Ana Souza"), at: fixture.desk.clock.now)
        _ = try await desk.transition(ticket.number, event: "solve", by: .agent, at: fixture.desk.clock.now)
        return ticket
    }

    @Test("the survey is answered once without signing in; a second visit says so; a forged token is 404")
    func answeredOnce() async throws {
        let fixture = PortalFixture(surveyKey: Self.key)
        let ticket = try await Self.solvedTicket(fixture)
        let path = "/survey/" + SurveyToken.issue(ticket: ticket.number, round: 1, key: Self.key)
        try await fixture.browse { browser in
            try await browser.get(path)
            #expect(browser.page.contains("<h1>Satisfaction survey</h1>"))
            #expect(browser.page.contains("How satisfied are you with the support you received?"))
            let missing = try await browser.post(path, [("comment", "no rating")])
            #expect(missing.status == .unprocessableContent)
            #expect(browser.page.contains(#"<p class="error" id="rating-error">&#39;How satisfied are you with the support you received?&#39; is required</p>"#))
            try await browser.post(path, [("rating", "5"), ("comment", "Quick and clear")])
            #expect(browser.page.contains("Thank you for your answer."))
            try await browser.get(path)
            #expect(browser.page.contains("This survey was already answered."))
            #expect(!browser.page.contains("<button"))
            let forged = try await browser.get("/survey/" + SurveyToken.issue(ticket: ticket.number, round: 1,
                                                                            key: SurveyToken.Key(bytes: Array(repeating: 8, count: 32))!))
            #expect(forged.status == .notFound)
            #expect(try await browser.get("/survey/" + SurveyToken.issue(ticket: 99, round: 1, key: Self.key)).status == .notFound)
        }
        let stored = try #require(try await fixture.desk.store.ticket(ticket.number))
        #expect(stored.answers["_survey.rating"] == .choice("5"))
        #expect(try await fixture.desk.store.history(ticket.number).last?.event == "survey")
    }
}
