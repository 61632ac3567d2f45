import Foundation

/// Checks the lines of an import file against the catalog, as `tickets create` checks its answers,
/// and makes each valid line the ticket a store writes (see ``ImportedTicket``).
///
/// A line is one JSON object: `form`, `requester` and `answers` as for `tickets create` (with
/// `name`, `account`, `workflow`, `language`), and, for tickets that come from another system,
/// `status`, `created_at`, `updated_at`, `history`, `priority`, `team`, `assignee` and `external_id`.
/// Every problem of a line is reported, not only the first.
public struct TicketImportChecker: Sendable {
    public let desk: TicketDesk
    /// The instant of the import: the default creation time, and the limit no instant may pass.
    public let now: Date
    /// The desk's agents and admins by e-mail; `nil` when the desk keeps no users.
    let staff: [String: UserRecord]?

    /// The keys a line may have.
    public static let keys = ["form", "requester", "name", "answers", "account", "workflow", "language", "status",
                              "created_at", "updated_at", "history", "priority", "team", "assignee", "external_id"]
    /// The longest `external_id`.
    public static let maximumExternalID = 200

    /// A checker for `desk` at `now`; reads the desk's agents once, when it has a directory.
    public init(desk: TicketDesk, now: Date) async throws {
        self.desk = desk
        self.now = now
        if let people = desk.people {
            let users = try await people().staff()
            staff = Dictionary(users.map { (UserRecord.normalizedEmail($0.email), $0) }) { first, _ in first }
        } else {
            staff = nil
        }
    }

    /// The ticket a line (one JSON object) makes, or every problem with it.
    public func check(_ line: Data) -> Result<ImportedTicket, ImportProblems> {
        switch ImportJSON.object(in: line) {
        case .failure(let problem): return .failure(ImportProblems([problem]))
        case .success(let object): return check(object)
        }
    }

