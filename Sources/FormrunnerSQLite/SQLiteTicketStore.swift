import Foundation
import FormrunnerCore
import FormrunnerVault
import GRDB

/// The embedded default ticket store: one SQLite file (WAL mode) plus a folder of attachments.
///
/// Several processes may use the same file at once: opening and migrating are serialised by an
/// exclusive `flock` on `<path>.lock`, every write is an immediate transaction, and a busy database
/// is waited for (up to ``busyTimeout``) rather than reported. Instants are stored as INTEGER
/// milliseconds since 1970 (rounded to the nearest); attachments are kept content-addressed in
/// `<folder of the file>/<file name without extension>.files/<sha[0..2]>/<sha>`.
public final class SQLiteTicketStore: TicketStore {
    /// How long a write waits for another connection or process to finish before giving up.
    public static let busyTimeout: TimeInterval = 5

    /// The database file.
    public let path: String
    /// The folder attachments are kept in.
    public var attachmentsFolder: URL { vault.root }

    private let pool: DatabasePool
    let vault: AttachmentVault
    /// The team cursors as the writer connection last committed them (see ``TeamCursorMemory``).
    let cursorMemory = TeamCursorMemory()

    /// Opens the store at `path` (relative to the working directory), creating the file, its parent
    /// folders and its schema when missing, and migrating an older schema.
    public init(path: String) throws {
        let file = URL(fileURLWithPath: path).standardizedFileURL
        self.path = file.path
        self.vault = AttachmentVault(root: file.deletingLastPathComponent().appendingPathComponent(
            file.deletingPathExtension().lastPathComponent + ".files", isDirectory: true))
        self.pool = try DatabaseFile.openPool(at: file, label: "formrunner.tickets")
    }

    public func create(_ ticket: Ticket, history: [HistoryEntry], submissionKey: String?, files: [String: URL],
                       assignment: AssignmentRequest?,
                       outbox: @Sendable (Ticket) throws -> [OutboxMessage]) async throws -> Ticket {
        try await create(ticket, history: history, submissionKey: submissionKey, files: files, assignment: assignment,
                         check: nil, outbox: outbox)
    }

    /// `create`, after `check` (when given) in the same transaction; `storedAnswers` is the ticket's
    /// answers as `StoredAnswers.encode` writes them, when the caller has them.
    func create(_ ticket: Ticket, history: [HistoryEntry], submissionKey: String?, files: [String: URL],
                assignment: AssignmentRequest?, check: RecentTicketsCheck?, storedAnswers: String? = nil,
                outbox: @Sendable (Ticket) throws -> [OutboxMessage]) async throws -> Ticket {
        try ticket.requireStorable()
        // The submission key is checked in the writing transaction only, by the insert (see
        // `TicketWrites.insert`): one transaction a ticket.
        try vault.store(files, for: ticket)
        let memory = cursorMemory
        return try await writeKeepingCursors { db in
            if let expected = assignment?.directoryCount {
                // Read unless this connection's last commit found the same count and nothing was committed since.
                if memory.directoryCount(in: db) != expected { try Self.requireDirectoryCount(expected, in: db) }
                memory.checkedDirectory(count: expected)
            }
            if let check { try RecentTickets.refuseRepeated(check, in: db) }
            var stored = ticket.storedForm
            var history = history
            let choice = try assignment.flatMap { try TeamCursor.choose(by: $0, memory: memory, in: db) }
            if let assignment, let choice {
                let assigned = assignment.assign(stored, to: choice.agent)
                stored = assigned.ticket
                history.append(assigned.entry)
            }
            stored.number = try TicketWrites.insert(stored, submissionKey: submissionKey, history: history,
                                                    storedAnswers: storedAnswers,
                                                    autoAssigned: choice.map { ($0.team, $0.agent) }, in: db)
            if let choice { try TeamCursor.record(choice, number: stored.number, memory: memory, in: db) }
            try OutboxRows.insert(try outbox(stored).map { $0.storedForm(number: stored.number) }, in: db)
            return stored
        }
    }

    public func ticket(_ number: Int64) async throws -> Ticket? {
        try await read { db in try TicketRows.tickets(numbered: [number], in: db).first }
    }

