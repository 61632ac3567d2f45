/// What a user may do at the desk: ask for help, work a team's tickets, or act on any ticket.
public enum UserRole: String, CaseIterable, Hashable, Sendable, Codable {
    /// Files tickets and follows their own; the default.
    case requester
    /// Works the tickets of their teams.
    case agent
    /// Acts on every ticket, whatever its team.
    case admin

    /// Whether the role works tickets (agents and admins).
    public var isStaff: Bool { self != .requester }
}
