import Foundation
import FormrunnerCore
import FormrunnerVault
import Logging
import PostgresNIO

/// The ticket store for several machines: a PostgreSQL database plus a shared folder of attachments.
///
/// Every write is one transaction. Ticket numbers come from a counter row updated in the creating
/// transaction (gap-free, never reused); an `update` checks the version in its `WHERE` clause, so a
/// concurrent writer waits and then finds the version changed. Timers and outbox messages are
/// claimed with `SELECT … FOR UPDATE SKIP LOCKED`, so workers on several machines never fire the same
/// timer or deliver the same message at once. Opening migrates the schema under an advisory lock.
public final class PostgresTicketStore: TicketStore {
    /// Where the store is.
    public let location: PostgresLocation
    /// The folder attachments are kept in.
    public var attachmentsFolder: URL { vault.root }

    /// The connection pool, shared with a ``PostgresIdentityStore`` opened beside this store.
    let client: PostgresClient
    private let runner: Task<Void, Never>
    let vault: AttachmentVault
    let logger: Logger

    /// Connects to the database at `location`, creating or migrating its schema.
    /// - Throws: ``TicketStoreError/unavailable(_:)`` when the server cannot be reached or refuses.
    public static func open(_ location: PostgresLocation) async throws -> PostgresTicketStore {
        let logger = PostgresSchema.quietLogger
        try await PostgresErrors.translated { try await PostgresSchema.migrate(location, logger: logger) }
        return PostgresTicketStore(location: location, configuration: try location.clientConfiguration(), logger: logger)
    }

    private init(location: PostgresLocation, configuration: PostgresClient.Configuration, logger: Logger) {
        self.location = location
        self.logger = logger
        self.vault = AttachmentVault(root: location.attachments)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.runner = Task { await client.run() }
    }

    deinit {
        runner.cancel()
    }

    /// Closes the connections; the store cannot be used afterwards.
    public func close() async {
        runner.cancel()
        await runner.value
    }

    public func create(_ ticket: Ticket, history: [HistoryEntry], submissionKey: String?, files: [String: URL],
                       assignment: AssignmentRequest?,
                       outbox: @Sendable (Ticket) throws -> [OutboxMessage]) async throws -> Ticket {
        try await create(ticket, history: history, submissionKey: submissionKey, files: files, assignment: assignment,
                         check: nil, storedAnswers: nil, outbox: outbox)
    }

    /// `create`, after `check` (when given) in the same transaction; `storedAnswers` is the ticket's
    /// answers as `StoredAnswers.encode` writes them, when the caller has them.
    func create(_ ticket: Ticket, history: [HistoryEntry], submissionKey: String?, files: [String: URL],
                assignment: AssignmentRequest?, check: RecentTicketsCheck?, storedAnswers: String?,
                outbox: @Sendable (Ticket) throws -> [OutboxMessage]) async throws -> Ticket {
        try ticket.requireStorable()
        try vault.store(files, for: ticket)
        var stored = ticket.storedForm
        // Four round trips, with or without assignment: BEGIN; the number, the submission-key check,
        // the directory's change count, the team's cursor (moved to the round robin's pick, or locked
        // for least open) and the requester's latest tickets in one statement; the ticket, all its rows
        // (and least open's cursor move) in one statement of `WITH` parts; COMMIT. Both statements are
        // prepared once on each connection. A duplicate check that finds a candidate reads it whole.
        try await transaction { rows in
            let counter = try await rows.takeCounter(submissionKey: submissionKey, assignment: assignment, check: check)
            if let expected = assignment?.directoryCount, counter.directoryCount != expected {
                throw DirectoryMovedError(expected: expected, found: counter.directoryCount)
            }
            if let check {
                let candidates = counter.recent.filter { check.isCandidate($0.formID, $0.createdAt) }.map(\.number)
                if !candidates.isEmpty, let earlier = try await rows.tickets(numbered: candidates).first(where: check.repeats) {
                    throw TicketStoreError.duplicateSubmission(existing: earlier.number)
                }
            }
            if let existing = counter.existing { throw TicketStoreError.duplicateSubmission(existing: existing) }
            stored.number = counter.number
            var history = history
            var moved: (team: String, agent: String)?
            if let assignment, PostgresRows.picksInCounter(assignment), let agent = counter.cursor {
                let assigned = assignment.assign(stored, to: agent)
                stored = assigned.ticket
                history.append(assigned.entry)
            } else if let assignment, let assigned = try await rows.assign(stored, by: assignment, cursor: counter.cursor) {
                stored = assigned.ticket
                history.append(assigned.entry)
                moved = (assignment.team, assigned.agent)
            }
            let messages = try outbox(stored).map { $0.storedForm(number: counter.number) }
            try await rows.insertNew(stored, submissionKey: submissionKey, history: history, outbox: messages, cursor: moved,
                                     storedAnswers: storedAnswers)
        }
        return stored
    }

