import Foundation
import FormrunnerCore
import FormrunnerFlow
import FormrunnerFlowTestSupport
import FormrunnerWeb
import HTTPTypes
import Testing

@Suite("Portal sessions, languages and downloads")
struct PortalSessionTests {
    @Test("signing in gives a new session id, and the one from before no longer signs anyone in")
    func rotatedAtSignIn() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            try await browser.get("/")
            let before = try #require(browser.cookie)
            try await fixture.signIn(browser)
            let after = try #require(browser.cookie)
            #expect(before != after)
            #expect(browser.page.contains("Signed in as Ana Souza"))
            try await browser.get("/", headers: [.cookie: before])
            #expect(!browser.page.contains("Signed in as"))
        }
    }

    @Test("a visitor who only looks is never written to the store, yet their forms pass the CSRF check")
    func lookingWritesNothing() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            for _ in 0..<3 { try await browser.get("/signin/email") }
            let cookie = try #require(browser.cookie)
            let id = String(cookie.dropFirst("formrunner_session=".count))
            #expect(try await fixture.desk.drafts.load(key: "web-session:" + Self.hex(id), now: fixture.desk.clock.now) == nil)
            let token = try #require(browser.csrf)
            try await browser.get("/")
            try await browser.get("/signin/email")
            #expect(browser.csrf == token)
            try await browser.post("/signin/email", [("email", "ana@example.com"), ("next", "/")])
            #expect(browser.last?.status == .ok)
            #expect(browser.page.contains("code"))
            #expect(try await fixture.desk.drafts.load(key: "web-session:" + Self.hex(id), now: fixture.desk.clock.now) != nil)
        }
        try await fixture.browse { browser in
            try await browser.get("/signin/email")
            try await browser.post("/signin/email", [("email", "ana@example.com"), ("next", "/"), ("_csrf", Self.hex("guess").prefix(43).description)],
                                   csrf: false)
            #expect(browser.last?.status == .forbidden)
        }
        try await fixture.browse { browser in
            try await browser.get("/", headers: [.cookie: "formrunner_session=chosen-by-someone"])
            #expect(browser.cookie != nil && browser.cookie != "formrunner_session=chosen-by-someone")
        }
    }

    @Test("looking at a step again writes nothing: the draft keeps the instant it was saved at")
    func lookingKeepsTheDraft() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            try await fixture.signIn(browser, next: "/flows/technical-support")
            try await browser.post("/flows/technical-support", [
                ("_step", "copilot"), ("language", "en"), ("scenario", "unexpected_behavior"),
                ("guidance.objective", "Sell online"), ("guidance.problem", "Error 500 at checkout"),
                ("guidance.resources", "Cleared the cache"), ("_action", "handoff"),
            ])
            let key = FlowState.draftKey(workflowID: "technical-support", user: "ana@example.com")
            let saved = try #require(try await fixture.desk.drafts.load(key: key, now: fixture.desk.clock.now))
            fixture.desk.clock.advance(60)
            try await browser.get("/flows/technical-support")
            try await browser.get("/flows/technical-support?step=copilot")
            #expect(browser.page.contains("Sell online"))
            #expect(try await fixture.desk.drafts.load(key: key, now: fixture.desk.clock.now) == saved)
        }
    }

    private static func hex(_ text: String) -> String {
        SHA256.hexDigest(of: Data(text.utf8))
    }

    @Test("a session unused for two hours, or twelve hours old, signs no one in")
    func expiry() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            try await fixture.signIn(browser)
            fixture.desk.clock.advance(3600)
            try await browser.get("/")
            #expect(browser.page.contains("Signed in as Ana Souza"))
            fixture.desk.clock.advance(2 * 3600 + 1)
            try await browser.get("/")
            #expect(!browser.page.contains("Signed in as"))
        }
        try await fixture.browse { browser in
            try await fixture.signIn(browser)
            for _ in 0..<13 {
                fixture.desk.clock.advance(3600)
                try await browser.get("/")
            }
            #expect(!browser.page.contains("Signed in as"))
        }
    }

    @Test("the pages follow the language switch, else the browser's Accept-Language")
    func languages() async throws {
        try await PortalFixture().browse { browser in
            try await browser.get("/", headers: [.acceptLanguage: "pt-BR,pt;q=0.9,en;q=0.8"])
            #expect(browser.page.contains(#"<html lang="pt">"#))
            #expect(browser.page.contains("Histórico de solicitações"))
            try await browser.get("/?lang=es")
            #expect(browser.page.contains(#"<html lang="es">"#))
            try await browser.get("/signin/email", headers: [.acceptLanguage: "pt-BR"])
            #expect(browser.page.contains(#"<html lang="es">"#))
            #expect(browser.page.contains("Enviar código"))
        }
    }

    @Test("a requester downloads their own attachment, as an attachment")
    func ownDownload() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            try await FinancialFlowPageTests.toReceiptForm(fixture, browser)
            try await browser.postMultipart(FinancialFlowPageTests.flow, FinancialFlowPageTests.receiptFields,
                                            files: [("receipt", "receipt.pdf", Data("%PDF-1.4 receipt".utf8))])
            try await browser.post(FinancialFlowPageTests.flow, [("_step", "send"), ("_action", "send")])
            try await browser.get("/tickets/1")
            let link = try #require(browser.page.range(of: #"/tickets/1/files/[0-9a-f]{64}"#, options: .regularExpression))
            let response = try await browser.get(String(browser.page[link]))
            #expect(response.status == .ok)
            #expect(response.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"receipt.pdf\"") == true)
            #expect(browser.page == "%PDF-1.4 receipt")
        }
    }

    @Test("/healthz answers ok while the store answers")
    func health() async throws {
        try await PortalFixture().browse { browser in
            let response = try await browser.get("/healthz")
            #expect(response.status == .ok)
            #expect(browser.page == "ok\n")
        }
    }
}
