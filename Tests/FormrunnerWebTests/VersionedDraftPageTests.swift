import Foundation
import FormrunnerCore
import FormrunnerFlow
import FormrunnerFlowTestSupport
@testable import FormrunnerWeb
import Testing

/// A web draft saved on version 1 of a form (`Tests/Fixtures/versions/v1`), continued after the
/// portal was given version 2 (`…/v2`): the same stores, so the same person and draft.
@Suite("Web drafts continued after the form changed")
struct VersionedDraftPageTests {
    static let flow = "/flows/refund"

    /// The fixture catalog of `version`, with the repository's e-mail templates (sign-in codes, confirmation).
    static func catalog(_ version: String) -> Catalog {
        var catalog = CatalogLoader(root: FlowDesk.repository + "/Tests/Fixtures/versions/" + version).load().catalog
        catalog.templates = FlowDesk.catalog.templates
        return catalog
    }

    static func error(_ field: String, _ text: String) -> String {
        "<p class=\"error\" id=\"\(field)-error\">\(HTML.escape(text))</p>"
    }

    @Test("the form step comes back with the kept answers, each refused answer's reason at its field and the dropped one said; the ticket is filed on version 2")
    func continueOnTheNewVersion() async throws {
        var before = PortalFixture()
        before.desk.catalog = Self.catalog("v1")
        let first = before
        try await first.desk.directory.add(try FlowDesk.ana())
        try await first.browse { browser in
            try await first.signIn(browser, next: Self.flow)
            try await browser.post(Self.flow, [("_step", "request"), ("title", "Refund for order 7"), ("amount", "900"),
                                               ("plan", "gold"), ("order", "ORD-7")])
            #expect(browser.page.contains("Review your request"))
        }
        let key = FlowState.draftKey(workflowID: "refund", user: "ana@example.com")
        let saved = try #require(try await first.desk.drafts.load(key: key, now: first.desk.clock.now))
        #expect(String(decoding: saved, as: UTF8.self).contains("\"formVersion\":1"))

        var after = first
        after.desk.catalog = Self.catalog("v2")
        let second = after
        try await second.browse { browser in
            try await second.signIn(browser, next: Self.flow)
            let page = browser.page
            #expect(page.contains(#"value="Refund for order 7""#))
            #expect(page.contains(Self.error("amount",
                "The form changed since you started: 'Amount' must now be at most 500; please answer again.")))
            #expect(page.contains(Self.error("plan",
                "The form changed since you started: 'Plan': 'gold' is not an option; expected one of basic, silver; please answer again.")))
            #expect(page.contains("<p role=\"status\" class=\"status form-change\">"
                + HTML.escape("The form changed since you started: 'order' is no longer asked, so its answer (ORD-7) was dropped.") + "</p>"))
            #expect(page.contains(#"name="reason""#))
            #expect(!page.contains("Review your request"))

            try await browser.post(Self.flow, [("_step", "request"), ("title", "Refund for order 7"), ("amount", "400"),
                                               ("plan", "silver"), ("reason", "Charged twice")])
            #expect(browser.page.contains("Review your request"))
            #expect(!browser.page.contains("The form changed since you started"))
            try await browser.post(Self.flow, [("_step", "send"), ("_action", "send")])
            #expect(browser.page.contains("Ticket 1 created"))
        }
        let ticket = try #require(try await second.desk.store.ticket(1))
        #expect(ticket.formVersion == 2)
        #expect(ticket.answers["amount"] == .number(400))
        #expect(ticket.answers["order"] == nil)
    }
}
