import Foundation
import FormrunnerCore

extension FlowInterpreter {
    /// The form shown at the review: the identification fields first, when their ids do not clash
    /// with the form's.
    public static func reviewForm(_ form: FormDefinition, identification: FormDefinition?) -> FormDefinition {
        guard let identification,
              Set(identification.fields.map(\.id)).isDisjoint(with: form.fields.map(\.id)) else { return form }
        var combined = form
        combined.fields = identification.fields + form.fields
        return combined
    }

    /// The answer of the identification's `account` field: the store the ticket is about.
    public static func account(in identity: [String: AnswerValue], of identification: FormDefinition?) -> String? {
        identification?.fields.first { $0.type == .account }.flatMap { identity[$0.id]?.plainText }
    }

    /// What filing the run's answers gave.
    public enum Filing: Sendable {
        /// The ticket was filed and the draft deleted.
        case filed(Ticket)
        /// Some answers are not valid any more; nothing was filed. `identification` tells which part.
        case invalid(AnswerProblems, identification: Bool)
    }

    /// Files the ticket from the run's answers, checked once more on the path `--answers` takes
    /// (hidden answers dropped, every rule re-checked), then deletes the user's draft.
    ///
    /// With an `idempotencyKey` (the web review's submission token), a second filing with the same
    /// key throws ``TicketStoreError/duplicateSubmission(existing:)`` naming the first ticket.
    public func file(_ state: FlowState, user: UserRecord, idempotencyKey: String? = nil) async throws -> Filing {
        guard let form = currentForm(state) else { throw FlowStop("the flow '\(flow.id)' leads to no form") }
        let identification = identificationForm
        var identity: [String: AnswerValue] = [:]
        if let identification {
            switch FormAnswers(form: identification).check(values: state.identity, files: [:]) {
            case .success(let checked): identity = checked.values
            case .failure(let problems): return .invalid(problems, identification: true)
            }
        }
        var checked: FormAnswers.Checked
        switch FormAnswers(form: form).check(values: state.answers, files: state.files) {
        case .success(let value): checked = value
        case .failure(let problems): return .invalid(problems, identification: false)
        }
        checked.values.merge(assistantAnswers(state)) { answer, _ in answer }
        let ticket = try await services.desk.create(
            form: form, checked: checked,
            requester: Requester(email: user.email, name: identity["name"]?.plainText ?? user.name),
            workflowID: flow.id, account: Self.account(in: identity, of: identification), idempotencyKey: idempotencyKey,
            language: state.language, at: services.ticketClock())
        try await deleteDraft(for: user)
        return .filed(ticket)
    }
}
