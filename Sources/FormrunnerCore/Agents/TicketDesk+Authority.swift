import Foundation

extension TicketDesk {
    /// Who fires an event: `person` checked against the ticket's team, normalised; `nil` for the
    /// requester's own events, and for agents' events on a desk that has no agents yet (the way
    /// every desk starts, so that scripts written before agents existed keep working).
    ///
    /// - Throws: ``Failure/notAuthorized(_:)`` when `person` is unknown, is a requester, or is an
    ///   agent of other teams only; or when nobody is named although the desk has agents.
    func authorize(_ person: String?, as actor: Actor, on ticket: Ticket) async throws -> String? {
        guard actor != .requester else { return nil }
        let team = ticket.team
        let teamWords = team.map { " --team \($0)" } ?? ""
        guard let person else {
            guard let people, try await Self.hasStaff(try people()) else { return nil }
            throw Failure.notAuthorized(
                "ticket \(ticket.number)\(team.map { " belongs to team \($0);" } ?? ":") name the agent who acts with "
                + "--user EMAIL (or FORMRUNNER_USER); add one with: formrunner users add EMAIL --name NAME --role agent\(teamWords)")
        }
        let email = UserRecord.normalizedEmail(person)
        guard let people else {
            throw Failure.notAuthorized("\(email) cannot be checked: this desk keeps no users")
        }
        guard let user = try await people().user(email: email) else {
            throw Failure.notAuthorized(
                "there is no user \(email); add the agent with: formrunner users add \(email) --name NAME --role agent\(teamWords)")
        }
        switch user.role {
        case .admin:
            return email
        case .requester:
            throw Failure.notAuthorized(
                "\(email) is a requester, not an agent; make them one with: formrunner users update \(email) --role agent\(teamWords)")
        case .agent:
            guard let team, !user.teams.contains(team) else { return email }
            let theirs = user.teams.isEmpty ? "no team" : "team \(user.teams.joined(separator: ", "))"
            throw Failure.notAuthorized(
                "\(email) is an agent of \(theirs), not of team \(team) that ticket \(ticket.number) belongs to; add the team with: "
                + "formrunner users update \(email)" + (user.teams + [team]).map { " --team \($0)" }.joined())
        }
    }

    /// Whether the directory holds any agent or admin.
    static func hasStaff(_ directory: any UserDirectory) async throws -> Bool {
        try await !directory.staff().isEmpty
    }

    /// The agents (and admins) of `team` who could take a ticket at `instant`, sorted by e-mail.
    func availableAgents(of team: String, at instant: Date) async throws -> [String] {
        try await countedAgents(of: team, at: instant, trustingCache: false).agents
    }

    /// ``availableAgents(of:at:)`` with the directory's change count they are as of. `trustingCache`:
    /// from the staff as last read, without asking the directory, when there is one.
    private func countedAgents(of team: String, at instant: Date,
                               trustingCache: Bool) async throws -> (count: Int64?, agents: [String]) {
        guard let people else { return (nil, []) }
        let count: Int64?, staff: [UserRecord]
        if trustingCache, let kept = staffCache.lastRead() {
            (count, staff) = (kept.count, kept.staff)
        } else {
            (count, staff) = try await staffCache.counted(of: people())
        }
        // Only the e-mails are kept: the staff's records are read where they are, not copied into a
        // filtered array first (a create that assigns lists its team's agents every time).
        var agents: [String] = []
        agents.reserveCapacity(staff.count)
        for user in staff where user.teams.contains(team) && user.isAvailable(at: instant) {
            agents.append(user.email)
        }
        return (count, agents)
    }

    /// How the store should assign `ticket`: its team's rule and available agents; `nil` for a
    /// ticket without a team, a `manual` team, or a desk without people.
    ///
    /// When the store checks the directory's count in its transaction (``directoryCheckedByStore``),
    /// the agents come from the staff as last read, without asking the directory, and the request
    /// carries its count; `trustingCache` false (after ``DirectoryMovedError``) reads it again.
    func assignmentRequest(for ticket: Ticket, lifecycle: LifecycleDefinition, at now: Date,
                           trustingCache: Bool = true) async throws -> AssignmentRequest? {
        guard let id = ticket.team, let team = catalog.teams[id], team.assignment != .manual else { return nil }
        let checked = directoryCheckedByStore
        let (count, agents) = try await countedAgents(of: id, at: now, trustingCache: checked && trustingCache)
        guard !agents.isEmpty else { return nil }
        return AssignmentRequest(team: id, rule: team.assignment, candidates: agents,
                                 settledStatuses: lifecycleFacts.facts(of: lifecycle, in: catalog).settled,
                                 directoryCount: checked ? count : nil)
    }

    /// The statuses in which a ticket is no longer open work: the priorities' `resolved_in` and
    /// the final statuses of `lifecycle`.
    func settledStatuses(of lifecycle: LifecycleDefinition) -> [String] {
        let resolved = catalog.priorities?.resolvedIn.map(\.id) ?? []
        return Array(Set(resolved + lifecycle.statuses.filter(\.isFinal).map(\.id))).sorted()
    }

    /// The template that tells an agent a ticket is theirs.
    static let assignedTemplate = "assigned"

    /// The e-mail to `agent` that a ticket was assigned to them.
    static func assignedNotice(to agent: String, event: String) -> NotificationRequest {
        var request = NotificationRequest(recipient: .agent, template: assignedTemplate, event: event)
        request.address = agent
        return request
    }
}
