import FormrunnerCore
import PostgresNIO

extension PostgresTicketStore {
    public func list(requester email: String, status: String?, before: Int64?, limit: Int) async throws -> [Ticket] {
        guard limit > 0 else { return [] }
        var binds = PostgresBindings()
        binds.append(UserRecord.normalizedEmail(email))
        var conditions = ["requester_key = $1"]
        if let status {
            binds.append(status)
            conditions.append("status = $\(binds.count)")
        }
        if let before {
            binds.append(before)
            conditions.append("number < $\(binds.count)")
        }
        binds.append(limit)
        // The page's numbers first, from the (requester_key, number) index, then their rows, as in
        // `list(status:before:limit:)`.
        let query = PostgresQuery(
            unsafeSQL: """
                SELECT \(PostgresRows.ticketColumns) FROM ticket WHERE number IN (
                    SELECT number FROM ticket WHERE \(conditions.joined(separator: " AND "))
                    ORDER BY number DESC LIMIT $\(binds.count))
                ORDER BY number DESC
                """,
            binds: binds)
        return try await read { rows in try await rows.tickets(from: try await rows.run(query).collect()) }
    }
}
