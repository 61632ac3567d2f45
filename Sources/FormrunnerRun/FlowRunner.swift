import Foundation
import FormrunnerAuth
import FormrunnerCore
@_exported import FormrunnerFlow
import FormrunnerPrompt

/// Walks an entry flow in the terminal, step by step as its YAML declares them, and files the ticket.
///
/// Nothing here is specific to a flow: sign-in, the permission gate, the assistant, one-time
/// codes, identification, the subject choice, the form and the submit step are generic, and
/// their settings and wording come from `Workflows/` and `Forms/`.
///
/// After sign-in, the run is saved as a draft (``FlowState``) after every step, and when a question
/// is interrupted; a later run of the same flow by the same user offers to continue it (`--resume`
/// continues without asking). The draft is deleted when the ticket is filed or the run discarded.
public final class FlowRunner {
    /// The flow being run.
    public let flow: WorkflowDefinition
    let services: FlowServices
    let prompter: any Prompter
    /// Continue a saved draft without asking.
    let resume: Bool
    /// Where the run stands.
    public internal(set) var state: FlowState
    /// Who signed in.
    public internal(set) var user: UserRecord?
    /// Whether a draft was restored: its form asks only what is still unanswered.
    var restored = false
    /// Whether the language was asked for (`--lang`): it then wins over the user's stored preference
    /// and a draft's language, until the assistant step changes it.
    let explicitLanguage: Bool

    /// A runner of `flow` asking through `prompter`.
    ///
    /// It speaks `language` (`en`, `pt`, `es`; `--lang`) when it is given. Otherwise it starts in
    /// `fallbackLanguage` (the environment's, `LANG`/`LC_MESSAGES`), else English, and after sign-in
    /// switches to the user's stored preference: the language of their latest ticket. A restored
    /// draft keeps its language; the assistant step's choice applies to everything after it.
    public init(flow: WorkflowDefinition, services: FlowServices, prompter: any Prompter, resume: Bool = false,
                language: String? = nil, fallbackLanguage: String? = nil) {
        self.flow = flow
        self.services = services
        interpreter = FlowInterpreter(flow: flow, services: services)
        self.prompter = prompter
        self.resume = resume
        self.state = FlowState(workflowID: flow.id)
        let supported = { (code: String?) in code.flatMap { LocalizedText.supportedLanguages.contains($0) ? $0 : nil } }
        explicitLanguage = supported(language) != nil
        state.language = supported(language) ?? supported(fallbackLanguage) ?? "en"
        prompter.language = state.language
    }

    /// The step interpreter this runner shows in the terminal, made once with the runner.
    let interpreter: FlowInterpreter

    /// Runs the flow to its end; store and notifier failures are thrown.
    public func run() async throws -> FlowOutcome {
        prompter.say(flow.title.text(in: state.language), style: .title)
        if let description = flow.description?.text(in: state.language) { prompter.say(description, style: .info) }
        do {
            while true {
                let step: StepDefinition
                switch interpreter.position(of: &state, user: user) {
                case .refused(let refusal): return .refused(refusal)
                case .end: return .refused("the flow '\(flow.id)' ended without a submit step")
                case .step(let next): step = next
                }
                if let end = try await perform(step) { return end }
                state.markDone(step.id)
                if case .authentication = step.kind { continue }
                try await saveDraft()
            }
        } catch let interruption as PromptInterruption {
            return .interrupted(interruption, draftSaved: try await saveDraft())
        } catch let stop as FlowStop {
            return .refused(stop.message)
        }
    }

    /// Performs one step; returns how the run ends if it ends here.
    private func perform(_ step: StepDefinition) async throws -> FlowOutcome? {
        prompter.language = state.language
        if case .permission = step.kind {} else {
            if let title = step.title?.text(in: state.language) { prompter.say(title, style: .title) }
            if let help = step.help?.text(in: state.language) { prompter.say(help, style: .info) }
        }
        switch step.kind {
        case .authentication(let settings):
            let user = try await SignIn(step: settings, services: services, prompter: prompter, language: state.language).run()
            self.user = user
            if !explicitLanguage, let stored = try await storedLanguage(of: user) {
                state.language = stored
                prompter.language = stored
            }
            prompter.say(RequesterText.signedInAs.text(state.language, "\(user.name) <\(user.email)>"), style: .success)
            try await restoreDraft()
            sayGrantedPermissions()
        case .permission:
            // The interpreter checks permission steps before the step that follows them.
            break
        case .assistant(let settings):
            guard try await AssistantStep(step: settings, interpreter: interpreter, prompter: prompter, user: user).run(&state) else {
                try await deleteDraft()
                return .answeredByAssistant
            }
        case .oneTimeCode(let settings):
            try await CodeStep(step: step, settings: settings, interpreter: interpreter, prompter: prompter)
                .run(for: try signedIn(), in: &state)
        case .identification:
            try identify()
        case .subject(let choice):
            if state.subjectID == nil { try chooseSubject(choice) }
            try askForm()
        case .form:
            try askForm()
        case .submit(let label):
            return try await submit(label: label.text(in: state.language))
        }
        return nil
    }

    /// Tells that the permission steps after sign-in let the user through ("Support permission:
    /// granted"); a refusal is reported by the interpreter's position instead.
    private func sayGrantedPermissions() {
        guard let user else { return }
        for step in flow.steps {
            guard case .permission(let settings) = step.kind,
                  PermissionGate(step: settings).refusal(for: user, language: state.language) == nil,
                  let title = step.title?.text(in: state.language) else { continue }
            prompter.say(RequesterText.granted.text(state.language, title), style: .success)
        }
    }

    /// The user's stored preference: the language of their latest ticket, if it has one.
    private func storedLanguage(of user: UserRecord) async throws -> String? {
        try await services.desk.store.list(requester: user.email, status: nil, before: nil, limit: 1).first?.language
    }

    func signedIn() throws -> UserRecord {
        guard let user else { throw FlowStop("the flow '\(flow.id)' asks for a signed-in user before its authentication step") }
        return user
    }

    var asker: FormAsker {
        var asker = FormAsker(prompter: prompter, language: state.language)
        asker.accounts = user?.accounts
        return asker
    }

    var flowAnswers: FlowAnswers { interpreter.flowAnswers }
}
