/// A team of agents that a form's tickets go to (`Workflows/teams.yaml`).
public struct TeamDefinition: Hashable, Sendable {
    /// How a new ticket of the team gets its agent.
    public enum Assignment: String, CaseIterable, Hashable, Sendable {
        /// Each available agent in turn (ordered by e-mail), fair over any number of tickets.
        case roundRobin = "round_robin"
        /// The available agent with the fewest open tickets; ties go round-robin.
        case leastOpen = "least_open"
        /// Nobody: tickets wait in the queue until an agent takes one or is given it.
        case manual
    }

    public var id: String
    public var label: LocalizedText
    public var assignment: Assignment
    /// The business calendar its SLA clocks count in.
    public var calendar: Reference?
    /// Where the team's alerts go when a ticket has no assignee; without it, to each of its agents.
    public var email: String?
    public var location: SourceLocation

    public init(id: String, label: LocalizedText, assignment: Assignment, calendar: Reference?, email: String? = nil,
                location: SourceLocation) {
        self.id = id
        self.label = label
        self.assignment = assignment
        self.calendar = calendar
        self.email = email
        self.location = location
    }
}
