extension HistoryEntry {
    /// The desk's own events that only agents see: assignments, priority changes and SLA alerts
    /// (they name agents and internal reasons); never shown to the requester.
    public static let agentOnlyEvents: Set<String> = [
        "assign", "unassign", "priority", TicketDesk.slaWarning, TicketDesk.slaBreach,
    ]

    /// The event of an internal note (``isInternal``).
    public static let noteEvent = "note"

    /// Whether only agents may see the line: one of ``agentOnlyEvents``, or an internal note.
    public var isAgentOnly: Bool { isInternal || Self.agentOnlyEvents.contains(event) }
}

extension Array where Element == HistoryEntry {
    /// The lines the requester may see: every line but the agent-only ones and internal notes.
    public var requesterView: [HistoryEntry] { filter { !$0.isAgentOnly } }
}
