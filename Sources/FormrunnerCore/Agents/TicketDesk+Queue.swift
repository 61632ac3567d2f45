import Foundation

extension TicketDesk {
    /// What a person asks of the queue (``queue(_:for:at:)``).
    public struct QueueRequest: Hashable, Sendable {
        /// Only these teams; empty: the person's own teams (an agent) or every team (an admin, or nobody named).
        public var teams: [String]
        /// Only tickets assigned to the person.
        public var mine: Bool
        /// Only tickets assigned to nobody.
        public var unassigned: Bool
        /// Only tickets whose SLA warning was reached or whose reply is overdue.
        public var breaching: Bool
        /// At most this many tickets.
        public var limit: Int

        public init(teams: [String] = [], mine: Bool = false, unassigned: Bool = false, breaching: Bool = false,
                    limit: Int = 100) {
            self.teams = teams
            self.mine = mine
            self.unassigned = unassigned
            self.breaching = breaching
            self.limit = limit
        }
    }

    /// The queue `person` asks for: the tickets not in a final status, of the asked teams, sorted by
    /// the nearest reply due (``TicketQueueQuery``).
    ///
    /// Without teams, an agent sees their teams and an admin (or nobody named, at the desk's own
    /// terminal) every ticket. Any agent may look at another team's queue; acting on its tickets is
    /// checked by each action.
    ///
    /// - Throws: ``Failure/invalidChange(_:)`` for an unknown team or `mine` with `unassigned`;
    ///   ``Failure/notAuthorized(_:)`` for `mine` without a person, an unknown person, a requester,
    ///   or an agent of no team asking for their own teams.
    public func queue(_ request: QueueRequest, for person: String?, at now: Date) async throws -> [Ticket] {
        try await store.queue(queueQuery(request, for: person, at: now))
    }

    /// The store query ``queue(_:for:at:)`` runs, after the same checks.
    public func queueQuery(_ request: QueueRequest, for person: String?, at now: Date) async throws -> TicketQueueQuery {
        if request.mine, request.unassigned {
            throw Failure.invalidChange("--mine and --unassigned exclude each other: choose one")
        }
        let teams = try checkedTeams(request.teams)
        let user = try await queueUser(person)
        if request.mine, user == nil {
            throw Failure.notAuthorized("--mine needs to know who you are: name the agent with --user EMAIL (or FORMRUNNER_USER)")
        }
        var scope: [String]? = teams.isEmpty ? nil : teams
        if scope == nil, let user, user.role == .agent {
            guard !user.teams.isEmpty else {
                throw Failure.notAuthorized(
                    "\(user.email) is an agent of no team, so has no queue of their own; add a team with: "
                    + "formrunner users update \(user.email) --team TEAM (or ask for one with --team)")
            }
            scope = user.teams
        }
        let assignee: TicketQueueQuery.Assignee = request.mine ? .person(user?.email ?? "")
            : request.unassigned ? .nobody : .anyone
        return TicketQueueQuery(statuses: queueStatuses, teams: scope, assignee: assignee,
                                breachingAt: request.breaching ? now : nil, limit: request.limit)
    }

    /// The statuses a ticket can be queued in: those of the catalog's life cycles that are not final.
    public var queueStatuses: [String] {
        var statuses: Set<String> = []
        for lifecycle in catalog.lifecycles.values {
            for status in lifecycle.statuses where !status.isFinal { statuses.insert(status.id) }
        }
        return statuses.sorted()
    }

    /// `teams` without repeats, each one a team of the catalog.
    private func checkedTeams(_ teams: [String]) throws -> [String] {
        var unique: [String] = []
        for team in teams where !unique.contains(team) { unique.append(team) }
        guard let first = unique.first else { return [] }
        guard !catalog.teams.isEmpty else {
            throw Failure.invalidChange("the catalog declares no teams (add Workflows/teams.yaml), so '\(first)' cannot be checked")
        }
        for team in unique where catalog.teams[team] == nil {
            throw Failure.invalidChange("unknown team '\(team)'" + Suggestion.hintOrList(for: team, in: catalog.teams.keys.sorted()))
        }
        return unique
    }

    /// The agent or admin `person` names; `nil` when nobody is named.
    private func queueUser(_ person: String?) async throws -> UserRecord? {
        guard let person else { return nil }
        let email = UserRecord.normalizedEmail(person)
        guard let people else { throw Failure.notAuthorized("\(email) cannot be checked: this desk keeps no users") }
        guard let user = try await people().user(email: email) else {
            throw Failure.notAuthorized("there is no user \(email); add the agent with: formrunner users add \(email) --name NAME --role agent --team TEAM")
        }
        guard user.role != .requester else {
            throw Failure.notAuthorized(
                "\(email) is a requester, not an agent: only agents and admins have a queue; make them one with: "
                + "formrunner users update \(email) --role agent --team TEAM")
        }
        return user
    }
}
