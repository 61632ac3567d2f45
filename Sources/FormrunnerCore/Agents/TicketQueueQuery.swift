import Foundation

/// Which tickets a queue shows: the store's side of ``TicketDesk/queue(_:at:)``.
///
/// A queue lists the tickets in ``statuses`` (the life cycles' statuses that are not final), narrowed
/// by team, assignee and SLA state, ordered by ``Ticket/queueDue`` (the nearest reply due first;
/// tickets with no due instant last), then by number. Every store orders and filters exactly so
/// (the conformance suite checks it), under an index: a team's queue reads only the rows it returns.
public struct TicketQueueQuery: Hashable, Sendable {
    /// Whose tickets, by assignee.
    public enum Assignee: Hashable, Sendable {
        /// Assigned or not.
        case anyone
        /// Assigned to this person (a normalised e-mail).
        case person(String)
        /// Assigned to nobody.
        case nobody
    }

    /// The statuses a queued ticket may be in; an empty list finds nothing.
    public var statuses: [String]
    /// Only tickets of these teams; `nil` for every ticket, with a team or without.
    public var teams: [String]?
    public var assignee: Assignee
    /// Only tickets breaching at this instant: their ``Ticket/slaAlertAt`` is at or before it.
    public var breachingAt: Date?
    /// At most this many tickets; nothing for a limit below 1.
    public var limit: Int

    public init(statuses: [String], teams: [String]? = nil, assignee: Assignee = .anyone, breachingAt: Date? = nil,
                limit: Int = 100) {
        self.statuses = statuses
        self.teams = teams
        self.assignee = assignee
        self.breachingAt = breachingAt
        self.limit = limit
    }

    /// Whether `ticket` belongs in the queue (the order aside): what every store's query selects.
    public func admits(_ ticket: Ticket) -> Bool {
        guard statuses.contains(ticket.status) else { return false }
        if let teams, !teams.contains(where: { $0 == ticket.team }) { return false }
        switch assignee {
        case .anyone: break
        case .person(let email): if ticket.assignee != email { return false }
        case .nobody: if ticket.assignee != nil { return false }
        }
        if let breachingAt {
            guard let alert = ticket.slaAlertAt, alert <= breachingAt else { return false }
        }
        return true
    }

    /// The queue's order: the nearest due first, tickets without one last, then by number.
    public static func precedes(_ left: Ticket, _ right: Ticket) -> Bool {
        (left.queueDueKey, left.number) < (right.queueDueKey, right.number)
    }
}
