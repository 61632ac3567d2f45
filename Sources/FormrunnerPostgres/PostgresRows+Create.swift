import FormrunnerCore
import PostgresNIO

extension PostgresRows {
    /// `VALUES` rows for `entries` (ticket number, line), their values appended to `binds`.
    static func historyValues(_ entries: some Collection<(Int64, HistoryEntry)>, into binds: inout PostgresBindings) -> String {
        var values: [String] = []
        for (number, entry) in entries {
            let first = binds.count + 1
            entry.addStoredValues(ticket: number, to: &binds)
            values.append("($\(first)::bigint, $\(first + 1)::bigint, $\(first + 2)::text, $\(first + 3)::text, "
                          + "$\(first + 4)::text, $\(first + 5)::text, $\(first + 6)::text, $\(first + 7)::text, $\(first + 8)::boolean)")
        }
        return values.joined(separator: ", ")
    }

    /// `VALUES` rows for `messages` (in stored form), their values appended to `binds`.
    static func outboxValues(_ messages: some Collection<OutboxMessage>, into binds: inout PostgresBindings) -> String {
        var values: [String] = []
        for message in messages {
            let first = binds.count + 1
            message.addStoredValues(to: &binds)
            values.append("($\(first)::text, $\(first + 1)::bigint, $\(first + 2)::text, $\(first + 3)::text, $\(first + 4)::text, "
                          + "$\(first + 5)::text, $\(first + 6)::text, $\(first + 7)::bigint, $\(first + 8)::integer, "
                          + "$\(first + 9)::bigint, $\(first + 10)::bigint, $\(first + 11)::text)")
        }
        return values.joined(separator: ", ")
    }

    static let historyColumns = "ticket_number, at, actor, event, from_status, to_status, message, person, internal"
    static let outboxInsertColumns = """
        id, ticket_number, recipient, address, template, subject, body, created_at, attempts, next_attempt_at,
        delivered_at, last_error
        """

    /// Inserts a new ticket (numbered, in stored form) with its search words, history, timers, attachment
    /// rows and outbox messages (in stored form) in one statement of data-modifying `WITH` parts: one round trip.
    /// With a `cursor`, the same statement moves that team's cursor (its row exists and is locked) to the agent.
    func insertNew(_ ticket: Ticket, submissionKey: String?, history: [HistoryEntry], outbox: [OutboxMessage],
                   cursor: (team: String, agent: String)? = nil) async throws {
        var seen: Set<String> = []
        for message in outbox where !seen.insert(message.id).inserted {
            throw TicketStoreError.invalid("outbox message \(message.id) already exists")
        }
        var binds = PostgresBindings()
        binds.append(ticket.number)
        binds.append(submissionKey)
        try Self.appendTicket(ticket, to: &binds)
        let columns = ["number", "submission_key"] + Self.writtenColumns
        var parts = ["""
            new_ticket AS (INSERT INTO ticket (\(columns.joined(separator: ", ")))
                VALUES (\((["$1", "$2"] + Self.placeholders(from: 3)).joined(separator: ", "))) RETURNING number)
            """]
        binds.append(PostgresSearch.lexemes(of: ticket))
        parts.append("""
            new_words AS (INSERT INTO ticket_search_word (ticket_number, words)
                VALUES ($1, array_to_tsvector($\(binds.count)::text[])))
            """)
        if !history.isEmpty {
            let values = Self.historyValues(history.map { (ticket.number, $0) }, into: &binds)
            parts.append("new_history AS (INSERT INTO history (\(Self.historyColumns)) VALUES \(values))")
        }
        if !ticket.timers.isEmpty {
            var rows: [String] = []
            for timer in ticket.timers {
                binds.append(timer.event)
                binds.append(timer.dueAt.millisecondsSince1970)
                rows.append("($1, $\(binds.count - 1)::text, $\(binds.count)::bigint)")
            }
            parts.append("new_timers AS (INSERT INTO timer (ticket_number, event, due_at) VALUES \(rows.joined(separator: ", ")))")
        }
        let files = ticket.attachments
        if !files.isEmpty {
            var rows: [String] = []
            for (fieldID, file) in files {
                let first = binds.count + 1
                binds.append(fieldID)
                binds.append(file.name)
                binds.append(file.size)
                binds.append(file.mediaType)
                binds.append(file.sha256.lowercased())
                rows.append("($1, $\(first)::text, $\(first + 1)::text, $\(first + 2)::bigint, $\(first + 3)::text, $\(first + 4)::text)")
            }
            parts.append("""
                new_files AS (INSERT INTO attachment (ticket_number, field_id, name, size, media_type, sha256)
                    VALUES \(rows.joined(separator: ", ")))
                """)
        }
        if let cursor {
            binds.append(cursor.agent)
            binds.append(cursor.team)
            parts.append("new_cursor AS (UPDATE team_cursor SET last_assignee = $\(binds.count - 1)::text WHERE team = $\(binds.count)::text)")
        }
        var outboxCount = "0"
        if !outbox.isEmpty {
            let values = Self.outboxValues(outbox, into: &binds)
            parts.append("""
                new_outbox AS (INSERT INTO outbox (\(Self.outboxInsertColumns)) VALUES \(values)
                    ON CONFLICT (id) DO NOTHING RETURNING id)
                """)
            outboxCount = "(SELECT count(*) FROM new_outbox)"
        }
        let inserted = try await run(PostgresQuery(
            unsafeSQL: "WITH \(parts.joined(separator: ",\n")) SELECT \(outboxCount)::bigint FROM new_ticket",
            binds: binds)).collect().first?.decode(Int64.self)
        guard inserted == Int64(outbox.count) else {
            let taken = try await run(PostgresQuery(
                unsafeSQL: "SELECT id FROM outbox WHERE id = ANY($1) AND ticket_number <> $2",
                binds: { var b = PostgresBindings(); b.append(outbox.map(\.id)); b.append(ticket.number); return b }()))
                .collect().first?.decode(String.self)
            throw TicketStoreError.invalid("outbox message \(taken ?? outbox[0].id) already exists")
        }
    }
}
