import Foundation
import FormrunnerCore
import FormrunnerFlow
import FormrunnerFlowTestSupport
import FormrunnerNotify
@testable import FormrunnerWeb
import Hummingbird
import Testing

/// Repeatable groups on the web, without a script: a fieldset of item rows named `orders[2].amount`,
/// an "Add another" button that posts the page back with one more row, and the same item messages
/// as everywhere else, shown at the item's field.
@Suite("Repeatable groups on the web form page")
struct GroupPageTests {
    static let catalog: Catalog = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/groups").path
        return CatalogLoader(root: root).load().catalog
    }()
    static let flow = "/flows/refund"

    func page(_ input: FieldInput) throws -> String {
        let flow = try #require(Self.catalog.workflows["refund"])
        let form = try #require(Self.catalog.forms["refund.orders"])
        let step = try #require(flow.steps.first { $0.id == "orders" })
        return FlowPages(flow: flow, language: "en", csrf: "").fields(step, form: form, input: input, renderer: FieldRenderer(language: "en"))
    }

    /// A portal over the real catalog (its sign-in e-mails) with the groups fixture's flow added,
    /// on in-memory stores.
    static func portal(_ desk: FlowDesk) -> Portal {
        var catalog = FlowDesk.catalog
        catalog.forms["refund.orders"] = Self.catalog.forms["refund.orders"]
        catalog.workflows["refund"] = Self.catalog.workflows["refund"]
        catalog.lifecycles["refund-lifecycle"] = Self.catalog.lifecycles["refund-lifecycle"]
        var services = FlowServices(catalog: catalog, desk: TicketDesk(catalog: catalog, store: desk.store, composer: TemplateComposer(catalog: catalog)),
                                    directory: desk.directory, codes: desk.codes, drafts: desk.drafts, mail: desk.notifier,
                                    renderer: MessageRenderer(catalog: catalog), passwordHasher: FlowDesk.hasher, clock: { Date() })
        services.deliverCodesInline = true
        var settings = PortalSettings(baseURL: URL(string: "http://127.0.0.1:8080/")!, uploads: FileManager.default.temporaryDirectory)
        settings.deliverCodesInline = true
        return Portal(services: services, settings: settings, logger: PortalFixture.quiet)
    }

    @Test("a group is a fieldset with one row per item, a hidden count and an Add another button")
    func markup() throws {
        let html = try page(FieldInput())
        #expect(html.contains("<div class=\"field group\" data-field=\"orders\" data-type=\"group\"><fieldset id=\"f-orders\"><legend>Affected orders"))
        #expect(html.contains("<p class=\"help\">1 to 3 items</p><input type=\"hidden\" name=\"orders[]\" value=\"1\">"))
        #expect(html.contains("<fieldset class=\"item\" data-item=\"1\"><legend>Order 1</legend>"))
        #expect(html.contains("name=\"orders[1].order_id\""))
        #expect(html.contains("name=\"orders[1].amount\""))
        #expect(html.contains("<button type=\"submit\" name=\"_add\" value=\"orders\" class=\"secondary\">Add another order</button>"))
        // An item field's condition is decided on the server: no data-when the script would misread.
        #expect(!html.contains("data-when=\"reason"))
        #expect(html.contains("<button type=\"submit\" name=\"_action\" value=\"continue\" hidden tabindex=\"-1\" aria-hidden=\"true\"></button>"))
    }

    @Test("rows follow the stored items; an item's problem shows at its field; no Add another at max")
    func rowsAndErrors() throws {
        var input = FieldInput()
        input.answers = ["orders": .items([["order_id": .text("ORD-000001"), "amount": .number(1)], [:], [:]])]
        input.errors = ["orders[2].amount": "must be at least 0, got -1"]
        let html = try page(input)
        #expect(html.contains("data-item=\"3\""))
        #expect(html.contains("value=\"ORD-000001\""))
        #expect(html.contains("must be at least 0, got -1"))
        let field = try #require(html.range(of: "name=\"orders[2].amount\""))
        let error = try #require(html.range(of: "must be at least 0, got -1"))
        #expect(field.upperBound < error.lowerBound)
        #expect(!html.contains("name=\"_add\""))
    }

    @Test("Add another posts the page back with one more row and the answers kept; item problems come back by index; the ticket stores a list")
    func roundTrip() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        let portal = Self.portal(desk)
        try await portal.application(host: "127.0.0.1", port: 0).test(.router) { client in
            let browser = PortalBrowser(client)
            try await browser.get("/signin/email?next=" + Self.flow)
            try await browser.post("/signin/email", [("email", "ana@example.com"), ("next", Self.flow)])
            try await browser.post("/signin/code", [("code", desk.notifier.lastCode(to: "ana@example.com")), ("next", Self.flow), ("_action", "verify")])
            #expect(browser.page.contains("name=\"orders[1].order_id\""))
            var response = try await browser.post(Self.flow, [
                ("_step", "orders"), ("title", "Two orders"), ("orders[]", "1"), ("orders[1].order_id", "ORD-000001"),
                ("orders[1].amount", "5"), ("_add", "orders"),
            ])
            #expect(response.status == .ok)
            #expect(browser.page.contains("<fieldset class=\"item\" data-item=\"2\">"))
            #expect(browser.page.contains("value=\"ORD-000001\""))
            #expect(browser.page.contains("name=\"orders[]\" value=\"2\""))
            response = try await browser.post(Self.flow, [
                ("_step", "orders"), ("_action", "continue"), ("title", "Two orders"), ("orders[]", "2"),
                ("orders[1].order_id", "ORD-000001"), ("orders[1].amount", "5"),
                ("orders[2].order_id", "ORD-2"), ("orders[2].amount", "-1"),
            ])
            #expect(response.status == .unprocessableContent)
            #expect(browser.page.contains("must match the pattern ORD-[0-9]{6}"))
            #expect(browser.page.contains("must be at least 0, got -1"))
            #expect(browser.page.contains("value=\"ORD-2\""))
            try await browser.post(Self.flow, [
                ("_step", "orders"), ("_action", "continue"), ("title", "Two orders"), ("orders[]", "3"),
                ("orders[1].order_id", "ORD-000001"), ("orders[1].amount", "5"),
                ("orders[2].order_id", "ORD-000002"), ("orders[2].amount", "1"), ("orders[2].reason", "missing"),
                ("orders[3].order_id", ""), ("orders[3].amount", ""),
            ])
            #expect(browser.page.contains("1. Order id: ORD-000001; Amount: 5"))
            #expect(browser.page.contains("2. Order id: ORD-000002; Amount: 1; Reason: Never arrived"))
            try await browser.post(Self.flow, [("_step", "send"), ("_action", "send")])
            #expect(browser.page.contains("Ticket 1 created"))
        }
        let ticket = try #require(try await desk.store.ticket(1))
        #expect(ticket.answers["orders"] == .items([
            ["order_id": .text("ORD-000001"), "amount": .number(5)],
            ["order_id": .text("ORD-000002"), "amount": .number(1), "reason": .choice("missing")],
        ]))
    }
}