    public func update(_ ticket: Ticket, expectedVersion: Int, history: [HistoryEntry], outbox: [OutboxMessage],
                       files: [String: URL]) async throws {
        try ticket.requireVersion(following: expectedVersion)
        try ticket.requireStorable()
        // Content is stored before the row, as in `create`.
        if !files.isEmpty { try vault.store(files, for: ticket) }
        let stored = ticket.storedForm
        try await write { db in
            guard try TicketWrites.update(stored, expectedVersion: expectedVersion, history: history,
                                          outbox: outbox, in: db) else {
                throw TicketStoreError.conflict(number: stored.number, expected: expectedVersion,
                                                actual: try TicketWrites.storedVersion(of: stored.number, in: db))
            }
        }
    }

    public func history(_ number: Int64) async throws -> [HistoryEntry] {
        try await read { db in try HistoryRows.fetch(number, in: db) }
    }

    public func list(status: String?, before: Int64?, limit: Int) async throws -> [Ticket] {
        guard limit > 0 else { return [] }
        // Only the conditions that apply: `(? IS NULL OR status = ?)` would hide the
        // (status, number) index from SQLite, which then scans the whole table.
        var conditions: [String] = []
        var values: StatementArguments = []
        if let status {
            conditions.append("status = ?")
            values += [status]
        }
        if let before {
            conditions.append("number < ?")
            values += [before]
        }
        let arguments = values + [limit]
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try await read { db in
            // Cached: compiling `SELECT *` asks GRDB's authorizer about every column, each time.
            let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM ticket \(filter) ORDER BY number DESC LIMIT ?"),
                                        arguments: arguments)
            return try TicketRows.tickets(from: rows, in: db)
        }
    }

    public func list(requester email: String, status: String?, before: Int64?, limit: Int) async throws -> [Ticket] {
        guard limit > 0 else { return [] }
        // As in `list(status:before:limit:)`, only the conditions that apply, so that SQLite walks the
        // (requester_key, number) index.
        var conditions = ["requester_key = ?"]
        var values: StatementArguments = [UserRecord.normalizedEmail(email)]
        if let status {
            conditions.append("status = ?")
            values += [status]
        }
        if let before {
            conditions.append("number < ?")
            values += [before]
        }
        let arguments = values + [limit]
        let filter = "WHERE " + conditions.joined(separator: " AND ")
        return try await read { db in
            // Cached: every create reads the requester's latest tickets (the duplicate check).
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM ticket INDEXED BY ticket_requester_number \(filter) ORDER BY number DESC LIMIT ?"),
                arguments: arguments)
            return try TicketRows.tickets(from: rows, in: db)
        }
    }

    public func count(status: String?) async throws -> Int {
        try await read { db in try StatusCounters.count(status: status, in: db) }
    }

    public func search(_ text: String, limit: Int) async throws -> [Ticket] {
        try await TicketSearch.run(text, limit: limit, in: self) { words in
            try await read { db in
                try TicketRows.tickets(numbered: try SearchIndex.numbers(matching: words, limit: limit, in: db), in: db)
            }
        }
    }

    public func dueTickets(at instant: Date, limit: Int) async throws -> [Int64] {
        guard limit > 0 else { return [] }
        return try await read { db in
            try Timers.due(atMilliseconds: instant.millisecondsSince1970, limit: limit, in: db)
        }
    }

    public func outbox(for number: Int64) async throws -> [OutboxMessage] {
        try await read { db in try OutboxRows.fetch(for: number, in: db) }
    }

    public func pendingOutbox(at instant: Date, limit: Int) async throws -> [OutboxMessage] {
        guard limit > 0 else { return [] }
        return try await read { db in
            try OutboxRows.pending(atMilliseconds: instant.millisecondsSince1970, limit: limit, in: db)
        }
    }

    public func markDelivered(_ id: String, at instant: Date) async throws {
        try await write { db in
            try OutboxRows.change(id, sql: "UPDATE outbox SET attempts = attempts + 1, delivered_at = ? WHERE id = ?",
                                  arguments: [instant.millisecondsSince1970, id], in: db)
        }
    }

    public func markFailed(_ id: String, error: String, nextAttemptAt: Date) async throws {
        try await write { db in
            try OutboxRows.change(
                id, sql: "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                arguments: [error, nextAttemptAt.millisecondsSince1970, id], in: db)
        }
    }

    public func claimDueTickets(at instant: Date, limit: Int, until: Date) async throws -> [Int64] {
        guard limit > 0 else { return [] }
        return try await write { db in
            try Timers.claim(atMilliseconds: instant.millisecondsSince1970, limit: limit,
                             until: until.millisecondsSince1970, in: db)
        }
    }

    public func claimOutbox(at instant: Date, limit: Int, until: Date) async throws -> [OutboxMessage] {
        guard limit > 0 else { return [] }
        return try await write { db in
            try Self.hold(OutboxRows.pending(atMilliseconds: instant.millisecondsSince1970, limit: limit, in: db), until: until, in: db)
        }
    }

    public func claimOutbox(ids: [String], at instant: Date, until: Date) async throws -> [OutboxMessage] {
        guard !ids.isEmpty else { return [] }
        return try await write { db in
            try Self.hold(OutboxRows.pending(ids: ids, atMilliseconds: instant.millisecondsSince1970, in: db), until: until, in: db)
        }
    }

    /// Marks `claimed` as held until `until` (rounded as stored) and returns them so marked.
    private static func hold(_ claimed: [OutboxMessage], until: Date, in db: Database) throws -> [OutboxMessage] {
        let held = until.roundedToMilliseconds
        for message in claimed {
            try OutboxRows.change(message.id, sql: "UPDATE outbox SET next_attempt_at = ? WHERE id = ?",
                                  arguments: [held.millisecondsSince1970, message.id], in: db)
        }
        return claimed.map { message in
            var message = message
            message.nextAttemptAt = held
            return message
        }
    }

    public func nextClaimableInstant() async throws -> Date? {
        try await read { db in
            let timer = try Timers.nextClaimable(in: db)
            let message = try Int64.fetchOne(db, sql: "SELECT MIN(next_attempt_at) FROM outbox WHERE delivered_at IS NULL")
            return [timer, message].compactMap { $0 }.min().map(Date.init(millisecondsSince1970:))
        }
    }

    /// Refuses a create whose assignment was made at another change count of the users kept in this
    /// file (``SQLiteIdentityStore``) than the transaction finds, before anything is written.
    private static func requireDirectoryCount(_ expected: Int64, in db: Database) throws {
        let select = DirectBindings(try db.cachedStatement(sql: "SELECT count FROM user_change WHERE id = 1"))
        let found = try select.fetchInt64s(in: db).first
        guard found == expected else { throw DirectoryMovedError(expected: expected, found: found) }
    }

    /// Runs `updates` in an immediate transaction, reporting database failures as ``TicketStoreError``.
    func write<T: Sendable>(_ updates: @Sendable (Database) throws -> T) async throws -> T {
        try await SQLiteTicketStore.translated { try await pool.write(updates) }
    }

    /// ``write(_:)`` for a write that may move team cursors: ``cursorMemory`` keeps them once the
    /// transaction commits and forgets every cursor when it does not, on the writer's queue, before any
    /// other write can begin.
    func writeKeepingCursors<T: Sendable>(_ updates: @Sendable (Database) throws -> T) async throws -> T {
        let memory = cursorMemory
        return try await SQLiteTicketStore.translated {
            try await pool.writeWithoutTransaction { db in
                do {
                    var result: T?
                    // Immediate (as every write here): the snapshot, and so the data version the memory
                    // checks, is taken at `BEGIN`, before `updates` runs.
                    try db.inTransaction(.immediate) {
                        result = try updates(db)
                        return .commit
                    }
                    memory.committed(in: db)
                    // `inTransaction` returned normally, so `updates` ran to its end and set `result`.
                    return result.unsafelyUnwrapped
                } catch {
                    memory.rolledBack()
                    throw error
                }
            }
        }
    }

    /// Runs `value` in a read transaction, reporting database failures as ``TicketStoreError``.
    func read<T: Sendable>(_ value: @Sendable (Database) throws -> T) async throws -> T {
        try await SQLiteTicketStore.translated { try await pool.read(value) }
    }
}
