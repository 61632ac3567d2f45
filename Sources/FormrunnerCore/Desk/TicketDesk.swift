import Foundation

/// Files tickets and moves them through their life cycles: the one place where the catalog, the
/// engine, a store and the message composer meet. Every command of the command line goes through it.
public struct TicketDesk: Sendable {
    public let catalog: Catalog
    public let store: any TicketStore
    public let composer: any MessageComposing
    /// Seals `type: secret` answers before they are stored (the desk's key file); without it they
    /// are refused, never stored readable.
    public var secrets: (any SecretSealing)?
    /// How long the same answers from the same requester on the same form count as one submission
    /// (a double click, a script run twice): 10 minutes by default. Later, they file a new ticket.
    public var duplicateWindow: TimeInterval = 600
    /// The outbox messages this desk wrote, so that a command can deliver its own (see ``WrittenOutbox``).
    public let written = WrittenOutbox()
    /// The directory's staff, read again only when the directory changed (see ``StaffCache``).
    public let staffCache = StaffCache()
    /// Whether the store keeps the user directory in its own database and checks its change count in
    /// each creating transaction (``AssignmentRequest/directoryCount``): a create that assigns then
    /// takes the agents from ``staffCache`` without a read of the directory first. Set by the
    /// composition root, for a store (SQLite or PostgreSQL) that keeps the users in its own database.
    public var directoryCheckedByStore = false
    /// What the desk derives from each life cycle of its catalog, worked out once (see ``LifecycleFacts``).
    let lifecycleFacts = LifecycleFactsCache()
    /// The people of the desk (agents and their teams), for assignment and for checking who acts;
    /// `nil` when the desk has no directory (then nobody is assigned and agents act unnamed).
    public let people: DirectoryProvider?

    /// Opens the user directory when the desk first needs it.
    public typealias DirectoryProvider = @Sendable () throws -> any UserDirectory

    public init(catalog: Catalog, store: any TicketStore, composer: any MessageComposing,
                people: DirectoryProvider? = nil) {
        self.catalog = catalog
        self.store = store
        self.composer = composer
        self.people = people
    }

    /// Why the desk could not do what it was asked.
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case unknownForm(String, hint: String)
        case noLifecycle(form: String)
        case invalidAnswers(AnswerProblems)
        case invalidRequester(String)
        case notFound(Int64)
        case refused(Refusal)
        /// A form with `secret` fields, and no key to seal them with.
        case cannotSealSecrets(form: String)
        /// The person may not see the ticket's secret answers.
        case secretsNotAllowed(email: String, ticket: Int64, team: String)
        /// The person named to act may not, or nobody was named where a person must be.
        case notAuthorized(String)
        /// A change the desk cannot make (an unknown priority, an agent outside the team…).
        case invalidChange(String)

