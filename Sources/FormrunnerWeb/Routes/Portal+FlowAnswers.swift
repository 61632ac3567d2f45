import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerFlow
import FormrunnerNotify
import Hummingbird

extension Portal {
    /// Applies a posted step page to the run: on success the step is done and the browser goes on
    /// to the next; problems show the same page again, every one beside its field, answers kept.
    func answer(_ run: inout FlowRun, body: FormBody, visit: inout Visit) async throws -> Response {
        let next = Self.redirect("/flows/" + run.flow.id)
        let current = run.interpreter.position(of: &run.state, user: run.user)
        guard let stepID = body.first("_step"), let step = run.interpreter.step(stepID) else { return next }
        if case .submit = step.kind, let filed = alreadyFiled(body, flow: run.flow.id, visit: visit) { return filed }
        let isCurrent: Bool = if case .step(let now) = current { now.id == step.id } else { false }
        guard isCurrent || (run.state.isDone(step.id) && Self.isChangeable(step)) else { return next }
        let action = body.first("_action") ?? ""
        switch step.kind {
        case .authentication, .permission:
            return next
        case .assistant(let settings):
            if let response = try await answerAssistant(&run, step: step, settings: settings, body: body, visit: &visit) {
                return response
            }
        case .oneTimeCode(let settings):
            if action == "resend" {
                flashCodeNotice(try await run.interpreter.sendCode(for: step, settings: settings, to: run.user, firstTime: false,
                                                                     language: visit.language),
                                visit: &visit)
                return next
            }
            try await countAttempt(visit, email: run.user.email)
            do {
                try await run.interpreter.verifyCode(body.first("code") ?? "", for: step, settings: settings, user: run.user, in: &run.state)
            } catch let failure as OneTimeCodeFailure {
                Self.flash(&visit, Self.sentence(failure.message + Self.newCodeHint(.code(failure))), alert: true)
                return next
            }
        case .identification:
            let raw = rawAnswers(body, form: run.interpreter.identificationForm, state: run.state)
            let problems = run.interpreter.recordIdentification(raw, user: run.user, in: &run.state)
            if !problems.isEmpty { return try await again(&run, step: step, body: body, problems: problems, visit: &visit) }
        case .subject:
            if action == "choose" {
                let before = run.state.subjectID
                guard let subject = body.first("subject"), run.interpreter.chooseSubject(subject, in: &run.state) else {
                    Self.flash(&visit, PageText.chooseOne.text(visit.language), alert: true)
                    return Self.redirect("/flows/\(run.flow.id)?step=\(step.id)&choose=1")
                }
                // Another subject is another form: its questions are asked before the review comes back.
                if run.state.subjectID != before { run.state.completedSteps.removeAll { $0 == step.id } }
                return Self.redirect("/flows/\(run.flow.id)?step=\(step.id)")
            }
            if let response = try await recordForm(&run, step: step, body: body, visit: &visit) { return response }
        case .form:
            if let response = try await recordForm(&run, step: step, body: body, visit: &visit) { return response }
        case .submit:
            if action == "discard" {
                try await run.interpreter.deleteDraft(for: run.user)
                run.state = FlowState(workflowID: run.flow.id)
                return Self.redirect("/")
            }
            return try await submit(&run, body: body, visit: &visit)
        }
        run.state.markDone(step.id)
        return next
    }

    /// Records the form's answers; returns the page to show again when there are problems, or when
    /// (without JavaScript) the answers brought up questions the page had hidden.
    private func recordForm(_ run: inout FlowRun, step: StepDefinition, body: FormBody,
                            visit: inout Visit) async throws -> Response? {
        guard let form = run.interpreter.currentForm(run.state) else { return Self.redirect("/flows/" + run.flow.id) }
        let raw = rawAnswers(body, form: form, state: run.state)
        var problems = run.interpreter.recordForm(raw, in: &run.state)
        for (field, message) in body.refused {
            problems.removeAll { $0.field == field }
            problems.append(AnswerProblem(field: field, message: message))
        }
        if !problems.isEmpty { return try await again(&run, step: step, body: body, problems: problems, visit: &visit) }
        if body.first("_nojs") != nil {
            let before = Set((body.first("_shown") ?? "").split(separator: ",").map(String.init))
            let now = FormAnswersView.shownIDs(form, given: run.state.answers)
            if !now.isSubset(of: before) {
                Self.flash(&visit, PageText.moreQuestions.text(visit.language))
                return Self.redirect("/flows/\(run.flow.id)?step=\(step.id)")
            }
        }
        return nil
    }

    /// The step's page again, with the posted texts and every problem beside its field (422).
    func again(_ run: inout FlowRun, step: StepDefinition, body: FormBody, problems: [AnswerProblem],
                       visit: inout Visit) async throws -> Response {
        var input = FieldInput()
        input.values = body.values
        input.answers = step.kind.isIdentification ? run.state.identity : run.state.answers
        for problem in problems where input.errors[problem.field] == nil { input.errors[problem.field] = problem.message }
        return try await show(&run, visit: &visit, asked: step.id, input: input, status: .unprocessableContent)
    }

