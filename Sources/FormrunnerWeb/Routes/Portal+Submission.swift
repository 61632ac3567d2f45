import Foundation
import FormrunnerCore
import FormrunnerFlow
import Hummingbird

extension Portal {
    /// The submission token of the run's review page, for this visitor's session.
    func submissionToken(_ run: FlowRun, visit: Visit) -> String {
        SubmissionToken.issue(flow: run.flow.id, user: run.user.email, savedAt: run.state.savedAt, sessionID: visit.sessionID,
                              key: settings.sessionKey)
    }

    /// The confirmation of the ticket the review in `body` already filed in this session (it was
    /// sent again: a double click, back and send, a second tab), or nil.
    func alreadyFiled(_ body: FormBody, flow: String, visit: Visit) -> Response? {
        guard let token = body.first(SubmissionToken.field),
              let nonce = SubmissionToken.nonce(of: token, sessionID: visit.sessionID, key: settings.sessionKey),
              let last = visit.session.lastSubmission, last.nonce == nonce, last.flow == flow else { return nil }
        return Self.redirect("/flows/\(flow)/created/\(last.number)")
    }

    /// Files the run's ticket from its review page, once per submission token: the same review sent
    /// again while the first is being filed is refused by the store and shown the first ticket.
    /// A token of another session is refused and the review shown again; a post without one
    /// (an older page) files with the duplicate window's protection only.
    func submit(_ run: inout FlowRun, body: FormBody, visit: inout Visit) async throws -> Response {
        var nonce: String?
        if let token = body.first(SubmissionToken.field) {
            nonce = SubmissionToken.nonce(of: token, sessionID: visit.sessionID, key: settings.sessionKey)
            guard nonce != nil else {
                Self.flash(&visit, PageText.staleSubmission.text(visit.language), alert: true)
                return Self.redirect("/flows/" + run.flow.id)
            }
        }
        let filing: FlowInterpreter.Filing
        do {
            filing = try await run.interpreter.file(run.state, user: run.user, idempotencyKey: nonce.map { "web:" + $0 })
        } catch TicketStoreError.duplicateSubmission(let existing) where nonce != nil {
            try await run.interpreter.deleteDraft(for: run.user)
            removeUploads(of: run.state)
            run.state = FlowState(workflowID: run.flow.id)
            remember(existing, nonce: nonce, flow: run.flow.id, visit: &visit)
            return Self.redirect("/flows/\(run.flow.id)/created/\(existing)")
        }
        switch filing {
        case .filed(let ticket):
            removeUploads(of: run.state)
            run.state = FlowState(workflowID: run.flow.id)
            remember(ticket.number, nonce: nonce, flow: run.flow.id, visit: &visit)
            await deliverNow(ticket)
            return Self.redirect("/flows/\(run.flow.id)/created/\(ticket.number)")
        case .invalid(let problems, let identification):
            // Answers that are no longer valid (a form changed meanwhile): back to their step.
            let back = run.flow.steps.first { candidate in
                switch candidate.kind {
                case .identification: return identification
                case .form, .subject: return !identification
                default: return false
                }
            }
            guard let back else { return Self.redirect("/flows/" + run.flow.id) }
            return try await again(&run, step: back, body: FormBody(), problems: problems.problems, visit: &visit)
        }
    }

    /// Keeps in the session which ticket the review with `nonce` filed.
    private func remember(_ number: Int64, nonce: String?, flow: String, visit: inout Visit) {
        guard let nonce else { return }
        visit.session.lastSubmission = WebSession.FiledSubmission(nonce: nonce, flow: flow, number: number)
        visit.changed = true
    }
}
