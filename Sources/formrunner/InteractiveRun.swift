import ArgumentParser
import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerDesk
import FormrunnerNotify
import FormrunnerPrompt
import FormrunnerRun

/// Wires `formrunner run WORKFLOW` in a terminal: the stores, the notifier, the prompter and the
/// flow runner; then reports how the run ended.
struct InteractiveRun {
    let command: Run
    let flow: WorkflowDefinition

    func run() async throws {
        var options = command.global
        if command.demo, options.notifier == nil { options.notifier = "console" }
        let session = try await DeskSession(options, delivering: true)
        let stores = try session.desk.identity()
        let demoUser = Desk.demoUser(at: session.now)
        if command.demo, try await stores.directory.user(email: demoUser.email) == nil {
            try await stores.directory.add(demoUser)
        }
        if try await stores.directory.list().isEmpty {
            throw CommandFailure("no one may sign in yet: add a user with `formrunner users add EMAIL --name NAME "
                                 + "--account STORE`, or try the flow with --demo")
        }
        let desk = session.desk
        // --now moves the tickets' clock only: codes, authenticator steps and lock-outs follow the real one.
        let clock: @Sendable () -> Date = { desk.now() }
        var services = FlowServices(
            catalog: session.catalog, desk: session.tickets, directory: stores.directory, codes: stores.codes,
            drafts: stores.drafts, mail: try desk.notifier(), renderer: session.renderer,
            google: try desk.googleVerifier(clientID: command.signIn.googleClientID, keysPath: command.signIn.googleKeys), clock: { Date() },
            ticketClock: clock)
        services.passwordAuthenticator = try desk.passwordPlugin(name: command.signIn.authPlugin)
        services.knowledge = try desk.knowledge()
        // Sign-in codes go out after the prompt returns; a failed delivery is the operator's to see.
        services.codeDeliveryFailed = { error in Output.printError("formrunner: a sign-in code could not be sent: \(error)\n") }
        let prompter = PrompterFactory.make(plain: command.plain)
        if command.demo {
            prompter.say("Demo: sign in as \(demoUser.email); the e-mails (codes included) are shown here.", style: .info)
        }
        let environmentLanguage = RequesterLanguage.fromEnvironment(ProcessInfo.processInfo.environment)
        // Sign-in codes go out before any choice: in --lang, else the environment's language.
        services.renderer.language = command.language.code ?? environmentLanguage ?? "en"
        let runner = FlowRunner(flow: flow, services: services, prompter: prompter, resume: command.resume,
                                language: command.language.code, fallbackLanguage: environmentLanguage)
        let outcome = try await runner.run()
        try await report(outcome, session: session, prompter: prompter, now: clock(), language: runner.state.language)
    }

    /// Reports how the run ended; `now` is when it ended (the confirmation e-mail queued at the
    /// ticket's creation is due by then, not at the start of the run).
    private func report(_ outcome: FlowOutcome, session: DeskSession, prompter: any Prompter, now: Date,
                        language: String) async throws {
        switch outcome {
        case .filed(let ticket):
            await session.deliver(at: now)
            prompter.say(RequesterText.ticketCreated.text(language, String(ticket.number), ticket.title,
                                                          session.label(ticket, in: language), ticket.requester.email),
                         style: .success)
        case .answeredByAssistant:
            // The assistant step said its closing words (the catalog's, in the run's language).
            break
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
}
