import Foundation

extension TicketDesk {
    /// The satisfaction survey of `ticket` at `now`, given its history.
    public func surveyStatus(of ticket: Ticket, history: [HistoryEntry], at now: Date) -> SurveyStatus {
        guard let lifecycle = catalog.lifecycles[ticket.lifecycleID] else { return SurveyStatus(round: 0, state: .none) }
        return SurveyStatus(ticket: ticket, history: history, lifecycle: lifecycle,
                            calendar: lifecycle.calendar.flatMap { catalog.calendars[$0.id]?.calendar },
                            form: lifecycle.survey.flatMap { catalog.forms[$0.form.id] }, at: now)
    }

    /// Records the requester's answer to round `round` of the satisfaction survey of ticket `number`,
    /// in one write: the answer under the reserved ``SurveyKeys`` of the ticket, and a history line
    /// (event `survey`, by the requester, the status unchanged) that reads like
    /// `Rating: 5 — Very satisfied. Comment: …`. The ticket's timers and last interaction are left as
    /// they are: answering the survey does not postpone closing.
    ///
    /// - Throws: ``TicketDesk/Failure/notFound(_:)``; ``SurveyFailure`` for a ticket without a survey,
    ///   a round that is not the current one, a round already answered or expired;
    ///   ``TicketDesk/Failure/invalidAnswers(_:)`` when the answers do not fit the survey form (the
    ///   same messages as for any form); ``TicketStoreError/conflict(number:expected:actual:)`` when the
    ///   ticket changed meanwhile (nothing is written; look again and retry).
    public func answerSurvey(_ number: Int64, round: Int, answers: [String: RawAnswer], at now: Date) async throws -> Ticket {
        guard let ticket = try await store.ticket(number) else { throw Failure.notFound(number) }
        guard let lifecycle = catalog.lifecycles[ticket.lifecycleID], let survey = lifecycle.survey,
              let form = catalog.forms[survey.form.id] else {
            throw SurveyFailure.noSurvey(ticket: number, lifecycle: ticket.lifecycleID)
        }
        let status = surveyStatus(of: ticket, history: try await store.history(number), at: now)
        switch status.state {
        case .none: throw SurveyFailure.notOpen(ticket: number)
        case _ where round != status.round:
            throw SurveyFailure.wrongRound(ticket: number, given: round, current: status.round)
        case .evaluated: throw SurveyFailure.alreadyAnswered(ticket: number, round: round)
        case .expired: throw SurveyFailure.expired(ticket: number, round: round, dueAt: status.dueAt ?? now)
        case .pending: break
        }
        let checked: FormAnswers.Checked
        switch FormAnswers(form: form).check(answers) {
        case .success(let value): checked = value
        case .failure(let problems): throw Failure.invalidAnswers(problems)
        }
        guard case .choice(let rating)? = checked.values[SurveyKeys.ratingField] else {
            throw SurveyFailure.noSurvey(ticket: number, lifecycle: ticket.lifecycleID)
        }
        var comment: String?
        if case .text(let text)? = checked.values[SurveyKeys.commentField],
           !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            comment = text
        }
        var updated = ticket
        updated.answers[SurveyKeys.round] = .number(Double(round))
        updated.answers[SurveyKeys.rating] = .choice(rating)
        updated.answers[SurveyKeys.comment] = comment.map(AnswerValue.text)
        updated.answers[SurveyKeys.answeredAt] = .text(SurveyKeys.stamp(now.roundedToMilliseconds))
        updated.updatedAt = now
        updated.version = ticket.version + 1
        let label = form.field(SurveyKeys.ratingField)?.option(rating)?.label.english ?? rating
        let line = "Rating: \(label)." + (comment.map { " Comment: \($0)" } ?? "")
        let entry = HistoryEntry(at: now, actor: .requester, event: SurveyKeys.event, from: ticket.status,
                                 to: ticket.status, message: line)
        try await store.update(updated, expectedVersion: ticket.version, history: [entry], outbox: [])
        return updated.storedForm
    }

    /// `outcome` with the survey round its notifications may link to, when the ticket is in the
    /// survey status after it (`past` is the history stored before the outcome).
    func withSurveyRound(_ outcome: Outcome, lifecycle: LifecycleDefinition,
                         past: () async throws -> [HistoryEntry]) async throws -> Outcome {
        guard let survey = lifecycle.survey, outcome.ticket.status == survey.status.id,
              !outcome.notifications.isEmpty else { return outcome }
        let round = SurveyStatus.roundOpenings(in: try await past() + outcome.history, status: survey.status.id).count
        guard round > 0 else { return outcome }
        var outcome = outcome
        for index in outcome.notifications.indices { outcome.notifications[index].surveyRound = round }
        return outcome
    }
}
