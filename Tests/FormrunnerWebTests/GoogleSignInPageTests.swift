import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerFlowTestSupport
import FormrunnerWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Google sign-in on the portal")
struct GoogleSignInPageTests {
    /// A portal whose services verify Google ID tokens for `client` (with no keys: every token is refused).
    static func portal(_ fixture: PortalFixture) throws -> Portal {
        var services = fixture.desk.services
        services.google = GoogleIDTokenVerifier(clientID: "client", keys: try JSONWebKeySet(json: Data(#"{"keys": []}"#.utf8)))
        return Portal(services: services, settings: PortalSettings(baseURL: URL(string: "https://support.example.com/")!,
                                                                   uploads: fixture.uploads), logger: PortalFixture.quiet)
    }

    @Test("offered once configured: the button's page allows Google's script, a forged post is 403, a bad token is told")
    func googleButton() async throws {
        let fixture = PortalFixture()
        try await Self.portal(fixture).application(host: "127.0.0.1", port: 0).test(.router) { client in
            let browser = PortalBrowser(client)
            let first = try await browser.get("/signin")
            #expect(browser.page.contains("Sign in with Google"))
            // Behind HTTPS (the base URL) the session cookie is Secure.
            #expect(first.headers[values: .setCookie].first?.contains("Secure") == true)
            let button = try await browser.get("/signin/google")
            #expect(browser.page.contains(#"data-client_id="client""#))
            #expect(browser.page.contains(#"data-login_uri="https://support.example.com/signin/google""#))
            #expect(button.headers[.contentSecurityPolicy]?.contains("script-src 'self' https://accounts.google.com/gsi/client") == true)
            let forged = try await client.execute(uri: "/signin/google", method: .post,
                                                  headers: [.contentType: "application/x-www-form-urlencoded"],
                                                  body: ByteBuffer(string: "credential=x&g_csrf_token=abc"))
            #expect(forged.status == .forbidden)
            let refused = try await client.execute(
                uri: "/signin/google", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "g_csrf_token=abc; " + (browser.cookie ?? "")],
                body: ByteBuffer(string: "credential=not-a-token&g_csrf_token=abc"))
            #expect(refused.status == .seeOther)
            #expect(refused.headers[.location] == "/signin")
        }
    }
}
