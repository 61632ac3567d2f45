import ArgumentParser
import Foundation
import FormrunnerCore
import FormrunnerNotify
import FormrunnerPrompt
import FormrunnerRun

/// `formrunner run WORKFLOW`: walks an entry flow and files a ticket.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Walk an entry flow (log-in, checks, identification, subject, form) and file a ticket.",
        discussion: """
        Interactive: sign-in, the flow's checks and questions, a review, then the ticket. Ctrl-C \
        saves a draft (exit 130) that --resume continues. Line by line when standard input is not a \
        terminal, when TERM=dumb, or with --plain. --demo adds a demo user (demo@example.com) and shows \
        the e-mails (sign-in codes included) on the terminal, to try a catalog without setting it up.

        With --no-input it is a script's twin: every answer comes from \
        --answers FILE and --set field=value (the identification fields such as name and account, \
        `subject` for flows with a subject step, then the form's fields), and every missing or \
        invalid answer is listed at once by field id. `formrunner forms show ID --json` tells what a form asks.
        """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var signIn: SignInOptions
    @Argument(help: "The entry flow, e.g. technical-support.") var workflow: String
    @Option(help: ArgumentHelp("A YAML or JSON file mapping field ids to answers.", valueName: "file")) var answers: String?
    @Option(name: .customLong("set"), help: ArgumentHelp("An answer, field=value (repeat for lists).", valueName: "field=value"))
    var settings: [String] = []
    @Flag(name: .customLong("no-input"), help: "Never prompt: take every answer from --answers and --set.") var noInput = false
    @Option(help: "With --no-input: the requester's e-mail (the script acts for them; log-in steps are skipped).")
    var requester: String?
    @Flag(help: "Print the ticket as JSON (with --no-input).") var json = false
    @Flag(help: "Continue the saved draft of this flow without asking.") var resume = false
    @Flag(help: "Ask line by line, without the full-screen terminal controls.") var plain = false
    @OptionGroup var language: LanguageOption
    @Flag(help: "Try the flow as demo@example.com, with e-mails shown on the terminal (unless --notifier is given).")
    var demo = false

    func validate() throws {
        for setting in settings where AnswersFile.setting(setting) == nil {
            throw ValidationError("'\(setting)' is not field=value")
        }
        if noInput, requester == nil { throw ValidationError("--no-input needs --requester EMAIL") }
        if !noInput, answers != nil || !settings.isEmpty {
            throw ValidationError("--answers and --set go with --no-input; the interactive run asks its questions")
        }
        if noInput, resume || demo { throw ValidationError("--resume and --demo are for the interactive run, not --no-input") }
    }

    func run() async throws {
        let session = try await DeskSession(global, delivering: true)
        guard let flow = session.catalog.workflows[workflow] else {
            throw CatalogSession.unknown("workflow", workflow, among: session.catalog.workflows.keys)
        }
        guard noInput else {
            return try await InteractiveRun(command: self, flow: flow).run()
        }
        let raw = try AnswerInput.read(file: answers, settings: settings)
        let resolved: FlowAnswers.Resolved
        switch FlowAnswers(catalog: session.catalog, flow: flow).check(raw, accounts: nil) {
        case .success(let value): resolved = value
        case .failure(let problems): throw TicketDesk.Failure.invalidAnswers(problems)
        }
        // A script's answer that a condition hides is dropped: say so (the run still files the ticket).
        for id in resolved.answers.ignored {
            let condition = resolved.form.field(atPath: id)?.condition.map { " (when: \($0.source))" } ?? ""
            Output.printError("formrunner: warning: the answer to '\(id)' is not kept: its field is hidden\(condition)\n")
        }
        var name: String?
        if case .text(let text)? = resolved.identity["name"] { name = text }
        var account: String?
        if case .text(let text)? = resolved.identity["account"] { account = text }
        let ticket = try await session.tickets.create(form: resolved.form, checked: resolved.answers,
                                                      requester: Requester(email: requester ?? "", name: name),
                                                   workflowID: flow.id, account: account, language: language.requested,
                                                   at: session.now)
        await session.deliver()
        if json {
            Output.print(try Output.json(TicketText.document(ticket, session: session, full: true)))
        } else {
            Output.print("Ticket \(ticket.number) created: \(ticket.title) [\(session.label(ticket))]\n")
        }
    }
}

/// Answers given on the command line: a file and `--set` settings.
enum AnswerInput {
    static func read(file: String?, settings: [String]) throws -> [String: RawAnswer] {
        var raw: [String: RawAnswer] = [:]
        if let file {
            // The size is checked before the file is read: a huge file is refused at once.
            guard let read = AnswersFile.read(contentsOf: file) else {
                throw CommandFailure("cannot read the answers file '\(file)'")
            }
            switch read {
            case .success(let read): raw = read
            case .failure(let error):
                let tooLarge = error.diagnostics.contains { $0.message.hasPrefix("file is too large") }
                let text = tooLarge ? "" : (FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) } ?? "")
                Output.report(error.diagnostics, sources: [file: text])
                throw ExitCode(1)
            }
        }
        return AnswersFile.merging(settings.compactMap(AnswersFile.setting), into: raw)
    }
}