    /// The posted answers of a form's fields: texts as posted (several for checkboxes), files as
    /// the paths of the uploads, or of the files already attached when none was chosen.
    func rawAnswers(_ body: FormBody, form: FormDefinition?, state: FlowState? = nil) -> [String: RawAnswer] {
        guard let form else { return [:] }
        var raw: [String: RawAnswer] = [:]
        for field in form.fields {
            if field.type == .files {
                var paths = body.files[field.id]?.map(\.path) ?? []
                if paths.isEmpty, body.refused[field.id] == nil, let state, case .files(let refs)? = state.answers[field.id] {
                    paths = refs.compactMap { state.files[$0.sha256] }
                }
                if !paths.isEmpty { raw[field.id] = .list(paths) }
                continue
            }
            guard let values = body.values[field.id] else { continue }
            raw[field.id] = field.type == .multichoice ? .list(values) : .single(values.first ?? "")
        }
        return raw
    }

    /// The review page's body.
    func reviewBody(_ run: FlowRun, step: StepDefinition, pages: FlowPages, language: String, submission: String) -> String {
        guard let form = run.interpreter.currentForm(run.state) else { return "" }
        var rows: [(label: String, value: String, change: String)] = []
        let flowPath = "/flows/" + run.flow.id
        let formStep = run.flow.steps.first { candidate in
            switch candidate.kind {
            case .form, .subject: return true
            default: return false
            }
        }
        if let identification = run.interpreter.identificationForm,
           let idStep = run.flow.steps.first(where: { $0.kind.isIdentification }) {
            for field in identification.fields where run.state.identity[field.id] != nil {
                rows.append((field.label.text(in: language), Self.display(run.state.identity[field.id], field: field, language: language),
                             "\(flowPath)?step=\(idStep.id)#f-\(HTML.identifier(field.id))"))
            }
        }
        let shown = FormAnswersView.shownIDs(form, given: run.state.answers)
        for field in form.fields where shown.contains(field.id) && field.type.isQuestion {
            rows.append((field.label.text(in: language), Self.display(run.state.answers[field.id], field: field, language: language),
                         "\(flowPath)?step=\(formStep?.id ?? "")#f-\(HTML.identifier(field.id))"))
        }
        let subject = run.state.subjectID.flatMap { run.interpreter.flowAnswers.form(forSubject: $0)?.subject.label.text(in: language) }
        return pages.review(step, rows: rows, subject: subject, sendLabel: run.interpreter.submitLabel(run.state),
                            submission: submission)
    }

    /// An answer as the person reads it: option labels, Yes/No, file names, secrets masked.
    static func display(_ value: AnswerValue?, field: FieldDefinition, language: String) -> String {
        switch value {
        case .none: return PageText.noAnswer.text(language)
        case .choice(let id)?: return field.option(id)?.label.text(in: language) ?? id
        case .choices(let ids)?: return ids.map { field.option($0)?.label.text(in: language) ?? $0 }.joined(separator: ", ")
        case .boolean(let flag)?: return (flag ? PageText.yes : PageText.no).text(language)
        case .text(let text)? where field.type == .secret: return String(repeating: "•", count: min(text.count, 8))
        case let other?: return other.plainText
        }
    }

    /// Delivers the e-mails that are due (the confirmation just queued), as `run` does after filing.
    func deliverNow(_ ticket: Ticket) async {
        guard let mail = services.mail else { return }
        // Only this ticket's messages: a backlog (a hanging notifier's) is the worker's, never the request's.
        let own = (try? await services.desk.store.outbox(for: ticket.number).filter { $0.deliveredAt == nil }.map(\.id)) ?? []
        let report = await OutboxDispatcher(store: services.desk.store, notifier: mail).deliver(ids: own, at: services.ticketClock())
        for failure in report.errors {
            logger.warning("a message could not be delivered yet and stays in the outbox", metadata: ["error": "\(failure.error)"])
        }
    }

    /// Deletes the uploaded files of a run once the store has its own copies.
    func removeUploads(of state: FlowState) {
        removeUploads(Array(state.files.values))
    }

    /// Deletes uploaded files (each in a folder of its own under the upload folder; nothing else).
    func removeUploads(_ paths: [String]) {
        let root = settings.uploads.standardizedFileURL.path + "/"
        for path in paths {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
            guard (folder + "/").hasPrefix(root), folder + "/" != root else { continue }
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// The ticket `number` when `user` filed it; 404 otherwise (whether or not it exists).
    func ownTicket(_ text: String?, user: UserRecord) async throws -> Ticket {
        guard let text, let number = Int64(text), number > 0,
              let ticket = try await services.desk.store.ticket(number),
              UserRecord.normalizedEmail(ticket.requester.email) == user.email else { throw PortalRefusal.notFound }
        return ticket
    }
}

extension StepDefinition.Kind {
    /// Whether this is an identification step.
    var isIdentification: Bool {
        if case .identification = self { return true }
        return false
    }
}
