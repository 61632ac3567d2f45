import Foundation
import FormrunnerCore
import GRDB

/// The duplicate check of a create, made in its transaction (see ``RecentTicketsCheck``).
enum RecentTickets {
    /// Throws ``TicketStoreError/duplicateSubmission(existing:)`` naming the newest of the requester's
    /// latest tickets that the new one repeats. Only the candidates (same form, within the window) are
    /// read whole: usually none.
    static func refuseRepeated(_ check: RecentTicketsCheck, in db: Database) throws {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT number, form_id, created_at FROM ticket INDEXED BY ticket_requester_number
                WHERE requester_key = ? ORDER BY number DESC LIMIT ?
                """),
            arguments: [check.requester, check.limit])
        let candidates: [Int64] = rows.compactMap { row in
            check.isCandidate(row["form_id"], Date(millisecondsSince1970: row["created_at"])) ? row["number"] : nil
        }
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
