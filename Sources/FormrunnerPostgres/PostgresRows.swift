import Foundation
import FormrunnerCore
import PostgresNIO

/// Reads and writes the rows of tickets, timers, history, outbox and attachments on one connection.
struct PostgresRows {
    let connection: PostgresConnection
    let logger: Logger

    /// The ticket columns read back, in the order ``ticket(from:timers:)`` decodes them.
    static let ticketColumns = """
        number, form_id, form_version, workflow_id, lifecycle_id, status, title, requester_email, requester_name,
        account, answers, created_at, updated_at, last_interaction_at, status_entered_at, version,
        team, priority, assignee, sla, language, merged_into, solved_at, closed_at, reopens
        """

    /// The outbox columns read back, in the order ``message(from:)`` decodes them.
    static let outboxColumns = """
        id, ticket_number, recipient, address, template, subject, body, created_at, attempts, next_attempt_at,
        delivered_at, last_error
        """

    @discardableResult
    func run(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        try await connection.query(query, logger: logger)
    }

    /// Appends the values of the written ticket columns (``writtenColumns``, in the order of
    /// ``Ticket/addStoredValues(answers:to:)``) to `binds` (a statement's binds or a document's record);
    /// with `keepingText` (a batch write of a ticket whose title and answers are as stored), `NULL` for
    /// the answers, which the batch's `UPDATE` then keeps as they are. `storedAnswers`, when given, is
    /// the ticket's answers as `StoredAnswers.encode` writes them (the desk's, for a create), written as
    /// they are. The search words are not among them: they live in `ticket_search_word` (``PostgresSearch/table``).
    static func appendTicket(_ ticket: Ticket, keepingText: Bool = false, storedAnswers: String? = nil,
                             to binds: inout some ColumnValues) throws {
        assert(storedAnswers == nil || storedAnswers == (try? StoredAnswers.encode(ticket.answers)),
               "the stored answers given are not the ticket's")
        try ticket.addStoredValues(answers: keepingText ? nil : storedAnswers ?? StoredAnswers.encode(ticket.answers),
                                   to: &binds)
    }

    /// The written ticket columns, matching ``appendTicket(_:to:)``: the core's.
    static let writtenColumns = Ticket.storedColumns

    /// `$n` placeholders for the written columns.
    static func placeholders(from first: Int) -> [String] {
        writtenColumns.indices.map { "$\(first + $0)" }
    }

    /// Appends `history`, replaces the timers and rewrites the attachment rows of `ticket`.
    func writeDependents(of ticket: Ticket, history: [HistoryEntry]) async throws {
        for entry in history {
            try await run("""
                INSERT INTO history (ticket_number, at, actor, event, from_status, to_status, message, person, internal)
                VALUES (\(ticket.number), \(entry.at.millisecondsSince1970), \(entry.actor.rawValue), \(entry.event),
                        \(entry.from), \(entry.to), \(entry.message), \(entry.person), \(entry.isInternal))
                """)
        }
        try await run("DELETE FROM timer WHERE ticket_number = \(ticket.number)")
        if !ticket.timers.isEmpty {
            try await run("""
                INSERT INTO timer (ticket_number, event, due_at)
                SELECT \(ticket.number), * FROM unnest(\(ticket.timers.map(\.event))::text[],
                                                       \(ticket.timers.map(\.dueAt.millisecondsSince1970))::bigint[])
                """)
        }
        try await run("DELETE FROM attachment WHERE ticket_number = \(ticket.number)")
        for (fieldID, file) in ticket.attachments {
            try await run("""
                INSERT INTO attachment (ticket_number, field_id, name, size, media_type, sha256)
                VALUES (\(ticket.number), \(fieldID), \(file.name), \(file.size), \(file.mediaType),
                        \(file.sha256.lowercased()))
                """)
        }
    }

    /// Adds `messages` (already in stored form), refusing an id the outbox already has.
    func insertOutbox(_ messages: [OutboxMessage]) async throws {
        var seen: Set<String> = []
        for message in messages {
            guard seen.insert(message.id).inserted else {
                throw TicketStoreError.invalid("outbox message \(message.id) already exists")
            }
            let inserted = try await run("""
                INSERT INTO outbox (id, ticket_number, recipient, address, template, subject, body, created_at,
                                    attempts, next_attempt_at, delivered_at, last_error)
                VALUES (\(message.id), \(message.ticketNumber), \(message.recipient.rawValue), \(message.address),
                        \(message.template), \(message.subject), \(message.body),
                        \(message.createdAt.millisecondsSince1970), \(message.attempts),
                        \(message.nextAttemptAt.millisecondsSince1970), \(message.deliveredAt?.millisecondsSince1970),
                        \(message.lastError))
                ON CONFLICT (id) DO NOTHING
                RETURNING id
                """).collect()
            guard !inserted.isEmpty else { throw TicketStoreError.invalid("outbox message \(message.id) already exists") }
        }
    }

