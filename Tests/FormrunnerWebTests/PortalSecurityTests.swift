import Foundation
import FormrunnerCore
import FormrunnerFlowTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Portal security")
struct PortalSecurityTests {
    @Test("every page carries the security headers and the session cookie is HttpOnly and SameSite=Lax")
    func headers() async throws {
        try await PortalFixture().browse { browser in
            let response = try await browser.get("/")
            #expect(response.status == .ok)
            let policy = try #require(response.headers[.contentSecurityPolicy])
            #expect(policy.contains("script-src 'self'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            let cookie = try #require(response.headers[values: .setCookie].first)
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
        }
    }

    @Test("a form posted without its CSRF token, or with another, is refused with 403")
    func csrf() async throws {
        try await PortalFixture().browse { browser in
            try await browser.get("/signin/email")
            let missing = try await browser.post("/signin/email", [("email", "ana@example.com")], csrf: false)
            #expect(missing.status == .forbidden)
            #expect(browser.page.contains("This form has expired or did not come from this site."))
            let wrong = try await browser.post("/signin/email", [("email", "ana@example.com"), ("_csrf", "forged")], csrf: false)
            #expect(wrong.status == .forbidden)
        }
    }

    @Test("a requester never sees another's ticket: its page, its files and its reply answer 404")
    func otherRequestersTicket() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.desk.directory.add(UserRecord(email: "bruno@example.com", name: "Bruno Lima", accounts: ["lojabruno"],
                                                        country: "BR", permissions: ["support"], createdAt: Date()))
        let ticket = try await fixture.desk.services.desk.create(
            formID: "technical.intake", answers: [
                "title": .single("Ana's problem"), "description": .single("Private details of Ana's store"),
                "experience_level": .single("learning"), "users_affected": .single("end_users"),
                "problem_impact": .single("critical"), "environment": .single("production"),
                "problem_type": .single("unexpected_behavior"),
            ], requester: Requester(email: "ana@example.com"), at: fixture.desk.clock.now)
        try await fixture.browse { browser in
            try await fixture.signIn(browser, "bruno@example.com")
            for path in ["/tickets/\(ticket.number)", "/tickets/999", "/tickets/abc", "/tickets/\(ticket.number)/files/" + String(repeating: "a", count: 64)] {
                let response = try await browser.get(path)
                #expect(response.status == .notFound, "\(path)")
                #expect(!browser.page.contains("Private details"))
            }
            try await browser.get("/history")
            #expect(browser.page.contains("No tickets found."))
            try await browser.get("/history?q=\(ticket.number)")
            #expect(!browser.page.contains("Ana&#39;s problem"))
            let reply = try await browser.post("/tickets/\(ticket.number)/reply", [("message", "let me in")])
            #expect(reply.status == .notFound)
        }
        #expect(try await fixture.desk.store.history(ticket.number).count == 1)
    }

    @Test("too many sign-in attempts for one address answer 429 with Retry-After")
    func attemptLimit() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            try await browser.get("/signin/email")
            try await browser.post("/signin/email", [("email", "ana@example.com")])
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<12 {
                statuses.append(try await browser.post("/signin/code", [("code", "000000"), ("_action", "verify")]).status)
            }
            #expect(statuses.contains(.tooManyRequests))
            try await browser.get("/signin/code")
            let limited = try await browser.post("/signin/code", [("code", "000000"), ("_action", "verify")])
            #expect(limited.status == .tooManyRequests)
            let wait = try #require(limited.headers[.retryAfter].flatMap(Int.init))
            #expect(wait > 0 && wait <= 600)
            #expect(browser.page.contains("Too many attempts. Try again in \(wait) seconds."))
        }
    }

    @Test("unknown and known addresses get the same answer to a code request")
    func noEnumeration() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            try await browser.get("/signin/email")
            try await browser.post("/signin/email", [("email", "ana@example.com")])
            let known = browser.page.replacingOccurrences(of: "ana@example.com", with: "X")
            try await browser.post("/signin/code", [("code", "000000"), ("_action", "verify")])
            let knownWrong = browser.page.replacingOccurrences(of: "ana@example.com", with: "X")
            try await browser.get("/signin/email")
            try await browser.post("/signin/email", [("email", "nobody@example.com")])
            let unknown = browser.page.replacingOccurrences(of: "nobody@example.com", with: "X")
            try await browser.post("/signin/code", [("code", "000000"), ("_action", "verify")])
            let unknownWrong = browser.page.replacingOccurrences(of: "nobody@example.com", with: "X")
            #expect(Self.visibleText(known) == Self.visibleText(unknown))
            #expect(Self.visibleText(knownWrong) == Self.visibleText(unknownWrong))
            #expect(knownWrong.contains("The code is not right; 4 attempts left."))
        }
    }

    @Test("after signing in, only a path of this site is followed: no open redirect")
    func noOpenRedirect() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            try await fixture.signIn(browser, next: "//evil.example/steal")
            #expect(browser.location == "/")
            #expect(browser.page.contains("Signed in as Ana Souza"))
        }
    }

    /// The page without its CSRF token (which differs between sessions).
    static func visibleText(_ html: String) -> String {
        html.replacingOccurrences(of: #"value="[A-Za-z0-9_\-]{43}""#, with: "", options: .regularExpression)
    }
}
