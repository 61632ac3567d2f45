import Foundation
import FormrunnerCore
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The duplicate check of a create, made in its transaction (see ``RecentTicketsCheck``).
enum RecentTickets {
    /// Throws ``TicketStoreError/duplicateSubmission(existing:)`` naming the newest of the requester's
    /// latest tickets that the new one repeats. Only the candidates (same form, within the window) are
    /// read whole: usually none.
    static func refuseRepeated(_ check: RecentTicketsCheck, in db: Database) throws {
        // Bound and read straight from SQLite: this runs in every create.
        var values = DirectBindings(try db.cachedStatement(sql: """
            SELECT number, form_id, created_at FROM ticket INDEXED BY ticket_requester_number
            WHERE requester_key = ? ORDER BY number DESC LIMIT ?
            """))
        values.append(check.requester)
        values.append(check.limit)
        let candidates: [Int64] = try values.run(in: db) { row -> Int64? in
            let formID = sqlite3_column_text(row, 1).map { String(cString: $0) } ?? ""
            let created = Date(millisecondsSince1970: sqlite3_column_int64(row, 2))
            return check.isCandidate(formID, created) ? sqlite3_column_int64(row, 0) : nil
        }.compactMap { $0 }
        guard !candidates.isEmpty else { return }
        if let earlier = try TicketRows.tickets(numbered: candidates, in: db).first(where: check.repeats) {
            throw TicketStoreError.duplicateSubmission(existing: earlier.number)
        }
    }
}

extension SQLiteTicketStore: RecentTicketsCheckingWriter {
    public func create(_ ticket: Ticket, history: [HistoryEntry], submissionKey: String?, files: [String: URL],
                       assignment: AssignmentRequest?, checking check: RecentTicketsCheck, storedAnswers: String?,
                       outbox: @Sendable (Ticket) throws -> [OutboxMessage]) async throws -> Ticket {
        try await create(ticket, history: history, submissionKey: submissionKey, files: files, assignment: assignment,
                         check: check, storedAnswers: storedAnswers, outbox: outbox)
    }
}