        public var description: String {
            switch self {
            case .unknownForm(let id, let hint): return "unknown form '\(id)'\(hint)"
            case .noLifecycle(let form): return "form '\(form)' has no life cycle: name one with `lifecycle:` or offer it in a workflow"
            case .invalidAnswers(let problems): return "the answers are not valid:\n" + problems.problems.map { "  \($0)" }.joined(separator: "\n")
            case .invalidRequester(let email): return "'\(email)' is not an e-mail address; the requester is told everything by e-mail"
            case .notFound(let number): return "ticket \(number) does not exist"
            case .refused(let refusal): return refusal.message
            case .cannotSealSecrets(let form):
                return "form '\(form)' has secret answers and this desk has no key to seal them with; nothing was filed"
            case .secretsNotAllowed(let email, let ticket, let team):
                return "\(email) may not see the secret answers of ticket \(ticket): only agents of the team '\(team)' and admins may "
                    + "(formrunner users update \(email) --role agent --team \(team))"
            case .notAuthorized(let message), .invalidChange(let message): return message
            }
        }
    }

    /// The engine for a life cycle of the catalog.
    public func engine(for lifecycleID: String) -> LifecycleEngine? {
        guard let lifecycle = catalog.lifecycles[lifecycleID] else { return nil }
        return LifecycleEngine(lifecycle: lifecycle, calendar: lifecycle.calendar.flatMap { catalog.calendars[$0.id]?.calendar })
    }

    /// Checks `answers` against the form and files a ticket: stored with its history, timers and
    /// confirmation message in one transaction.
    ///
    /// The same answers from the same requester within ``duplicateWindow`` are refused as a duplicate
    /// (``TicketStoreError/duplicateSubmission(existing:)``); with an `idempotencyKey` (a script's,
    /// a web form's token), a second submission with that key is refused however late it comes.
    public func create(formID: String, answers: [String: RawAnswer], requester: Requester, workflowID: String? = nil,
                       account: String? = nil, idempotencyKey: String? = nil, language: String? = nil, at now: Date) async throws -> Ticket {
        guard let form = catalog.forms[formID] else {
            throw Failure.unknownForm(formID, hint: Suggestion.hint(for: formID, in: catalog.forms.keys.sorted()))
        }
        guard AnswerParser.isEmail(requester.email) else { throw Failure.invalidRequester(requester.email) }
        switch FormAnswers(form: form).check(answers) {
        case .success(let checked):
            return try await file(form: form, checked: checked, requester: requester, workflowID: workflowID,
                                  account: account, idempotencyKey: idempotencyKey, language: language, at: now)
        case .failure(let problems):
            throw Failure.invalidAnswers(problems)
        }
    }

    /// Files a ticket from answers already checked against `form` (duplicates as in the other `create`),
    /// in the requester's `language` (`en` when `nil`): its e-mails are written in it.
    public func create(form: FormDefinition, checked: FormAnswers.Checked, requester: Requester, workflowID: String?,
                       account: String?, idempotencyKey: String? = nil, language: String? = nil, at now: Date) async throws -> Ticket {
        guard AnswerParser.isEmail(requester.email) else { throw Failure.invalidRequester(requester.email) }
        return try await file(form: form, checked: checked, requester: requester, workflowID: workflowID,
                              account: account, idempotencyKey: idempotencyKey, language: language, at: now)
    }

    /// The two `create`s once the requester's address is checked.
    private func file(form: FormDefinition, checked: FormAnswers.Checked, requester: Requester, workflowID: String?,
                      account: String?, idempotencyKey: String?, language: String?, at now: Date) async throws -> Ticket {
        let lifecycleID = workflowID.flatMap { catalog.workflows[$0]?.lifecycleID } ?? catalog.lifecycle(forForm: form)?.id
        guard let lifecycleID, let engine = engine(for: lifecycleID) else { throw Failure.noLifecycle(form: form.id) }
        var draft = Ticket(formID: form.id, formVersion: form.version, workflowID: workflowID, lifecycleID: lifecycleID,
                           status: "", title: Self.title(of: form, answers: checked.values), requester: requester,
                           account: account, answers: checked.values, createdAt: now)
        draft.team = form.team
        draft.priority = catalog.priority(of: form, answers: checked.values)
        draft.language = language.flatMap { LocalizedText.supportedLanguages.contains($0) ? $0 : nil }
        let opened = try await withSurveyRound(engine.open(draft, at: now), lifecycle: engine.lifecycle) { [] }
        let clockedOpen = clocked(opened, before: nil, engine: engine)
        let composer = self.composer
        let lifecycle = engine.lifecycle
        // The same answers give the same key: it is computed before secrets are sealed (with a new nonce each time).
        let (submissionKey, recent, storedAnswers) = try await duplicateGuard(clockedOpen.ticket, form: form,
                                                                              idempotencyKey: idempotencyKey, at: now)
        var sealed = clockedOpen
        sealed.ticket.answers = try sealingSecrets(clockedOpen.ticket.answers, form: form, requester: requester.email)
        let outcome = sealed
        var assignment = try await assignmentRequest(for: outcome.ticket, lifecycle: lifecycle, at: now)
        let announcesAssignment = catalog.templates[Self.assignedTemplate] != nil
        let composed = WrittenOutbox()
        let compose: @Sendable (Ticket) throws -> [OutboxMessage] = { stored in
            var requests = outcome.notifications
            if announcesAssignment, let agent = stored.assignee {
                var notice = Self.assignedNotice(to: agent, event: "assign")
                notice.outboxID = Self.assignedOutboxID(ticket: stored.number)
                requests.append(notice)
            }
            // Composed together: the confirmation and the agent's notice share the ticket's part of their context.
            var messages = try composer.compose(requests, ticket: stored, lifecycle: lifecycle, at: now)
            for (index, request) in zip(messages.indices, requests) {
                if let id = request.outboxID { messages[index].id = id }
            }
            // The closure may run more than once (a retried transaction): the last run's are stored.
            _ = composed.take()
            composed.note(messages)
            return messages
        }
        let files = checked.files.mapValues { URL(fileURLWithPath: $0) }
        var created: Ticket?
        // A directory that moved since the staff was read (checked by the store) refuses the create
        // before anything is written: the staff is read again and the create tried once more.
        for attempt in 1...Self.directoryAttempts where created == nil {
            do {
                if let recent, let checking = store as? any RecentTicketsCheckingWriter {
                    created = try await checking.create(outcome.ticket, history: outcome.history, submissionKey: submissionKey,
                                                        files: files, assignment: assignment, checking: recent,
                                                        storedAnswers: storedAnswers, outbox: compose)
                } else {
                    created = try await store.create(outcome.ticket, history: outcome.history, submissionKey: submissionKey,
                                                     files: files, assignment: assignment, outbox: compose)
                }
            } catch is DirectoryMovedError where attempt < Self.directoryAttempts {
                assignment = try await assignmentRequest(for: outcome.ticket, lifecycle: lifecycle, at: now, trustingCache: false)
            }
        }
        written.note(ids: composed.take())
        // The loop ends with a ticket or a throw: its last attempt rethrows.
        return created.unsafelyUnwrapped
    }

    /// How many times a create is tried when the directory keeps moving under it (see
    /// ``directoryCheckedByStore``); the last refusal is thrown.
    static let directoryAttempts = 3

    /// What a transition did.
    public struct TransitionReport: Sendable {
        public var ticket: Ticket
        public var outcome: Outcome
    }

    /// Fires `event` on ticket `number`. Timers that fell due before `now` fire first and are stored
    /// even when the event itself is then refused. `attachments` are added to the ticket and stored
    /// in the same write as the event, and only if it is accepted.
    ///
    /// `origin` names what the event came from (for an e-mail, a token made from its Message-ID, safe
    /// in an outbox id): a requester's event refused on a final ticket is answered (`on_refused`) once per
    /// origin, so the same e-mail handed in twice is not answered twice.
    ///
    /// `person` names who fires an agent's or the system's event: it must be an agent of the ticket's
    /// team or an admin (see ``authorize(_:as:on:)``); the history line records them.
    public func transition(_ number: Int64, event: String, by actor: Actor, person: String? = nil, message: String? = nil,
                           attachments: EventAttachments? = nil, origin: String? = nil,
                           at now: Date) async throws -> TransitionReport {
        guard let ticket = try await store.ticket(number) else { throw Failure.notFound(number) }
        try refuseMerged(ticket)
        guard let engine = engine(for: ticket.lifecycleID) else { throw Failure.noLifecycle(form: ticket.formID) }
        let person = try await authorize(person, as: actor, on: ticket)
        switch engine.apply(event, by: actor, message: message, to: ticket, at: now) {
        case .success(var outcome):
            if let attachments { outcome.ticket = attachments.added(to: outcome.ticket) }
            if let person, let last = outcome.history.indices.last { outcome.history[last].person = person }
            outcome = clocked(outcome, before: ticket, engine: engine)
            try await save(outcome, expecting: ticket.version, engine: engine, at: now, files: attachments?.contents ?? [:])
            return TransitionReport(ticket: outcome.ticket, outcome: outcome)
        case .failure(let refusal):
            if let advanced = refusal.advanced {
                try await save(clocked(advanced, before: ticket, engine: engine), expecting: ticket.version, engine: engine,
                               at: now)
            }
            if refusal.kind == .finalStatus, actor == .requester {
                try await answerRefusal(on: refusal.advanced?.ticket ?? ticket, engine: engine, origin: origin, at: now)
            }
            throw Failure.refused(refusal)
        }
    }

    func save(_ outcome: Outcome, expecting version: Int, engine: LifecycleEngine, at now: Date,
              files: [String: URL] = [:]) async throws {
        let change = try await change(outcome, expecting: version, engine: engine, at: now)
        try await store.update(change.ticket, expectedVersion: version, history: change.history, outbox: change.outbox,
                               files: files)
        written.note(change.outbox)
    }

    /// The write `outcome` makes of a ticket stored at `version` (read as `previous`, if given): its
    /// e-mails composed, the survey round they link to filled in.
    func change(_ outcome: Outcome, expecting version: Int, engine: LifecycleEngine, at now: Date,
                previous: Ticket? = nil) async throws -> TicketChange {
        let store = self.store
        var outcome = outcome
        // Several firings in one outcome are one write: the stored version follows by one.
        outcome.ticket.version = version + 1
        let number = outcome.ticket.number
        outcome = try await withSurveyRound(outcome, lifecycle: engine.lifecycle) {
            try await store.history(number)
        }
        let messages = try outcome.notifications.map {
            try composer.compose($0, ticket: outcome.ticket, lifecycle: engine.lifecycle, at: now)
        }
        return TicketChange(ticket: outcome.ticket, expectedVersion: version, history: outcome.history, outbox: messages,
                            previous: previous)
    }

    /// Tells a requester whose event was refused on a final ticket how to go on (`on_refused`); an
    /// event from an `origin` already answered is not answered again (the answers' outbox ids are
    /// made from the origin).
    private func answerRefusal(on ticket: Ticket, engine: LifecycleEngine, origin: String?, at now: Date) async throws {
        guard !engine.lifecycle.onRefused.isEmpty else { return }
        // Answers already sent for this origin are left out before anything is rendered.
        let sent = origin == nil ? [] : Set(try await store.outbox(for: ticket.number).map(\.id))
        var messages: [OutboxMessage] = []
        for (index, answer) in engine.lifecycle.onRefused.enumerated() {
            let id = origin.map { "refused-\(index)-\($0)" }
            if let id, sent.contains(id) { continue }
            var message = try composer.compose(
                NotificationRequest(recipient: answer.recipient, template: answer.template, event: "refused"),
                ticket: ticket, lifecycle: engine.lifecycle, at: now)
            if let id { message.id = id }
            messages.append(message)
        }
        if messages.isEmpty { return }
        var unchanged = ticket
        unchanged.version += 1
        try await store.update(unchanged, expectedVersion: ticket.version, history: [], outbox: messages)
        written.note(messages)
    }

    /// The outbox id of the e-mail telling its agent about new ticket `number`: made from the number
    /// (one such e-mail a ticket), so that it lands in the outbox's id index beside the ticket's
    /// confirmation (`ticket-N`) instead of on a page of its own, and costs no random id.
    static func assignedOutboxID(ticket number: Int64) -> String {
        "ticket-\(number)-assigned"
    }

    /// The ticket's title: the answer to a `title` field, else the form's title.
    static func title(of form: FormDefinition, answers: [String: AnswerValue]) -> String {
        if case .text(let text)? = answers["title"], !text.isEmpty { return text }
        return form.title.english
    }

}
