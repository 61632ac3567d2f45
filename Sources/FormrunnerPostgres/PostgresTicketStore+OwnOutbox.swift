import FormrunnerCore
import Foundation
import PostgresNIO

extension PostgresTicketStore {
    public func claimOutbox(ids: [String], at instant: Date, until: Date) async throws -> [OutboxMessage] {
        guard !ids.isEmpty else { return [] }
        let columns = PostgresRows.outboxColumns.split(separator: ",")
            .map { "outbox." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")
        var binds = PostgresBindings()
        binds.append(ids)
        binds.append(instant.millisecondsSince1970)
        binds.append(until.millisecondsSince1970)
        let query = PostgresQuery(
            unsafeSQL: """
                WITH picked AS (
                    SELECT seq FROM outbox WHERE id = ANY($1) AND delivered_at IS NULL AND next_attempt_at <= $2
                    FOR UPDATE SKIP LOCKED)
                UPDATE outbox SET next_attempt_at = $3 FROM picked WHERE outbox.seq = picked.seq
                RETURNING \(columns), outbox.seq
                """,
            binds: binds)
        return try await read { rows in
            let claimed = try await rows.run(query).collect()
            return try claimed.map { row in
                (message: try PostgresRows.message(from: row), seq: try row.makeRandomAccess()["seq"].decode(Int64.self))
            }
            .sorted { ($0.message.createdAt, $0.seq) < ($1.message.createdAt, $1.seq) }
            .map(\.message)
        }
    }
}
