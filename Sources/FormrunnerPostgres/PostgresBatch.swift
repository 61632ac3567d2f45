import FormrunnerCore
import PostgresNIO

/// Helpers for statements that write many rows at once (`VALUES (…), (…)` lists and `unnest`).
enum PostgresBatch {
    /// PostgreSQL binds at most 65,535 values a statement.
    static let maximumBinds = 65_535

    /// `items` in slices small enough that `rowWidth` values each fit in one statement.
    static func slices<T>(of items: [T], rowWidth: Int) -> [ArraySlice<T>] {
        let size = max(1, maximumBinds / max(rowWidth, 1))
        return stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
    }

    /// The SQL type of each written ticket column that is not `text`: values in a `VALUES` list carry
    /// no column type, and a column of `NULL`s only would be read as `text`.
    static let columnTypes: [String: String] = {
        var types: [String: String] = ["form_version": "integer", "version": "integer", "reopens": "integer",
                                       "search_words": "text[]", "number": "bigint", "expected": "integer"]
        for column in ["created_at", "updated_at", "last_interaction_at", "status_entered_at", "merged_into", "queue_due",
                       "sla_alert", "first_response_due", "first_response_seconds", "solved_at", "closed_at", "survey_at"] {
            types[column] = "bigint"
        }
        return types
    }()

    /// `x.column` cast to its type.
    static func value(of column: String) -> String {
        "x.\(column)::\(columnTypes[column] ?? "text")"
    }

    /// How many rows one bound document (``JSONRecords``) holds at most: a tick's batch in one statement.
    static let documentRows = 2_000

    /// `items` in slices of at most `size`.
    static func slices<T>(of items: [T], size: Int) -> [ArraySlice<T>] {
        stride(from: 0, to: items.count, by: max(size, 1)).map { items[$0..<min($0 + max(size, 1), items.count)] }
    }

    /// `json_to_recordset($1::json)` (the document bound as `document`) with the column definitions of
    /// `columns` (their types from ``columnTypes``, else `text`); with `ordinality`, in
    /// `ROWS FROM (…) WITH ORDINALITY` so that `x.n` numbers the records in document order.
    static func recordset(_ columns: [String], types: [String: String] = columnTypes, ordinality: Bool = false,
                          document: String = "$1") -> String {
        let definitions = columns.map { "\($0) \(types[$0] ?? "text")" }.joined(separator: ", ")
        guard ordinality else { return "json_to_recordset(\(document)::json) AS x(\(definitions))" }
        return "ROWS FROM (json_to_recordset(\(document)::json) AS (\(definitions))) WITH ORDINALITY AS x(\(columns.joined(separator: ", ")), n)"
    }

    /// The document as the one bind of a statement.
    static func binds(_ records: JSONRecords) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(records.text)
        return binds
    }

    /// One array bound.
    static func binds(_ values: [Int64]) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(values)
        return binds
    }
}

extension PostgresRows {
    /// Writes the tickets of `changes` whose stored version is still the expected one, in one `UPDATE`
    /// reading them from one bound document; returns the numbers written.
    func updateTickets(_ changes: ArraySlice<TicketChange>) async throws -> Set<Int64> {
        var records = JSONRecords(columns: Self.batchTicketColumns)
        for change in changes {
            records.beginRecord()
            records.add(change.ticket.number)
            records.add(change.expectedVersion)
            let keepingText = change.previous.map { $0.title == change.ticket.title && $0.answers == change.ticket.answers } ?? false
            try Self.appendTicket(change.ticket, keepingText: keepingText, to: &records)
            records.add(keepingText ? nil : PostgresSearch.lexemes(of: change.ticket))
            records.endRecord()
        }
        let rows = try await run(PostgresQuery(unsafeSQL: Self.batchTicketUpdate, binds: PostgresBatch.binds(records))).collect()
        return Set(try rows.map { try $0.decode(Int64.self) })
    }

    /// A batch's ticket record: number, expected version, the written columns, then the search words.
    static let batchTicketColumns = ["number", "expected"] + writtenColumns + ["search_words"]