    public func ticket(_ number: Int64) async throws -> Ticket? {
        try await read { rows in
            var found: Ticket?
            for try await ticket in try await rows.connection.execute(PostgresTicketStatement(number: number),
                                                                      logger: rows.logger) {
                found = ticket
            }
            return found
        }
    }

    public func update(_ ticket: Ticket, expectedVersion: Int, history: [HistoryEntry], outbox: [OutboxMessage],
                       files: [String: URL]) async throws {
        try ticket.requireVersion(following: expectedVersion)
        try ticket.requireStorable()
        // Content is stored before the row, as in `create`.
        if !files.isEmpty { try vault.store(files, for: ticket) }
        let stored = ticket.storedForm
        try await transaction { rows in
            var binds = PostgresBindings()
            try PostgresRows.appendTicket(stored, to: &binds)
            binds.append(stored.number)
            binds.append(expectedVersion)
            binds.append(PostgresSearch.lexemes(of: stored))
            let count = PostgresRows.writtenColumns.count
            let assignments = zip(PostgresRows.writtenColumns, PostgresRows.placeholders(from: 1)).map { "\($0) = \($1)" }
            // The search words are written only when they changed (see `PostgresSearch.upsert(from:)`).
            let changed = try await rows.run(PostgresQuery(
                unsafeSQL: """
                    WITH written AS (
                        UPDATE ticket SET \(assignments.joined(separator: ", "))
                        WHERE number = $\(count + 1) AND version = $\(count + 2)
                        RETURNING number, $\(count + 3)::text[] AS words),
                    words AS (\(PostgresSearch.upsert(from: "written")))
                    SELECT number FROM written
                    """,
                binds: binds)).collect()
            if changed.isEmpty {
                let actual = try await rows.run("SELECT version FROM ticket WHERE number = \(stored.number)").collect()
                guard let version = try actual.first?.decode(Int.self) else { throw TicketStoreError.notFound(stored.number) }
                throw TicketStoreError.conflict(number: stored.number, expected: expectedVersion, actual: version)
            }
            try await rows.writeDependents(of: stored, history: history)
            try await rows.insertOutbox(outbox.map { $0.storedForm(number: stored.number) })
        }
    }

    public func history(_ number: Int64) async throws -> [HistoryEntry] {
        try await read { rows in
            var entries: [HistoryEntry] = []
            for try await entry in try await rows.connection.execute(PostgresHistoryStatement(number: number), logger: rows.logger) {
                entries.append(entry)
            }
            return entries
        }
    }

    public func list(status: String?, before: Int64?, limit: Int) async throws -> [Ticket] {
        guard limit > 0 else { return [] }
        var conditions: [String] = []
        var binds = PostgresBindings()
        if let status {
            binds.append(status)
            conditions.append("status = $\(binds.count)")
        }
        if let before {
            binds.append(before)
            conditions.append("number < $\(binds.count)")
        }
        binds.append(limit)
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        // The page's numbers first, then their rows. Asked for whole rows at once, the planner walks the
        // primary key backwards and filters by status when a status holds most tickets (closed ones):
        // it assumes they are spread evenly, but they are the oldest, so it read past 50,000 newer
        // tickets for a first page of closed ones at 1M tickets (31 ms). Numbers alone come from the
        // (status, number) index (0.4 ms).
        let query = PostgresQuery(
            unsafeSQL: """
                SELECT \(PostgresRows.ticketColumns) FROM ticket WHERE number IN (
                    SELECT number FROM ticket \(filter) ORDER BY number DESC LIMIT $\(binds.count))
                ORDER BY number DESC
                """,
            binds: binds)
        return try await read { rows in try await rows.tickets(from: try await rows.run(query).collect()) }
    }

