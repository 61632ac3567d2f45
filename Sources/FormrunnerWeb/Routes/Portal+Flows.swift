import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerFlow
import Hummingbird

extension Portal {
    /// The entry flows as pages: `GET /flows/ID` shows the step the run stands at (or `?step=ID`, a
    /// done step to change), `POST /flows/ID` answers it; the run is the user's draft, saved after
    /// every answer, shared with `formrunner run --resume`.
    func addFlowRoutes(to router: Router<PortalContext>) {
        router.get("/flows/:flow") { request, context in
            try await handle(request, context) { visit in
                guard var run = try await flowRun(request, context, visit: visit) else { return signInFirst(context) }
                let before = run.state
                let query = request.uri.queryParameters
                let response = try await show(&run, visit: &visit, asked: query["step"].map(String.init), chooseSubject: query["choose"] != nil)
                // A look changes the draft only when a step passed by itself (a prefill, say); sign-in
                // and the gate pass on every look but are never kept, so they write nothing.
                if run.interpreter.kept(run.state) != run.interpreter.kept(before) {
                    try await run.interpreter.saveDraft(run.state, for: run.user)
                }
                return response
            }
        }
        router.post("/flows/:flow") { request, context in
            try await handle(request, context) { visit in
                guard var run = try await flowRun(request, context, visit: visit) else { return signInFirst(context) }
                let form = run.interpreter.currentForm(run.state)
                let body = try await readForm(request, context: context, visit: visit) { name in
                    guard let field = form?.field(name), field.type == .files else { return nil }
                    return field.fileLimits ?? .default
                }
                let response = try await answer(&run, body: body, visit: &visit)
                // Uploads the run did not keep (a refused type, a field with a problem, a stale page) go now.
                let kept = Set(run.state.files.values)
                removeUploads(body.files.values.flatMap { $0 }.map(\.path).filter { !kept.contains($0) })
                // A run that ended (filed, answered by the assistant, discarded) leaves no draft behind.
                if run.state != FlowState(workflowID: run.flow.id) {
                    try await run.interpreter.saveDraft(run.state, for: run.user)
                }
                return response
            }
        }
        router.post("/flows/:flow/discard") { request, context in
            try await handle(request, context) { visit in
                guard let run = try await flowRun(request, context, visit: visit) else { return signInFirst(context) }
                _ = try await readForm(request, context: context, visit: visit)
                try await run.interpreter.deleteDraft(for: run.user)
                return Self.redirect("/")
            }
        }
        router.get("/flows/:flow/created/:number") { request, context in
            try await handle(request, context) { visit in
                guard let user = visit.user else { throw PortalRefusal.notFound }
                let ticket = try await ownTicket(context.parameters.get("number"), user: user)
                return page(&visit, title: PageText.ticketCreated.text(visit.language, String(ticket.number)),
                            body: ConfirmationPage.body(ticket, language: visit.language))
            }
        }
    }

    /// A run of a flow for the signed-in user, restored from their draft.
    struct FlowRun {
        let interpreter: FlowInterpreter
        let user: UserRecord
        var state: FlowState
        var flow: WorkflowDefinition { interpreter.flow }
    }

    /// The run of the route's flow for the signed-in user, restored from their draft; nil when no one
    /// is signed in (``signInFirst(_:)``). Returned as an optional rather than an enum with the
    /// redirect beside it, so that the run is moved out, not copied (a run holds the whole catalog
    /// and the desk's services: a copy is some two hundred reference counts).
    func flowRun(_ request: Request, _ context: PortalContext, visit: Visit) async throws -> FlowRun? {
        guard let id = context.parameters.get("flow"), let interpreter = interpreters[id] else { throw PortalRefusal.notFound }
        guard let user = visit.user else { return nil }
        var state = FlowState(workflowID: interpreter.flow.id)
        if case .found(let draft) = try await interpreter.loadDraft(for: user) { state = draft }
        state.language = visit.language
        return FlowRun(interpreter: interpreter, user: user, state: state)
    }

    /// The redirect to sign in, then back to the route's flow.
    func signInFirst(_ context: PortalContext) -> Response {
        Self.redirect("/signin?next=" + Self.queryEscape("/flows/" + (context.parameters.get("flow") ?? "")))
    }

    /// The step the person may look at: `asked` when it is done and can be changed, else the current one.
    private func stepToShow(_ run: inout FlowRun, asked: String?) -> FlowInterpreter.Position {
        let position = run.interpreter.position(of: &run.state, user: run.user)
        if let asked, let step = run.interpreter.step(asked), run.state.isDone(step.id), Self.isChangeable(step) {
            if case .refused = position { return position }
            return .step(step)
        }
        return position
    }

    static func isChangeable(_ step: StepDefinition) -> Bool {
        switch step.kind {
        case .assistant, .identification, .subject, .form: return true
        default: return false
        }
    }

