extension HistoryEntry {
    /// The desk's own events that only agents see: assignments, priority changes and SLA alerts
    /// (they name agents and internal reasons); never shown to the requester.
    public static let agentOnlyEvents: Set<String> = [
        "assign", "unassign", "priority", TicketDesk.slaWarning, TicketDesk.slaBreach,
    ]

    /// Whether the line is one of ``agentOnlyEvents``.
    public var isAgentOnly: Bool { Self.agentOnlyEvents.contains(event) }
}