    /// The batch's `UPDATE`, the same text for any number of tickets, then the search words of the
    /// tickets written (``PostgresSearch/upsert(from:)``). `NULL` answers (never stored so) keep what is
    /// stored, and `NULL` search words write nothing: see `appendTicket(_:keepingText:to:)`.
    static let batchTicketUpdate: String = {
        let assignments = writtenColumns.map { column in
            column == "answers" ? "answers = COALESCE(x.answers, ticket.answers)" : "\(column) = x.\(column)"
        }
        return """
            WITH written AS (
                UPDATE ticket SET \(assignments.joined(separator: ", "))
                FROM \(PostgresBatch.recordset(batchTicketColumns))
                WHERE ticket.number = x.number AND ticket.version = x.expected
                RETURNING ticket.number, x.search_words AS words),
            words AS (\(PostgresSearch.upsert(from: "written")))
            SELECT number FROM written
            """
    }()

    /// Appends the history, replaces the timers and attachment rows, and files the outbox messages of
    /// `changes` (tickets already written, outbox in stored form), a few statements for them all.
    func writeDependents(of changes: [TicketChange]) async throws {
        guard !changes.isEmpty else { return }
        let numbers = changes.map(\.ticket.number)
        let history = changes.flatMap { change in change.history.map { (change.ticket.number, $0) } }
        for slice in PostgresBatch.slices(of: history, size: PostgresBatch.documentRows) {
            try await run(PostgresQuery(unsafeSQL: Self.batchHistoryInsert, binds: PostgresBatch.binds(Self.historyRecords(slice))))
        }
        try await run(PostgresQuery(unsafeSQL: "DELETE FROM timer WHERE ticket_number = ANY($1)", binds: PostgresBatch.binds(numbers)))
        let timers = changes.flatMap { change in change.ticket.timers.map { (change.ticket.number, $0) } }
        if !timers.isEmpty {
            try await run("""
                INSERT INTO timer (ticket_number, event, due_at)
                SELECT * FROM unnest(\(timers.map(\.0))::bigint[], \(timers.map(\.1.event))::text[],
                                     \(timers.map(\.1.dueAt.millisecondsSince1970))::bigint[])
                """)
        }
        try await replaceAttachments(of: changes.map(\.ticket))
        try await insertOutbox(many: changes.flatMap(\.outbox))
    }

    /// Adds `messages` (in stored form, ids distinct) in one statement per slice, refusing an id the
    /// outbox already has.
    private func insertOutbox(many messages: [OutboxMessage]) async throws {
        for slice in PostgresBatch.slices(of: messages, size: PostgresBatch.documentRows) {
            let inserted = Set(try await run(PostgresQuery(unsafeSQL: Self.batchOutboxInsert,
                                                           binds: PostgresBatch.binds(Self.outboxRecords(slice))))
                .collect().map { try $0.decode(String.self) })
            if let taken = slice.first(where: { !inserted.contains($0.id) }) {
                throw TicketStoreError.invalid("outbox message \(taken.id) already exists")
            }
        }
    }

    /// Makes the attachment rows of `tickets` match their `files` answers.
    private func replaceAttachments(of tickets: [Ticket]) async throws {
        try await run(PostgresQuery(unsafeSQL: "DELETE FROM attachment WHERE ticket_number = ANY($1)",
                                    binds: PostgresBatch.binds(tickets.map(\.number))))
        let files = tickets.flatMap { ticket in ticket.attachments.map { (ticket.number, $0.0, $0.1) } }
        guard !files.isEmpty else { return }
        try await run("""
            INSERT INTO attachment (ticket_number, field_id, name, size, media_type, sha256)
            SELECT * FROM unnest(\(files.map(\.0))::bigint[], \(files.map(\.1))::text[], \(files.map(\.2.name))::text[],
                                 \(files.map { Int64($0.2.size) })::bigint[], \(files.map(\.2.mediaType))::text[],
                                 \(files.map { $0.2.sha256.lowercased() })::text[])
            """)
    }
}