    /// Renders the page of the step the run stands at.
    func show(_ run: inout FlowRun, visit: inout Visit, asked: String?, chooseSubject: Bool = false,
                      input: FieldInput? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let pages = FlowPages(flow: run.flow, language: visit.language, csrf: csrfField(visit))
        let step: StepDefinition
        switch stepToShow(&run, asked: asked) {
        case .refused(let message): return refusedPage(&visit, run: run, message: message)
        case .end: return refusedPage(&visit, run: run, message: "the flow '\(run.flow.id)' ended without a submit step")
        case .step(let next): step = next
        }
        let title = step.title?.text(in: visit.language) ?? run.flow.title.text(in: visit.language)
        var body: String
        switch step.kind {
        case .authentication, .permission:
            return Self.redirect("/signin?next=" + Self.queryEscape("/flows/" + run.flow.id))
        case .assistant(let settings):
            if let progress = run.state.assistant, progress.session.outcome == .open {
                body = pages.suggestions(step, settings, progress: progress)
            } else {
                body = pages.assistant(step, settings, state: run.state, searches: run.interpreter.answersFromKnowledge)
            }
        case .oneTimeCode(let settings):
            try await sendFlowCodeOnce(run, step: step, settings: settings, visit: &visit)
            body = pages.code(step, settings)
        case .identification:
            if let refusal = run.interpreter.identificationRefusal(for: run.user) { return refusedPage(&visit, run: run, message: refusal) }
            run.interpreter.prefillIdentification(for: run.user, in: &run.state)
            guard let form = run.interpreter.identificationForm else { throw PortalRefusal.notFound }
            var shown = input ?? FieldInput()
            if input == nil { shown.answers = run.state.identity }
            let renderer = FieldRenderer(language: visit.language, accounts: run.user.accounts, markups: fieldMarkups)
            body = pages.fields(step, form: form, input: shown, renderer: renderer)
        case .subject(let choice):
            guard !chooseSubject, let subjectID = run.state.subjectID, let form = run.interpreter.currentForm(run.state) else {
                body = pages.subject(step, choice, chosen: run.state.subjectID)
                break
            }
            let label = choice.subjects.first { $0.id == subjectID }?.label.text(in: visit.language) ?? subjectID
            let line = "<p>\(HTML.escape(choice.label.text(in: visit.language))): <strong>\(HTML.escape(label))</strong> "
                + "<a href=\"/flows/\(HTML.escape(run.flow.id))?step=\(HTML.escape(step.id))&amp;choose=1\">\(PageText.changeSubject.text(visit.language))</a></p>"
            body = removedAnswers(run, language: visit.language)
                + pages.fields(step, form: form, input: formInput(run, form: form, given: input, language: visit.language),
                               renderer: FieldRenderer(language: visit.language, markups: fieldMarkups), subjectLine: line)
        case .form:
            guard let form = run.interpreter.currentForm(run.state) else { throw PortalRefusal.notFound }
            body = removedAnswers(run, language: visit.language)
                + pages.fields(step, form: form, input: formInput(run, form: form, given: input, language: visit.language),
                               renderer: FieldRenderer(language: visit.language, markups: fieldMarkups))
        case .submit:
            body = reviewBody(run, step: step, pages: pages, language: visit.language, submission: submissionToken(run, visit: visit))
        }
        body += "<form method=\"post\" action=\"/flows/\(HTML.escape(run.flow.id))/discard\" class=\"start-over\">"
            + csrfField(visit) + "<button type=\"submit\" class=\"link\">\(PageText.startOver.text(visit.language))</button></form>"
        return page(&visit, title: title, body: body, status: status)
    }

    /// The form's answers so far, with the guidance suggested in its first multi-line field, and
    /// beside each answer of a draft that the form (changed since) refused, the reason.
    private func formInput(_ run: FlowRun, form: FormDefinition, given: FieldInput?, language: String) -> FieldInput {
        var input = given ?? FieldInput()
        if given == nil {
            input.answers = run.state.answers
            for (id, value) in run.interpreter.suggestions(for: form, in: run.state) where input.answers[id] == nil {
                input.answers[id] = value
            }
            for notice in run.state.formChanges ?? [] where !notice.isRemoval && input.answers[notice.field] == nil {
                input.errors[notice.field] = notice.text(in: language)
            }
        }
        for id in fieldMarkups.layout(form).fileFieldIDs {
            if case .files(let refs)? = run.state.answers[id] { input.attached[id] = refs.map(\.name) }
        }
        return input
    }

    /// The answers of a draft dropped because the form (changed since) no longer asks their fields.
    private func removedAnswers(_ run: FlowRun, language: String) -> String {
        (run.state.formChanges ?? []).filter(\.isRemoval)
            .map { "<p role=\"status\" class=\"status form-change\">\(HTML.escape($0.text(in: language)))</p>" }.joined()
    }

    private func refusedPage(_ visit: inout Visit, run: FlowRun, message: String) -> Response {
        let gate = run.flow.steps.first { if case .permission = $0.kind { return true } else { return false } }
        let title = gate?.title?.text(in: visit.language) ?? PageText.refusedTitle.text(visit.language)
        return page(&visit, title: title, body: "<h1>\(HTML.escape(title))</h1><p role=\"alert\">\(HTML.escape(message))</p>"
                    + "<p><a href=\"/\">\(PageText.home.text(visit.language))</a></p>", status: .forbidden)
    }

    /// Sends the flow step's code the first time its page is shown in this session.
    private func sendFlowCodeOnce(_ run: FlowRun, step: StepDefinition, settings: StepDefinition.OneTimeCode,
                                  visit: inout Visit) async throws {
        let key = run.flow.id + ":" + step.id
        guard !visit.session.codesSent.contains(key) else { return }
        visit.session.codesSent.append(key)
        visit.changed = true
        flashCodeNotice(try await run.interpreter.sendCode(for: step, settings: settings, to: run.user, firstTime: true,
                                                                 language: visit.language), visit: &visit)
    }

    func flashCodeNotice(_ notice: FlowInterpreter.CodeNotice, visit: inout Visit) {
        switch notice {
        case .sentByEmail(let address): Self.flash(&visit, PageText.weSentCode.text(visit.language, address))
        case .sentBySMS(let digits): Self.flash(&visit, PageText.codeSentToPhone.text(visit.language, digits))
        case .stillValid(let seconds): Self.flash(&visit, PageText.codeStillValid.text(visit.language, String(seconds)))
        case .notSent(let reason): Self.flash(&visit, Self.sentence(reason), alert: true)
        }
    }
}
