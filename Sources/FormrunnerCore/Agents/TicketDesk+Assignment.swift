import Foundation

extension TicketDesk {
    /// Gives ticket `number` to `agent` (an agent of its team, or an admin), or takes it from its
    /// agent when `agent` is `nil`; `person` is who does it (checked like an agent's event). The
    /// change is in the history and the new assignee is e-mailed (unless they took it themselves).
    ///
    /// - Throws: ``Failure/notFound(_:)``, ``Failure/notAuthorized(_:)``, ``Failure/invalidChange(_:)``
    ///   (the agent cannot work the ticket's team, or nothing would change), ``Failure/refused(_:)``
    ///   for a ticket in a final status.
    @discardableResult
    public func assign(_ number: Int64, to agent: String?, by person: String?, at now: Date) async throws -> Ticket {
        let (ticket, engine) = try await changeable(number)
        let actor = try await authorize(person, as: .agent, on: ticket)
        var target: String?
        if let agent { target = try await assignable(UserRecord.normalizedEmail(agent), to: ticket) }
        if let target, target == ticket.assignee {
            throw Failure.invalidChange("ticket \(number) is already assigned to \(target)")
        }
        if target == nil, ticket.assignee == nil {
            throw Failure.invalidChange("ticket \(number) is not assigned to anyone")
        }
        var next = ticket
        next.assignee = target
        next.updatedAt = now
        next.version = ticket.version + 1
        let message = target.map { "assigned to \($0)" } ?? "unassigned (was \(ticket.assignee ?? ""))"
        var outcome = Outcome(ticket: next, history: [
            HistoryEntry(at: now, actor: .agent, event: target == nil ? "unassign" : "assign", from: ticket.status,
                         to: ticket.status, message: message, person: actor),
        ])
        if let target, target != actor, catalog.templates[Self.assignedTemplate] != nil {
            outcome.notifications.append(Self.assignedNotice(to: target, event: "assign"))
        }
        try await save(clocked(outcome, before: ticket, engine: engine), expecting: ticket.version, engine: engine, at: now)
        return outcome.ticket
    }

    /// Changes the priority of ticket `number` to `priority`, for `reason` (kept in the history);
    /// the SLA clock then counts the new priority's target from when the reply became owed.
    @discardableResult
    public func setPriority(_ number: Int64, to priority: String, reason: String, by person: String?,
                            at now: Date) async throws -> Ticket {
        guard let scheme = catalog.priorities else {
            throw Failure.invalidChange("this catalog declares no priorities (add Workflows/priorities.yaml)")
        }
        guard let level = scheme.level(priority) else {
            throw Failure.invalidChange("unknown priority '\(priority)'"
                                        + Suggestion.hintOrList(for: priority, in: scheme.levels.map(\.id)))
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw Failure.invalidChange("say why the priority changes with --reason TEXT") }
        let (ticket, engine) = try await changeable(number)
        let actor = try await authorize(person, as: .agent, on: ticket)
        guard ticket.priority != level.id else {
            throw Failure.invalidChange("ticket \(number) already has the priority \(level.label.english)")
        }
        let before = ticket.priority.map { scheme.level($0)?.label.english ?? $0 } ?? "none"
        var next = ticket
        next.priority = level.id
        next.updatedAt = now
        next.version = ticket.version + 1
        let outcome = Outcome(ticket: next, history: [
            HistoryEntry(at: now, actor: .agent, event: "priority", from: ticket.status, to: ticket.status,
                         message: "\(before) → \(level.label.english): \(reason)", person: actor),
        ])
        let clockedOutcome = clocked(outcome, before: ticket, engine: engine)
        try await save(clockedOutcome, expecting: ticket.version, engine: engine, at: now)
        return clockedOutcome.ticket
    }

    /// The ticket and its engine, if the ticket exists and is not in a final status.
    private func changeable(_ number: Int64) async throws -> (Ticket, LifecycleEngine) {
        guard let ticket = try await store.ticket(number) else { throw Failure.notFound(number) }
        guard let engine = engine(for: ticket.lifecycleID) else { throw Failure.noLifecycle(form: ticket.formID) }
        if engine.lifecycle.status(ticket.status)?.isFinal == true {
            let label = engine.label(of: ticket.status)
            throw Failure.refused(Refusal(kind: .finalStatus, message:
                "ticket \(number) is \(label); \(label.lowercased()) tickets cannot be reopened or changed — open a new ticket"))
        }
        return (ticket, engine)
    }

    /// `email`, if that user may be given `ticket`: an admin, or an agent of its team.
    private func assignable(_ email: String, to ticket: Ticket) async throws -> String {
        let teamWords = ticket.team.map { " --team \($0)" } ?? ""
        guard let people, let user = try await people().user(email: email) else {
            throw Failure.invalidChange(
                "there is no user \(email); add the agent with: formrunner users add \(email) --name NAME --role agent\(teamWords)")
        }
        if user.role == .admin { return email }
        if user.role == .requester {
            throw Failure.invalidChange(
                "\(email) is a requester and cannot be assigned tickets; make them an agent with: formrunner users update \(email) --role agent\(teamWords)")
        }
        if let team = ticket.team, !user.teams.contains(team) {
            throw Failure.invalidChange(
                "\(email) is not an agent of team \(team), which ticket \(ticket.number) belongs to; add the team with: "
                + "formrunner users update \(email)" + (user.teams + [team]).map { " --team \($0)" }.joined())
        }
        return email
    }
}
