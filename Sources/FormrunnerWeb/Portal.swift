import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerFlow
import Hummingbird
import Logging

/// The requesters' web portal: the catalog's entry flows as pages, the Request History, replies
/// and the satisfaction survey, on one ticket desk shared with the command line.
///
/// Build it with the desk's services, then ``application(host:port:onRunning:)`` gives the
/// Hummingbird application to run (`runService()` stops gracefully on SIGTERM and SIGINT).
public struct Portal: Sendable {
    /// The catalog, the desk, the identity stores, the notifiers and the clock, as `run` uses them.
    public let services: FlowServices
    /// The portal's settings.
    public let settings: PortalSettings
    /// Where `--demo` shows the e-mails it would have sent.
    public let mailbox: DemoMailbox?
    let sessions: SessionStore
    /// One interpreter a flow of the catalog, shared by every request.
    let interpreters: [String: FlowInterpreter]
    /// Users read lately for pages (see ``StateTag``).
    let users = StateCache<UserRecord?>()
    /// Each field's markup in each language, made the first time it is shown.
    let fieldMarkups = FieldMarkupCache()
    let limiter = AttemptLimiter()
    /// The fixed text around every page, by language.
    let frames: PageFrame.Set
    let logger: Logger

    /// A portal over `services`; `mailbox` only for `--demo`.
    public init(services: FlowServices, settings: PortalSettings, mailbox: DemoMailbox? = nil,
                logger: Logger = Logger(label: "formrunner.web")) {
        var services = services
        // Sessions and drafts read for pages come from a short per-process cache (see StateTag).
        services.drafts = CachedDraftStore(store: services.drafts, cache: StateCache(), clock: services.clock)
        self.services = services
        interpreters = services.catalog.workflows.mapValues { FlowInterpreter(flow: $0, services: services) }
        self.settings = settings
        self.mailbox = mailbox
        self.logger = logger
        frames = PageFrame.Set(deskName: settings.deskName)
        sessions = SessionStore(drafts: services.drafts, policy: settings.sessions)
    }

    /// The application serving the portal on `host:port`; `onRunning` is told the port once it listens.
    public func application(host: String, port: Int,
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router(context: PortalContext.self)
        router.add(middleware: PortalEdge(portal: self, logger: logger))
        addRoutes(to: router)
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: nil),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
                           logger: logger)
    }

    /// The real time: sessions, codes and sign-in always use it.
    var now: Date { services.clock() }
}

/// The portal's settings.
public struct PortalSettings: Sendable {
    /// The address people reach the portal at (links in e-mails, `Secure` cookies when `https`).
    public var baseURL: URL
    /// Whether this is a `--demo` portal (a demo mailbox page, a banner).
    public var demo: Bool
    /// The desk's name, the pages' heading.
    public var deskName: String
    /// Where uploaded files wait until their ticket is filed (private to the server).
    public var uploads: URL
    /// The largest request body accepted for a form with files, whatever its fields allow.
    public var maxUpload: Int64
    /// The key survey links are signed with; without it the survey pages answer 404.
    public var surveyKey: SurveyToken.Key?
    /// Session lifetimes.
    var sessions = SessionPolicy()
    /// The key anonymous visitors' CSRF tokens are derived from (HMAC of the session id), so that
    /// a visitor who only looks is never written to the store. Every `serve` process sharing a store
    /// needs the same key: `serve` derives it from the desk's key file; by default a random key of
    /// this process.
    public var sessionKey: [UInt8] = (0..<32).map { _ in
        var generator = SystemRandomNumberGenerator()
        return UInt8.random(in: .min ... .max, using: &generator)
    }
    /// Sign-in codes are e-mailed before the answer (tests that read the code at once); by default
    /// after it, so that known and unknown addresses take the same time.
    public var deliverCodesInline = false

    /// Settings for a portal at `baseURL`.
    public init(baseURL: URL, demo: Bool = false, deskName: String = "Support", uploads: URL,
                maxUpload: Int64 = 256 << 20, surveyKey: SurveyToken.Key? = nil) {
        self.surveyKey = surveyKey
        self.baseURL = baseURL
        self.demo = demo
        self.deskName = deskName
        self.uploads = uploads
        self.maxUpload = maxUpload
    }

    /// Whether cookies must be `Secure` (the portal is reached over HTTPS).
    var secureCookies: Bool { baseURL.scheme?.lowercased() == "https" }
}