    public func count(status: String?) async throws -> Int {
        try await read { rows in
            let query: PostgresQuery = status.map { "SELECT tickets FROM ticket_status_count WHERE status = \($0)" }
                ?? "SELECT COALESCE(sum(tickets), 0)::bigint FROM ticket_status_count"
            return try await rows.run(query).collect().first?.decode(Int.self) ?? 0
        }
    }

    public func search(_ text: String, limit: Int) async throws -> [Ticket] {
        try await TicketSearch.run(text, limit: limit, in: self) { words in
            let query = PostgresSearch.query(words)
            return try await read { rows in
                var numbers: [Int64] = []
                for try await number in try await rows.run("""
                    SELECT ticket_number FROM ticket_search_word WHERE words @@ \(query)::tsquery
                    ORDER BY ticket_number DESC LIMIT \(limit)
                    """).decode(Int64.self) {
                    numbers.append(number)
                }
                return try await rows.tickets(numbered: numbers)
            }
        }
    }

    public func dueTickets(at instant: Date, limit: Int) async throws -> [Int64] {
        guard limit > 0 else { return [] }
        return try await read { rows in
            var numbers: [Int64] = []
            for try await number in try await rows.run("""
                SELECT ticket_number FROM timer WHERE due_at <= \(instant.millisecondsSince1970)
                GROUP BY ticket_number ORDER BY min(due_at), ticket_number LIMIT \(limit)
                """).decode(Int64.self) {
                numbers.append(number)
            }
            return numbers
        }
    }

    public func outbox(for number: Int64) async throws -> [OutboxMessage] {
        try await read { rows in
            try await rows.messages(PostgresQuery(
                unsafeSQL: "SELECT \(PostgresRows.outboxColumns) FROM outbox WHERE ticket_number = $1 ORDER BY created_at, seq",
                binds: Self.binds(number)))
        }
    }

    public func pendingOutbox(at instant: Date, limit: Int) async throws -> [OutboxMessage] {
        guard limit > 0 else { return [] }
        return try await read { rows in
            try await rows.messages(PostgresQuery(
                unsafeSQL: """
                    SELECT \(PostgresRows.outboxColumns) FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= $1
                    ORDER BY created_at, seq LIMIT $2
                    """,
                binds: Self.binds(instant.millisecondsSince1970, Int64(limit))))
        }
    }

    public func markDelivered(_ id: String, at instant: Date) async throws {
        try await changeMessage(id, PostgresQuery(
            unsafeSQL: "UPDATE outbox SET attempts = attempts + 1, delivered_at = $1 WHERE id = $2 RETURNING id",
            binds: Self.binds(instant.millisecondsSince1970, id)))
    }

    public func markFailed(_ id: String, error: String, nextAttemptAt: Date) async throws {
        var binds = PostgresBindings()
        binds.append(error)
        binds.append(nextAttemptAt.millisecondsSince1970)
        binds.append(id)
        try await changeMessage(id, PostgresQuery(
            unsafeSQL: "UPDATE outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2 WHERE id = $3 RETURNING id",
            binds: binds))
    }