    /// The tickets with these numbers, in the order given (unknown numbers are skipped).
    func tickets(numbered numbers: [Int64]) async throws -> [Ticket] {
        guard !numbers.isEmpty else { return [] }
        let rows = try await run(PostgresQuery(unsafeSQL: "SELECT \(Self.ticketColumns) FROM ticket WHERE number = ANY($1)",
                                               binds: Self.binds(numbers))).collect()
        let byNumber = Dictionary(uniqueKeysWithValues: try await tickets(from: rows).map { ($0.number, $0) })
        return numbers.compactMap { byNumber[$0] }
    }

    /// The tickets the rows hold, in row order, each with its timers.
    func tickets(from rows: [PostgresRow]) async throws -> [Ticket] {
        let numbers = try rows.map { try $0.makeRandomAccess()[0].decode(Int64.self) }
        let timers = try await self.timers(for: numbers)
        return try rows.map { row in
            var ticket = try Self.ticket(from: row)
            ticket.timers = timers[ticket.number] ?? []
            return ticket
        }
    }

    /// The order of a ticket's timers wherever they are read: by due time, then event (in byte order).
    static let timerOrder = #"due_at, event COLLATE "C""#

    /// The timers of the tickets with these numbers, by number, each ordered by due time then event.
    func timers(for numbers: [Int64]) async throws -> [Int64: [ArmedTimer]] {
        guard !numbers.isEmpty else { return [:] }
        var timers: [Int64: [ArmedTimer]] = [:]
        let rows = try await run(PostgresQuery(unsafeSQL: """
            SELECT ticket_number, event, due_at FROM timer WHERE ticket_number = ANY($1)
            ORDER BY ticket_number, \(Self.timerOrder)
            """, binds: Self.binds(numbers)))
        for try await (number, event, due) in rows.decode((Int64, String, Int64).self) {
            timers[number, default: []].append(ArmedTimer(event: event, dueAt: Date(millisecondsSince1970: due)))
        }
        return timers
    }

    /// The messages the rows hold.
    func messages(_ query: PostgresQuery) async throws -> [OutboxMessage] {
        try await run(query).collect().map(Self.message(from:))
    }

    private static func binds(_ numbers: [Int64]) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(numbers)
        return binds
    }

    /// The ticket a row of ``ticketColumns`` holds, without its timers.
    static func ticket(from row: PostgresRow) throws -> Ticket {
        let (number, formID, formVersion, workflowID, lifecycleID, status, title, email, name, account, answers,
             createdAt, updatedAt, lastInteractionAt, statusEnteredAt, version) =
            try row.decode((Int64, String, Int, String?, String, String, String, String, String?, String?, String,
                            Int64, Int64, Int64, Int64, Int).self)
        var ticket = Ticket(
            number: number, formID: formID, formVersion: formVersion, workflowID: workflowID, lifecycleID: lifecycleID,
            status: status, title: title, requester: Requester(email: email, name: name), account: account,
            answers: try StoredAnswers.decode(answers), createdAt: Date(millisecondsSince1970: createdAt), version: version,
            timers: [])
        ticket.updatedAt = Date(millisecondsSince1970: updatedAt)
        ticket.lastInteractionAt = Date(millisecondsSince1970: lastInteractionAt)
        ticket.statusEnteredAt = Date(millisecondsSince1970: statusEnteredAt)
        let columns = row.makeRandomAccess()
        ticket.team = try columns[16].decode(String?.self)
        ticket.priority = try columns[17].decode(String?.self)
        ticket.assignee = try columns[18].decode(String?.self)
        ticket.sla = try columns[19].decode(String?.self).map(SLAClock.stored)
        ticket.language = try columns[20].decode(String?.self)
        ticket.mergedInto = try columns[21].decode(Int64?.self)
        ticket.figures = ReportColumns.figures(solvedAt: try columns[22].decode(Int64?.self),
                                               closedAt: try columns[23].decode(Int64?.self),
                                               reopens: try columns[24].decode(Int?.self))
        return ticket
    }

    static func message(from row: PostgresRow) throws -> OutboxMessage {
        let (id, number, recipient, address, template, subject, body, createdAt, attempts, nextAttemptAt, deliveredAt,
             lastError) = try row.decode((String, Int64, String, String, String, String, String, Int64, Int, Int64,
                                          Int64?, String?).self)
        var message = OutboxMessage(id: id, ticketNumber: number, recipient: try actor(recipient), address: address,
                                    template: template, subject: subject, body: body,
                                    createdAt: Date(millisecondsSince1970: createdAt))
        message.attempts = attempts
        message.nextAttemptAt = Date(millisecondsSince1970: nextAttemptAt)
        message.deliveredAt = deliveredAt.map(Date.init(millisecondsSince1970:))
        message.lastError = lastError
        return message
    }

    static func actor(_ name: String) throws -> Actor {
        guard let actor = Actor(rawValue: name) else {
            throw TicketStoreError.unavailable("the stored actor '\(name)' is not requester, agent or system")
        }
        return actor
    }
}
