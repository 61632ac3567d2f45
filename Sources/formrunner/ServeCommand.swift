import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerDesk
import FormrunnerFlow
import FormrunnerNotify
import FormrunnerWeb
import Logging

/// `formrunner serve`: the requesters' web portal on the same catalog and store as every command.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the requesters' web portal: the entry flows, the Request History and the survey.",
        discussion: """
        Listens on --listen (default 127.0.0.1:8080; port 0 picks a free one) and prints the address \
        to open. SIGTERM or Ctrl-C stops accepting, finishes the requests in flight and exits 0. \
        GET /healthz answers 200 while the ticket store answers, 503 otherwise. --demo adds the demo \
        user demo@example.com and shows every e-mail (sign-in codes included) on a demo mailbox page \
        instead of sending it.
        """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var signIn: SignInOptions
    @Option(help: ArgumentHelp("Where to listen, HOST:PORT.", valueName: "host:port")) var listen = "127.0.0.1:8080"
    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "The address people reach the portal at, for links in e-mails and Secure cookies behind HTTPS (env FORMRUNNER_BASE_URL; default http://LISTEN/).",
        valueName: "url"))
    var baseURL: String?
    @Flag(help: "Try the portal as demo@example.com, with e-mails shown on a demo mailbox page instead of sent.")
    var demo = false

    func validate() throws {
        guard ListenAddress(listen) != nil else {
            throw ValidationError("--listen '\(listen)' is not HOST:PORT, e.g. 127.0.0.1:8080 (port 0 picks a free one)")
        }
        if let baseURL, URL(string: baseURL)?.scheme == nil {
            throw ValidationError("--base-url '\(baseURL)' is not an address such as https://support.example.com")
        }
    }

    func run() async throws {
        // Pages run on Swift's own executor: on an otherwise idle machine it served more pages for
        // less CPU than NIO's event loops did (Benchmarks/README.md, web portal, seventh pass).
        // FORMRUNNER_EXECUTOR=event-loops runs them on the loop that reads their connection instead.
        let executorWanted = ProcessInfo.processInfo.environment["FORMRUNNER_EXECUTOR"] == "event-loops"
        let onEventLoops = executorWanted && ServerExecutor.installEventLoops()
        // The access log is written a batch at a time (at least once a second), not a line a request.
        let logLines = LogLineBuffer()
        defer { logLines.flush() }
        LoggingSystem.bootstrap { label in LineLogHandler(label: label, buffer: logLines) }
        if executorWanted, !onEventLoops {
            Logger(label: "formrunner.web").warning("pages run on Swift's default executor: NIO's event loops could not be made the global executor")
        }
        guard let address = ListenAddress(listen) else { throw ExitCode(64) }
        var settings = global.settings
        if demo, settings.notifier == nil { settings.notifier = "none" }
        settings.baseURL = baseURL ?? settings.environment["FORMRUNNER_BASE_URL"] ?? "http://\(address.host):\(address.port)/"
        let desk = try await Desk.open(settings)
        let stores = try desk.identity()
        let mailbox = demo ? DemoMailbox() : nil
        if demo, try await stores.directory.user(email: Desk.demoUser(at: desk.now()).email) == nil {
            try await stores.directory.add(Desk.demoUser(at: desk.now()))
        }
        // --now moves the tickets' clock only: codes, authenticator steps, lock-outs and sessions follow the real one.
        let clock: @Sendable () -> Date = { desk.now() }
        let mail: (any Notifier)? = try mailbox ?? desk.notifier()
        var services = FlowServices(
            catalog: desk.catalog, desk: desk.ticketDesk, directory: stores.directory, codes: stores.codes,
            drafts: stores.drafts, mail: mail, renderer: desk.renderer,
            google: try desk.googleVerifier(clientID: signIn.googleClientID, keysPath: signIn.googleKeys), clock: { Date() },
            ticketClock: clock)
        services.passwordAuthenticator = try desk.passwordPlugin(name: signIn.authPlugin)
        services.knowledge = try desk.knowledge()
        let uploads = URL(fileURLWithPath: (settings.catalog as NSString).appendingPathComponent(".formrunner/uploads"))
        try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var portalSettings = PortalSettings(
            baseURL: desk.baseURL, demo: demo, deskName: desk.address.name.isEmpty ? "Support" : desk.address.name,
            uploads: uploads, surveyKey: desk.surveyKey)
        portalSettings.sessionKey = desk.webSessionKey
        let portal = Portal(services: services, settings: portalSettings, mailbox: mailbox)
        let app = portal.application(host: address.host, port: address.port) { port in
            var lines = "formrunner: serving on http://\(address.host):\(port)/\n"
            if demo {
                lines += "Demo: sign in as demo@example.com with \"Send a code to my e-mail\"; the e-mails (codes included) "
                    + "are shown at http://\(address.host):\(port)/demo/mailbox\n"
            }
            Output.print(lines)
        }
        // Sessions and drafts that ended are removed as `tick` does, for desks that run no tick.
        let sweeper = Task {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 600 * 1_000_000_000)
                _ = try? await stores.drafts.deleteExpiredDrafts(now: Date())
            }
        }
        try await app.runService()
        sweeper.cancel()
        await desk.close()
    }
}

/// `HOST:PORT` of `--listen`.
struct ListenAddress {
    var host: String
    var port: Int

    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        self.host = host
        self.port = port
    }
}