    /// The ticket `object` makes, or every problem with it.
    public func check(_ object: [String: ImportJSON]) -> Result<ImportedTicket, ImportProblems> {
        var fields = ImportFields(object)
        for key in object.keys.sorted() where !Self.keys.contains(key) {
            fields.problems.append(ImportProblem("unknown key '\(key)'" + Suggestion.hintOrList(for: key, in: Self.keys)))
        }
        let catalog = desk.catalog
        let formID = fields.string("form", required: true)
        let requester = fields.string("requester", required: true)
        let name = fields.string("name"), account = fields.string("account"), workflowID = fields.string("workflow")
        let language = fields.string("language"), externalID = fields.string("external_id")
        let raw = fields.answers()
        if let requester, !AnswerParser.isEmail(requester) {
            fields.problems.append(ImportProblem(TicketDesk.Failure.invalidRequester(requester).description))
        }
        if let language, !LocalizedText.supportedLanguages.contains(language) {
            fields.problems.append(ImportProblem("unknown language '\(language)'"
                                                 + Suggestion.hintOrList(for: language, in: LocalizedText.supportedLanguages)))
        }
        if let externalID, externalID.isEmpty || externalID.count > Self.maximumExternalID {
            fields.problems.append(ImportProblem("'external_id' must have 1 to \(Self.maximumExternalID) characters"))
        }
        if let workflowID, catalog.workflows[workflowID] == nil {
            fields.problems.append(ImportProblem("unknown workflow '\(workflowID)'"
                                                 + Suggestion.hintOrList(for: workflowID, in: catalog.workflows.keys.sorted())))
        }
        guard let formID else { return .failure(ImportProblems(fields.problems)) }
        guard let form = catalog.forms[formID] else {
            fields.problems.append(ImportProblem(TicketDesk.Failure.unknownForm(
                formID, hint: Suggestion.hint(for: formID, in: catalog.forms.keys.sorted())).description))
            return .failure(ImportProblems(fields.problems))
        }
        var checked: FormAnswers.Checked?
        switch FormAnswers(form: form).check(raw) {
        case .success(let answers): checked = answers
        case .failure(let problems):
            fields.problems += problems.problems.map { ImportProblem("the answers are not valid: \($0)") }
        }
        let lifecycleID = workflowID.flatMap { catalog.workflows[$0]?.lifecycleID } ?? catalog.lifecycle(forForm: form)?.id
        guard let lifecycleID, let engine = desk.engine(for: lifecycleID) else {
            fields.problems.append(ImportProblem(TicketDesk.Failure.noLifecycle(form: form.id).description))
            return .failure(ImportProblems(fields.problems))
        }
        let team = fields.string("team") ?? form.team
        let priorityID = fields.string("priority"), assigneeEmail = fields.string("assignee")
        let priority = checkedPriority(priorityID, problems: &fields.problems)
        let assignee = checkedAssignee(assigneeEmail, team: team, problems: &fields.problems)
        if catalog.teams[team] == nil, object["team"] != nil {
            fields.problems.append(ImportProblem("unknown team '\(team)'" + Suggestion.hintOrList(for: team, in: catalog.teams.keys.sorted())))
        }
        let timeline = ImportTimeline(fields: &fields, lifecycle: engine.lifecycle, now: now)
        guard fields.problems.isEmpty, let checked, let requester, let timeline else { return .failure(ImportProblems(fields.problems)) }

        var ticket = Ticket(formID: form.id, formVersion: form.version, workflowID: workflowID, lifecycleID: lifecycleID,
                            status: timeline.status, title: TicketDesk.title(of: form, answers: checked.values),
                            requester: Requester(email: requester, name: name), account: account, answers: checked.values,
                            createdAt: timeline.createdAt)
        ticket.updatedAt = timeline.updatedAt
        ticket.lastInteractionAt = timeline.lastInteractionAt
        ticket.statusEnteredAt = timeline.statusEnteredAt
        ticket.team = team
        ticket.priority = priority ?? catalog.priority(of: form, answers: checked.values)
        ticket.assignee = assignee
        ticket.language = language
        ticket.timers = engine.timers(for: ticket)
        ticket = desk.clocked(Outcome(ticket: ticket, history: timeline.history), before: nil, engine: engine).ticket
        let key = externalID.map { TicketImporter.externalKeyPrefix + $0 }
            ?? "import:digest:\(TicketDesk.submissionDigest(ticket, form: form)):\(ticket.createdAt.millisecondsSince1970)"
        do {
            ticket.answers = try desk.sealingSecrets(ticket.answers, form: form, requester: requester)
        } catch {
            return .failure(ImportProblems([ImportProblem(String(describing: error))]))
        }
        return .success(ImportedTicket(ticket: ticket, history: timeline.history, submissionKey: key,
                                       files: checked.files.mapValues { URL(fileURLWithPath: $0) }))
    }

    /// The priority named on the line, if the catalog has it.
    private func checkedPriority(_ priority: String?, problems: inout [ImportProblem]) -> String? {
        guard let priority else { return nil }
        guard let scheme = desk.catalog.priorities else {
            problems.append(ImportProblem("this catalog declares no priorities (add Workflows/priorities.yaml)"))
            return nil
        }
        guard let level = scheme.level(priority) else {
            problems.append(ImportProblem("unknown priority '\(priority)'" + Suggestion.hintOrList(for: priority, in: scheme.levels.map(\.id))))
            return nil
        }
        return level.id
    }

    /// The assignee named on the line, if they are an admin or an agent of `team`.
    private func checkedAssignee(_ email: String?, team: String, problems: inout [ImportProblem]) -> String? {
        guard let email else { return nil }
        let address = UserRecord.normalizedEmail(email)
        let teamWords = " --team \(team)"
        guard let user = staff?[address] else {
            problems.append(ImportProblem(
                "there is no agent \(address); add the agent with: formrunner users add \(address) --name NAME --role agent\(teamWords)"))
            return nil
        }
        if user.role != .admin, !user.teams.contains(team) {
            problems.append(ImportProblem("\(address) is not an agent of team \(team); add the team with: formrunner users update \(address)"
                                          + (user.teams + [team]).map { " --team \($0)" }.joined()))
            return nil
        }
        return address
    }
}
