import FormrunnerCore
import GRDB

extension SQLiteTicketStore {
    /// One branch per (team, status) — or per status when the queue spans every team — each reading
    /// its first `limit` rows in order from an index, merged by the outer `ORDER BY`.
    public func queue(_ query: TicketQueueQuery) async throws -> [Ticket] {
        guard query.limit > 0, !query.statuses.isEmpty, query.teams?.isEmpty != true else { return [] }
        var branches: [String] = []
        var arguments: StatementArguments = []
        let scopes: [String?] = query.teams ?? [nil]
        for team in scopes {
            for status in query.statuses {
                var conditions = ["status = ?"]
                var values: StatementArguments = [status]
                if let team {
                    conditions.insert("team = ?", at: 0)
                    values = [team] + values
                }
                switch query.assignee {
                case .anyone: break
                case .person(let email):
                    conditions.append("assignee = ?")
                    values += [email]
                case .nobody:
                    conditions.append("assignee IS NULL")
                }
                if let instant = query.breachingAt {
                    // Only a ticket with a due instant can breach: the bound keeps the walk to those.
                    conditions.append("queue_due < ? AND sla_alert <= ?")
                    values += [Ticket.queueNever, instant.millisecondsSince1970]
                }
                branches.append("""
                    SELECT * FROM (SELECT number, queue_due FROM ticket WHERE \(conditions.joined(separator: " AND "))
                                   ORDER BY queue_due, number LIMIT ?)
                    """)
                arguments += values + [query.limit]
            }
        }
        let sql = branches.joined(separator: " UNION ALL ") + " ORDER BY queue_due, number LIMIT ?"
        arguments += [query.limit]
        let all = arguments
        return try await read { db in
            let numbers = try Int64.fetchAll(db, sql: "SELECT number FROM (\(sql))", arguments: all)
            return try TicketRows.tickets(numbered: numbers, in: db)
        }
    }
}
