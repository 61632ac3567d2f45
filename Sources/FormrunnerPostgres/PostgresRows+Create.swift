import FormrunnerCore
import PostgresNIO

/// The statement inserting a new ticket with all its rows: prepared once on each connection, so that
/// a create's PostgreSQL parses and plans nothing. Its text is the same for every ticket: the ticket's
/// columns are binds, its history and outbox rows bound documents (``JSONRecords``), its timers and
/// attachment rows bound arrays, and a part with no row writes nothing.
struct PostgresCreateStatement: PostgresPreparedStatement {
    typealias Row = Int64

    static let name = "formrunner_create_ticket_v1"

    /// The binds, in order: number, submission key, the written ticket columns
    /// (``PostgresRows/writtenColumns``), then the parts' (``Part``).
    static let sql: String = {
        let written = PostgresRows.writtenColumns
        let values = written.enumerated().map { index, column in
            "$\(index + 3)::\(PostgresBatch.columnTypes[column] ?? "text")"
        }
        func bind(_ part: Part) -> String { "$\(written.count + 3 + part.rawValue)" }
        let columns = ["number", "submission_key"] + written
        return """
            WITH new_ticket AS (INSERT INTO ticket (\(columns.joined(separator: ", ")))
                VALUES ($1::bigint, $2::text, \(values.joined(separator: ", "))) RETURNING number),
            new_words AS (INSERT INTO ticket_search_word (ticket_number, words)
                VALUES ($1, array_to_tsvector(\(bind(.searchWords))::text[]))),
            new_history AS (\(PostgresRows.historyInsert(document: bind(.history)))),
            new_timers AS (INSERT INTO timer (ticket_number, event, due_at)
                SELECT $1, * FROM unnest(\(bind(.timerEvents))::text[], \(bind(.timerDues))::bigint[])),
            new_files AS (INSERT INTO attachment (ticket_number, field_id, name, size, media_type, sha256)
                SELECT $1, * FROM unnest(\(bind(.fileFields))::text[], \(bind(.fileNames))::text[],
                    \(bind(.fileSizes))::bigint[], \(bind(.fileTypes))::text[], \(bind(.fileDigests))::text[])),
            new_cursor AS (UPDATE team_cursor SET last_assignee = \(bind(.cursorAgent))::text
                WHERE team = \(bind(.cursorTeam))::text),
            new_outbox AS (\(PostgresRows.outboxInsert(document: bind(.outbox))))
            SELECT (SELECT count(*) FROM new_outbox)::bigint FROM new_ticket
            """
    }()

    /// The binds after the ticket's columns, in order.
    enum Part: Int, CaseIterable {
        case searchWords, history, timerEvents, timerDues, fileFields, fileNames, fileSizes, fileTypes, fileDigests,
             cursorAgent, cursorTeam, outbox

        /// How the part is bound.
        var dataType: PostgresDataType {
            switch self {
            case .searchWords, .timerEvents, .fileFields, .fileNames, .fileTypes, .fileDigests: .textArray
            case .timerDues, .fileSizes: .int8Array
            case .history, .outbox, .cursorAgent, .cursorTeam: .text
            }
        }
    }

    /// Declared rather than read from the first create's binds: a `NULL` bind has no type, and
    /// `$n::integer` would then make the statement take an `integer` where later creates bind a `bigint`.
    static let bindingDataTypes: [PostgresDataType] = [.int8, .text]
        + PostgresRows.writtenColumns.map { column in
            switch PostgresBatch.columnTypes[column] {
            case "bigint", "integer": .int8
            default: .text
            }
        }
        + Part.allCases.map(\.dataType)

    let bindings: PostgresBindings

    /// `ticket` (numbered, in stored form) with its submission key, history, outbox messages (in stored
    /// form) and, for least open's pick, the team cursor to move. `storedAnswers`, when given, is the
    /// ticket's answers as `StoredAnswers.encode` writes them, written as they are.
    init(_ ticket: Ticket, submissionKey: String?, history: [HistoryEntry], outbox: [OutboxMessage],
         cursor: (team: String, agent: String)?, storedAnswers: String? = nil) throws {
        var binds = PostgresBindings(capacity: Self.bindingDataTypes.count)
        binds.append(ticket.number)
        binds.append(submissionKey)
        try PostgresRows.appendTicket(ticket, storedAnswers: storedAnswers, to: &binds)
        binds.append(PostgresSearch.lexemes(of: ticket))
        binds.append(PostgresRows.historyRecords(history.lazy.map { (ticket.number, $0) }).text)
        let timers = ticket.timers
        binds.append(timers.map(\.event))
        binds.append(timers.map(\.dueAt.millisecondsSince1970))
        let files = ticket.attachments
        binds.append(files.map(\.0))
        binds.append(files.map(\.1.name))
        binds.append(files.map { Int64($0.1.size) })
        binds.append(files.map(\.1.mediaType))
        binds.append(files.map { $0.1.sha256.lowercased() })
        // '' when no cursor moves (a team's id is never empty), not `NULL`: see `PostgresCounterStatement`.
        binds.append(cursor?.agent ?? "")
        binds.append(cursor?.team ?? "")
        binds.append(PostgresRows.outboxRecords(outbox).text)
        bindings = binds
    }

    func makeBindings() -> PostgresBindings { bindings }

    func decodeRow(_ row: PostgresRow) throws -> Int64 { try row.decode(Int64.self) }
}

extension PostgresRows {
    /// Inserts a new ticket (numbered, in stored form) with its search words, history, timers, attachment
    /// rows and outbox messages (in stored form) in one prepared statement (``PostgresCreateStatement``):
    /// one round trip. With a `cursor`, the same statement moves that team's cursor (its row exists and
    /// is locked) to the agent. `storedAnswers`: see ``PostgresCreateStatement/init(_:submissionKey:history:outbox:cursor:storedAnswers:)``.
    func insertNew(_ ticket: Ticket, submissionKey: String?, history: [HistoryEntry], outbox: [OutboxMessage],
                   cursor: (team: String, agent: String)? = nil, storedAnswers: String? = nil) async throws {
        var seen: Set<String> = []
        for message in outbox where !seen.insert(message.id).inserted {
            throw TicketStoreError.invalid("outbox message \(message.id) already exists")
        }
        let statement = try PostgresCreateStatement(ticket, submissionKey: submissionKey, history: history,
                                                    outbox: outbox, cursor: cursor, storedAnswers: storedAnswers)
        var inserted: Int64?
        for try await count in try await connection.execute(statement, logger: logger) {
            inserted = count
        }
        guard inserted == Int64(outbox.count) else {
            let taken = try await run(PostgresQuery(
                unsafeSQL: "SELECT id FROM outbox WHERE id = ANY($1) AND ticket_number <> $2",
                binds: { var b = PostgresBindings(); b.append(outbox.map(\.id)); b.append(ticket.number); return b }()))
                .collect().first?.decode(String.self)
            throw TicketStoreError.invalid("outbox message \(taken ?? outbox[0].id) already exists")
        }
    }
}
