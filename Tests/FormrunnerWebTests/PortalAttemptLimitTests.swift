import Foundation
import FormrunnerCore
import FormrunnerFlowTestSupport
import Testing

/// The portal's password sign-in counts failures per address in the identity store, so every
/// `serve` process sees the same back-off, and tells the person.
@Suite("Portal sign-in attempt limits")
struct PortalAttemptLimitTests {
    @Test("five wrong passwords make the address wait, told on the page; the right password waits too")
    func passwordBackOff() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana(password: "correct horse battery"))
        try await fixture.browse { browser in
            try await browser.get("/signin/password")
            for _ in 1...4 {
                try await browser.post("/signin/password", [("email", "ana@example.com"), ("password", "a wrong guess"), ("next", "/")])
                #expect(browser.page.contains("The e-mail or the password is not right."))
            }
            try await browser.post("/signin/password", [("email", "ana@example.com"), ("password", "a wrong guess"), ("next", "/")])
            #expect(browser.page.contains("Too many failed sign-ins; wait 30 s and try again."), "\(browser.page)")
            try await browser.post("/signin/password", [("email", "ana@example.com"), ("password", "correct horse battery"),
                                                        ("next", "/")])
            #expect(browser.page.contains("Too many failed sign-ins; wait 30 s and try again."))
            #expect(!browser.page.contains("Signed in as Ana Souza"))
        }
    }
}