    public func claimDueTickets(at instant: Date, limit: Int, until: Date) async throws -> [Int64] {
        guard limit > 0 else { return [] }
        let now = instant.millisecondsSince1970
        // The picked rows are found again by their `ctid` (a TID scan): they are locked, so it cannot
        // change before the update. Joined on (ticket_number, event), the planner hashed the whole
        // timer table for each claim.
        let query: PostgresQuery = """
            UPDATE timer SET claimed_until = \(until.millisecondsSince1970)
            WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM timer
                WHERE due_at <= \(now) AND (claimed_until IS NULL OR claimed_until <= \(now))
                ORDER BY due_at, ticket_number
                LIMIT \(limit)
                FOR UPDATE SKIP LOCKED))
            RETURNING ticket_number, due_at
            """
        return try await read { rows in
            var claimed: [(number: Int64, due: Int64)] = []
            for try await (number, due) in try await rows.run(query).decode((Int64, Int64).self) {
                claimed.append((number, due))
            }
            var seen: Set<Int64> = []
            return claimed.sorted { ($0.due, $0.number) < ($1.due, $1.number) }
                .map(\.number).filter { seen.insert($0).inserted }
        }
    }

    public func claimOutbox(at instant: Date, limit: Int, until: Date) async throws -> [OutboxMessage] {
        guard limit > 0 else { return [] }
        let columns = PostgresRows.outboxColumns.split(separator: ",")
            .map { "outbox." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")
        let query = PostgresQuery(
            unsafeSQL: """
                WITH picked AS (
                    SELECT seq FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= $1
                    ORDER BY created_at, seq
                    LIMIT $2
                    FOR UPDATE SKIP LOCKED)
                UPDATE outbox SET next_attempt_at = $3 FROM picked WHERE outbox.seq = picked.seq
                RETURNING \(columns), outbox.seq
                """,
            binds: Self.binds(instant.millisecondsSince1970, Int64(limit), until.millisecondsSince1970))
        return try await read { rows in
            let claimed = try await rows.run(query).collect()
            return try claimed.map { row in
                (message: try PostgresRows.message(from: row), seq: try row.makeRandomAccess()["seq"].decode(Int64.self))
            }
            .sorted { ($0.message.createdAt, $0.seq) < ($1.message.createdAt, $1.seq) }
            .map(\.message)
        }
    }

    public func nextClaimableInstant() async throws -> Date? {
        try await read { rows in
            let instant = try await rows.run("""
                SELECT LEAST(
                    (SELECT min(due_at) FROM timer WHERE claimed_until IS NULL),
                    (SELECT min(claimed_until) FROM timer WHERE claimed_until IS NOT NULL),
                    (SELECT min(next_attempt_at) FROM outbox WHERE delivered_at IS NULL))
                """).collect().first?.decode(Int64?.self)
            return instant.map(Date.init(millisecondsSince1970:))
        }
    }

    // MARK: - Connections

    /// Runs one outbox `UPDATE … RETURNING id`, refusing an unknown id.
    private func changeMessage(_ id: String, _ query: PostgresQuery) async throws {
        let changed = try await read { rows in try await rows.run(query).collect().count }
        guard changed == 1 else { throw TicketStoreError.messageNotFound(id) }
    }

    /// Runs `body` on a pooled connection outside a transaction (each statement commits by itself).
    func read<T: Sendable>(_ body: (PostgresRows) async throws -> T) async throws -> T {
        let logger = self.logger
        return try await PostgresErrors.translated {
            try await client.withConnection { connection in
                try await body(PostgresRows(connection: connection, logger: logger))
            }
        }
    }

    /// Runs `body` in a transaction, committed if it returns and rolled back if it throws.
    func transaction<T: Sendable>(_ body: (PostgresRows) async throws -> T) async throws -> T {
        try await read { rows in try await rows.inTransaction(body) }
    }

    private static func binds(_ values: any PostgresDynamicTypeEncodable...) -> PostgresBindings {
        var binds = PostgresBindings()
        for value in values { binds.append(value) }
        return binds
    }
}

extension PostgresTicketStore: RecentTicketsCheckingWriter {
    public func create(_ ticket: Ticket, history: [HistoryEntry], submissionKey: String?, files: [String: URL],
                       assignment: AssignmentRequest?, checking check: RecentTicketsCheck, storedAnswers: String?,
                       outbox: @Sendable (Ticket) throws -> [OutboxMessage]) async throws -> Ticket {
        try await create(ticket, history: history, submissionKey: submissionKey, files: files, assignment: assignment,
                         check: check, storedAnswers: storedAnswers, outbox: outbox)
    }
}
