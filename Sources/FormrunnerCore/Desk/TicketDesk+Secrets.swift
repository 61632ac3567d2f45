import Foundation

extension TicketDesk {
    /// `answers` with the secret answers of `form` sealed (see ``SealedAnswer``).
    /// - Throws: ``Failure/cannotSealSecrets(form:)`` when there is a secret and no key.
    func sealingSecrets(_ answers: [String: AnswerValue], form: FormDefinition, requester: String) throws -> [String: AnswerValue] {
        let secretFields = form.fields.filter { $0.type == .secret }
        guard secretFields.contains(where: { if case .text(let text)? = answers[$0.id] { !text.isEmpty } else { false } }) else {
            return answers
        }
        guard let secrets else { throw Failure.cannotSealSecrets(form: form.id) }
        return try SealedAnswer.sealing(answers, form: form, requester: requester, with: secrets)
    }

    /// Ticket `number` with its secret answers opened, for `user`, an agent of the ticket's team
    /// or an admin (`users add … --role agent --team T`). The reveal is written into the ticket's history
    /// (event `reveal-secrets`, naming who saw which fields) before anything is shown.
    /// - Throws: ``Failure/notFound(_:)``; ``Failure/secretsNotAllowed(email:ticket:team:)``.
    public func revealSecrets(of number: Int64, to user: UserRecord, at now: Date) async throws -> Ticket {
        guard let ticket = try await store.ticket(number) else { throw Failure.notFound(number) }
        let team = catalog.forms[ticket.formID]?.team ?? ""
        guard user.role == .admin || (user.role == .agent && !team.isEmpty && user.teams.contains(team)) else {
            throw Failure.secretsNotAllowed(email: user.email, ticket: number, team: team)
        }
        let sealed = ticket.answers.filter { SealedAnswer.isSealed($0.value) }.keys.sorted()
        guard !sealed.isEmpty else { return ticket }
        guard let secrets else { throw Failure.cannotSealSecrets(form: ticket.formID) }
        var revealed = ticket
        for field in sealed {
            if let value = ticket.answers[field],
               let text = try SealedAnswer.open(value, form: ticket.formID, field: field, requester: ticket.requester.email,
                                                with: secrets) {
                revealed.answers[field] = .text(text)
            }
        }
        var audited = ticket
        audited.version += 1
        let entry = HistoryEntry(at: now, actor: .agent, event: "reveal-secrets", from: ticket.status, to: ticket.status,
                                 message: "\(user.email) saw the secret answers: \(sealed.joined(separator: ", "))")
        try await store.update(audited, expectedVersion: ticket.version, history: [entry], outbox: [])
        revealed.version = audited.version
        return revealed
    }
}
