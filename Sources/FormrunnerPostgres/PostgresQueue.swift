import FormrunnerCore
import Logging
import PostgresNIO

/// The queue's columns, indexes and query (migration "v9 queue index"), as in the SQLite store:
/// `queue_due` is ``Ticket/queueDueKey`` and `sla_alert` ``Ticket/slaAlertKey`` (milliseconds, or
/// `Ticket.queueNever` for none, so that tickets without a due instant sort last).
enum PostgresQueue {
    static let columns = [
        """
        ALTER TABLE ticket ADD COLUMN queue_due BIGINT NOT NULL DEFAULT \(Ticket.queueNever),
            ADD COLUMN sla_alert BIGINT NOT NULL DEFAULT \(Ticket.queueNever)
        """,
    ]

    /// Each index leads with what a queue is narrowed by and the status, then follows the queue's order.
    static let indexes = [
        "CREATE INDEX ticket_queue_team ON ticket (team, status, queue_due, number)",
        "CREATE INDEX ticket_queue_assignee ON ticket (assignee, status, queue_due, number)",
        "CREATE INDEX ticket_queue_status ON ticket (status, queue_due, number)",
    ]

    /// Fills the columns of the tickets that have an SLA clock.
    @Sendable
    static func backfill(_ connection: PostgresConnection, logger: Logger) async throws {
        let rows = PostgresRows(connection: connection, logger: logger)
        let found = try await rows.run(PostgresQuery(
            unsafeSQL: "SELECT \(PostgresRows.ticketColumns) FROM ticket WHERE sla IS NOT NULL")).collect()
        for ticket in try await rows.tickets(from: found) {
            try await rows.run("""
                UPDATE ticket SET queue_due = \(ticket.queueDueKey), sla_alert = \(ticket.slaAlertKey)
                WHERE number = \(ticket.number)
                """)
        }
    }

    /// The numbers of the tickets `query` selects, in order: one branch per (team, status), or per
    /// status for every team, each reading its first rows from an index, merged by the outer sort.
    static func numbers(_ query: TicketQueueQuery) -> PostgresQuery? {
        guard query.limit > 0, !query.statuses.isEmpty, query.teams?.isEmpty != true else { return nil }
        var binds = PostgresBindings()
        func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        var branches: [String] = []
        for team in query.teams.map({ $0.map(Optional.some) }) ?? [nil] {
            for status in query.statuses {
                var conditions: [String] = []
                if let team { conditions.append("team = \(bind(team))") }
                conditions.append("status = \(bind(status))")
                switch query.assignee {
                case .anyone: break
                case .person(let email): conditions.append("assignee = \(bind(email))")
                case .nobody: conditions.append("assignee IS NULL")
                }
                if let instant = query.breachingAt {
                    // Only a ticket with a due instant can breach: the bound keeps the walk to those.
                    conditions.append("queue_due < \(bind(Ticket.queueNever))")
                    conditions.append("sla_alert <= \(bind(instant.millisecondsSince1970))")
                }
                branches.append("""
                    (SELECT number, queue_due FROM ticket WHERE \(conditions.joined(separator: " AND "))
                     ORDER BY queue_due, number LIMIT \(bind(query.limit)))
                    """)
            }
        }
        let limit = bind(query.limit)
        return PostgresQuery(
            unsafeSQL: "SELECT number FROM (\(branches.joined(separator: " UNION ALL "))) AS queued ORDER BY queue_due, number LIMIT \(limit)",
            binds: binds)
    }
}
