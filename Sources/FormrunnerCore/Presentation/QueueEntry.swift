import Foundation

/// One line of an agent's queue as every front end shows it (`formrunner queue`, its `--json`, the
/// portal's desk pages): the ticket's number, priority, status, assignee, title and its reply due.
public struct QueueEntry: Encodable, Hashable, Sendable {
    public var number: Int64
    public var title: String
    public var team: String?
    public var priority: String?
    public var priorityLabel: String?
    public var status: String
    public var statusLabel: String
    public var assignee: String?
    /// When the owed reply is due (``Ticket/queueDue``).
    public var dueAt: Date?
    /// ``dueAt`` in an agent's words (``SLADueText``): "in 2 h 10 min", "breached 35 min ago".
    public var due: String
    /// Whether the SLA warning was reached or the reply is overdue.
    public var breaching: Bool

    enum CodingKeys: String, CodingKey {
        case number, title, team, priority, status, assignee, due, breaching
        case priorityLabel = "priority_label", statusLabel = "status_label", dueAt = "due_at"
    }

    /// The line of `ticket` at `now`, labels from `catalog` in `language`.
    public init(_ ticket: Ticket, catalog: Catalog, at now: Date, language: String = "en") {
        number = ticket.number
        title = ticket.title
        team = ticket.team
        priority = ticket.priority
        priorityLabel = ticket.priority.flatMap { catalog.priorities?.level($0)?.label.text(in: language) }
        status = ticket.status
        statusLabel = catalog.lifecycles[ticket.lifecycleID]?.status(ticket.status)?.label.text(in: language) ?? ticket.status
        assignee = ticket.assignee
        dueAt = ticket.queueDue
        due = SLADueText.text(for: ticket, at: now)
        breaching = ticket.slaAlertAt.map { $0 <= now } ?? false
    }
}
