import Foundation
import FormrunnerCore
import FormrunnerFlowTestSupport
import Testing

/// Issue 14, item 6 (the web part): the review page carries a one-time submission token, so that
/// sending the same review twice files one ticket and shows the same confirmation.
@Suite("The review page's submission token")
struct SubmissionTokenTests {
    static let flow = FinancialFlowPageTests.flow

    /// Walks Ana to the review of a payment receipt; returns the review's submission token.
    static func toReview(_ fixture: PortalFixture, _ browser: PortalBrowser) async throws -> String {
        try await FinancialFlowPageTests.toReceiptForm(fixture, browser)
        try await browser.postMultipart(flow, FinancialFlowPageTests.receiptFields,
                                        files: [("receipt", "receipt.pdf", Data("%PDF-1.4 receipt".utf8))])
        #expect(browser.page.contains("Review your request"))
        return try token(in: browser.page)
    }

    static func token(in page: String) throws -> String {
        let range = try #require(page.range(of: #"name="_submission" value="[0-9a-f]{32}\.[A-Za-z0-9_-]{43}""#,
                                            options: .regularExpression))
        return String(page[range].dropFirst(#"name="_submission" value=""#.count).dropLast())
    }

    static func send(_ browser: PortalBrowser, token: String) async throws {
        try await browser.post(flow, [("_step", "send"), ("_action", "send"), ("_submission", token)])
    }

    @Test("the same review sent twice files one ticket and shows its confirmation both times")
    func sentTwice() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            let token = try await Self.toReview(fixture, browser)
            try await Self.send(browser, token: token)
            #expect(browser.location == "/flows/financial-support/created/1")
            #expect(browser.page.contains("Ticket 1 created"))
            // Back and send again (or the second click of a double click): the same confirmation.
            try await Self.send(browser, token: token)
            #expect(browser.location == "/flows/financial-support/created/1")
            #expect(browser.page.contains("Ticket 1 created"))
        }
        #expect(try await fixture.desk.store.count(status: nil) == 1)
    }

    @Test("a review sent while the same review is being filed (two tabs, a fast double click) is shown the first ticket")
    func race() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            let token = try await Self.toReview(fixture, browser)
            // The other tab's request filed it a moment ago, with the same token; this one still holds the answers.
            let nonce = String(token.prefix(32))
            _ = try await fixture.desk.services.desk.create(
                formID: "financial.change-monthly-invoice-expiration-date", answers: [
                    "desired_day": .single("10"), "what_happened": .single("Filed by the other tab a moment ago."),
                ], requester: Requester(email: "ana@example.com"), idempotencyKey: "web:" + nonce, at: fixture.desk.clock.now)
            try await Self.send(browser, token: token)
            #expect(browser.location == "/flows/financial-support/created/1")
            #expect(browser.page.contains("Ticket 1 created"))
            // The run is over: no draft is left behind.
            try await browser.get(Self.flow)
            #expect(browser.page.contains("<h1>Identify yourself</h1>"))
        }
        #expect(try await fixture.desk.store.count(status: nil) == 1)
    }

    @Test("a token from another session is refused, and the review shown again with this session's own")
    func otherSession() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            let token = try await Self.toReview(fixture, browser)
            let forged = String(token.prefix(33)) + String(repeating: "A", count: 43)
            try await Self.send(browser, token: forged)
            #expect(browser.page.contains("This page was out of date: check your answers and send them again."))
            #expect(browser.page.contains("Review your request"))
            #expect(try Self.token(in: browser.page) == token)
        }
        #expect(try await fixture.desk.store.count(status: nil) == 0)
    }

    @Test("the next run with the same answers gets a new token and files a new ticket")
    func nextRun() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            let first = try await Self.toReview(fixture, browser)
            try await Self.send(browser, token: first)
            #expect(browser.page.contains("Ticket 1 created"))
            fixture.desk.clock.advance(60)
            try await browser.post(Self.flow, [("_step", "identify"), ("name", "Ana Souza"), ("account", "lojabeta")])
            try await browser.post(Self.flow, [("_step", "subject"), ("_action", "choose"), ("subject", "payment_receipt")])
            try await browser.postMultipart(Self.flow, FinancialFlowPageTests.receiptFields,
                                            files: [("receipt", "receipt.pdf", Data("%PDF-1.4 receipt".utf8))])
            let second = try Self.token(in: browser.page)
            #expect(second != first)
            try await Self.send(browser, token: second)
            #expect(browser.page.contains("Ticket 2 created"))
        }
        #expect(try await fixture.desk.store.count(status: nil) == 2)
    }
}
