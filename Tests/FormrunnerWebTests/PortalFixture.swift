import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerFlowTestSupport
import FormrunnerWeb
import Hummingbird
import HummingbirdTesting
import Logging

/// A portal over a ``FlowDesk`` (the real catalog, in-memory stores, a recording notifier).
struct PortalFixture: Sendable {
    var desk = FlowDesk()
    let uploads = FileManager.default.temporaryDirectory.appendingPathComponent("formrunner-web-\(UUID().uuidString)")
    /// The key survey links are signed with.
    var surveyKey: SurveyToken.Key?
    /// Where the portal logs (its access log); quiet by default.
    var logger = Self.quiet

    var portal: Portal {
        var settings = PortalSettings(baseURL: URL(string: "http://127.0.0.1:8080/")!, uploads: uploads, surveyKey: surveyKey)
        settings.deliverCodesInline = true
        return Portal(services: desk.services, settings: settings, logger: logger)
    }

    /// A logger that keeps the access log out of the test output.
    static let quiet: Logger = {
        var logger = Logger(label: "formrunner.web.test")
        logger.logLevel = .critical
        return logger
    }()

    /// Runs `body` with a browser on the portal (no socket: Hummingbird's router test mode).
    func browse(_ body: @escaping @Sendable (PortalBrowser) async throws -> Void) async throws {
        try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: uploads) }
        try await portal.application(host: "127.0.0.1", port: 0).test(.router) { client in
            try await body(PortalBrowser(client))
        }
    }

    /// Signs `email` in with an e-mailed code, ending on `next`.
    func signIn(_ browser: PortalBrowser, _ email: String = "ana@example.com", next: String = "/") async throws {
        try await browser.get("/signin/email?next=" + next)
        try await browser.post("/signin/email", [("email", email), ("next", next)])
        try await browser.post("/signin/code", [("code", desk.notifier.lastCode(to: email)), ("next", next), ("_action", "verify")])
    }
}
