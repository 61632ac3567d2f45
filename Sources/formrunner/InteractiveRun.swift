import ArgumentParser
import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerNotify
import FormrunnerPlugins
import FormrunnerPrompt
import FormrunnerRun

/// Wires `formrunner run WORKFLOW` in a terminal: the stores, the notifier, the prompter and the
/// flow runner; then reports how the run ended.
struct InteractiveRun {
    let command: Run
    let flow: WorkflowDefinition

    /// The demo user `--demo` signs in as (with an e-mailed code: no password is set).
    static func demoUser(at now: Date) -> UserRecord {
        UserRecord(email: "demo@example.com", name: "Demo Requester", accounts: ["demostore", "demostore-br"],
                   country: "BR", permissions: ["support"], createdAt: now)
    }

    func run() async throws {
        var options = command.global
        if command.demo, options.notifier == nil { options.notifier = "console" }
        let session = try await DeskSession(options)
        let stores = try IdentityStores(session.location)
        let demoUser = Self.demoUser(at: session.now)
        if command.demo, try await stores.directory.user(email: demoUser.email) == nil {
            try await stores.directory.add(demoUser)
        }
        if try await stores.directory.list().isEmpty {
            throw CommandFailure("no one may sign in yet: add a user with `formrunner users add EMAIL --name NAME "
                                 + "--account STORE`, or try the flow with --demo")
        }
        let fixed = options.now ?? ProcessInfo.processInfo.environment["FORMRUNNER_NOW"]
        let now = session.now
        var clock: @Sendable () -> Date = { Date() }
        if fixed != nil { clock = { now } }
        var services = FlowServices(
            catalog: session.catalog, desk: session.desk, directory: stores.directory, codes: stores.codes,
            drafts: stores.drafts, mail: session.notifier, renderer: session.renderer,
            google: try googleVerifier(), clock: clock)
        services.passwordAuthenticator = try passwordPlugin(directory: stores.directory, session: session, options: options)
        let prompter = PrompterFactory.make(plain: command.plain)
        if command.demo {
            prompter.say("Demo: sign in as \(demoUser.email); the e-mails (codes included) are shown here.", style: .info)
        }
        let outcome = try await FlowRunner(flow: flow, services: services, prompter: prompter, resume: command.resume).run()
        try await report(outcome, session: session, prompter: prompter, now: clock())
    }

    /// Reports how the run ended; `now` is when it ended (the confirmation e-mail queued at the
    /// ticket's creation is due by then, not at the start of the run).
    private func report(_ outcome: FlowOutcome, session: DeskSession, prompter: any Prompter, now: Date) async throws {
        switch outcome {
        case .filed(let ticket):
            await session.deliver(at: now)
            prompter.say("Ticket \(ticket.number) created: \(ticket.title) [\(session.label(ticket))]. "
                         + "A confirmation was sent to \(ticket.requester.email).", style: .success)
        case .answeredByAssistant:
            prompter.say("Glad that helped. No ticket was filed.", style: .info)
        case .refused(let message):
            throw CommandFailure(message)
        case .discarded:
            throw CommandFailure("discarded at the review; nothing was sent")
        case .interrupted(let interruption, let saved):
            let resume = "formrunner run \(flow.id) --resume"
            let what = interruption == .cancelled ? "interrupted" : "the input ended"
            Output.printError("formrunner: \(what); " + (saved
                ? "your answers are saved as a draft: `\(resume)` continues them\n"
                : "nothing was saved (no one had signed in yet)\n"))
            throw ExitCode(interruption == .cancelled ? 130 : 1)
        }
    }

    /// The `formrunner-auth-NAME` plugin that checks passwords, when `--auth-plugin` (or
    /// FORMRUNNER_AUTH_PLUGIN) names one; its timeout follows the plugins' settings.
    private func passwordPlugin(directory: any UserDirectory, session: DeskSession,
                                options: GlobalOptions) throws -> (any Authenticator)? {
        guard let name = command.authPlugin ?? ProcessInfo.processInfo.environment["FORMRUNNER_AUTH_PLUGIN"] else { return nil }
        let plugin: InstalledPlugin
        do {
            plugin = try PluginLocator().plugin(.auth, named: name)
        } catch {
            throw CommandFailure(error.description)
        }
        let timeout = try options.pluginTimeoutOverride() ?? session.catalog.configuration?.pluginTimeout ?? ExternalNotifier.defaultTimeout
        return ExternalAuthenticator(plugin: plugin, directory: directory, timeout: timeout)
    }

    /// The Google ID token check, when a client id and key set are given.
    private func googleVerifier() throws -> GoogleIDTokenVerifier? {
        let environment = ProcessInfo.processInfo.environment
        let clientID = command.googleClientID ?? environment["FORMRUNNER_GOOGLE_CLIENT_ID"]
        let keysPath = command.googleKeys ?? environment["FORMRUNNER_GOOGLE_KEYS"]
        guard let clientID, let keysPath else {
            if clientID != nil || keysPath != nil {
                throw ValidationError("Google sign-in needs both --google-client-id and --google-keys")
            }
            return nil
        }
        guard let data = FileManager.default.contents(atPath: keysPath) else {
            throw CommandFailure("cannot read the Google key set '\(keysPath)'")
        }
        do {
            return GoogleIDTokenVerifier(clientID: clientID, keys: try JSONWebKeySet(json: data))
        } catch {
            throw CommandFailure("the Google key set '\(keysPath)' is not usable: \(error)")
        }
    }
}
