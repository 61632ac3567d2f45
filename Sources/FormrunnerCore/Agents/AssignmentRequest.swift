import Foundation

/// How a store should choose a new ticket's agent, inside the transaction that creates it.
///
/// The desk lists the team's available agents; the store supplies what only it knows at that
/// moment — the agent the team's last ticket went to (its cursor) and, for `least_open`, how many
/// open tickets each candidate has — and records the choice as the team's new cursor, so that
/// creates running at the same time never pick from the same state.
public struct AssignmentRequest: Hashable, Sendable {
    public var team: String
    /// ``TeamDefinition/Assignment/roundRobin`` or ``TeamDefinition/Assignment/leastOpen``.
    public var rule: TeamDefinition.Assignment
    /// The available agents' normalised e-mails, sorted.
    public var candidates: [String]
    /// Statuses whose tickets do not count as open work (solved, and final statuses).
    public var settledStatuses: [String]
    /// The user directory's change count (``UserDirectory/changeCount()``) the candidates were read at,
    /// for a store that keeps the directory in its own database and checks the count in the creating
    /// transaction, refusing the create with ``DirectoryMovedError`` when it moved; `nil`: not checked.
    public var directoryCount: Int64?

    public init(team: String, rule: TeamDefinition.Assignment, candidates: [String], settledStatuses: [String],
                directoryCount: Int64? = nil) {
        self.team = team
        self.rule = rule
        // The directory lists its staff sorted by e-mail already: checked in one pass, sorted only when not.
        self.candidates = Self.isSorted(candidates) ? candidates
            : candidates.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        self.settledStatuses = settledStatuses
        self.directoryCount = directoryCount
    }

    /// The candidates in turn after `last` (the team's previous pick), wrapping round.
    public func rotation(after last: String?) -> [String] {
        guard let last, let index = candidates.firstIndex(where: { last.utf8.lexicographicallyPrecedes($0.utf8) })
        else { return candidates }
        return Array(candidates[index...] + candidates[..<index])
    }

    /// The agent to assign: the next in turn, or (least open) the one with the fewest open tickets,
    /// ties going to the next in turn; `nil` when there is no candidate.
    ///
    /// The candidates are walked in turn where they are (``rotation(after:)``'s order), without
    /// making the rotated list: a create that assigns chooses every time.
    public func choose(last: String?, openCounts: [String: Int]) -> String? {
        guard !candidates.isEmpty else { return nil }
        let first = last.flatMap { last in candidates.firstIndex { last.utf8.lexicographicallyPrecedes($0.utf8) } }
            ?? candidates.startIndex
        switch rule {
        case .leastOpen:
            // The first in turn with the fewest: a later one replaces it only with strictly fewer.
            var chosen = candidates[first], fewest = openCounts[chosen] ?? 0
            for offset in 1..<candidates.count {
                let candidate = candidates[(first + offset) % candidates.count]
                let open = openCounts[candidate] ?? 0
                if open < fewest { (chosen, fewest) = (candidate, open) }
            }
            return chosen
        case .roundRobin, .manual:
            return candidates[first]
        }
    }

    /// Whether `emails` are in ascending order of their UTF-8 bytes (the order ``candidates`` keeps).
    static func isSorted(_ emails: [String]) -> Bool {
        zip(emails, emails.dropFirst()).allSatisfy { !$1.utf8.lexicographicallyPrecedes($0.utf8) }
    }

    /// `ticket` assigned to `agent`, and the history line that says so.
    public func assign(_ ticket: Ticket, to agent: String) -> (ticket: Ticket, entry: HistoryEntry) {
        var assigned = ticket
        assigned.assignee = agent
        let how = rule == .leastOpen ? "fewest open tickets" : "round robin"
        return (assigned, HistoryEntry(at: ticket.createdAt, actor: .system, event: "assign", from: ticket.status,
                                       to: ticket.status, message: "assigned to \(agent) (\(how) in team \(team))"))
    }
}
