import Foundation
import FormrunnerCore
import PostgresNIO

extension PostgresRows {
    /// What the create's first statement (``takeCounter(submissionKey:assignment:check:)``) found.
    struct CounterRow {
        /// The new ticket's number.
        var number: Int64
        /// The ticket already filed with the submission key, if any.
        var existing: Int64?
        /// For a request the statement picks for (``picksInCounter(_:)``): the agent picked, the
        /// team's cursor already moved to them; `nil` when the team has no cursor row yet. For any
        /// other request: the team's cursor, locked (`NULL` without a row, `''` before its first pick).
        var cursor: String?
        /// The users' change count (`user_change`), for a request that names one to check.
        var directoryCount: Int64?
        /// The requester's latest tickets, newest first, for a create's duplicate check (none without one).
        var recent: [RecentTicket]
    }

    /// One of the requester's latest tickets, as the counter statements read it.
    struct RecentTicket {
        var number: Int64
        var formID: String
        var createdAt: Date
    }

    /// Whether the create's first statement picks the agent of `request` itself: round robin over at
    /// least one candidate, the next after the team's cursor in byte order (as
    /// ``AssignmentRequest/rotation(after:)`` orders them), computed and written by one `UPDATE`.
    static func picksInCounter(_ request: AssignmentRequest) -> Bool {
        request.rule != .leastOpen && !request.candidates.isEmpty
    }

    /// Runs the create's first statement (``PostgresCounterStatement``, or ``PostgresPickingCounterStatement``
    /// when ``picksInCounter(_:)``): the next ticket number (the counter row, locked until commit, so
    /// creates take turns), the ticket already filed with `submissionKey`, the directory's change count
    /// when `assignment` names one to check, for a create that assigns, the team's cursor, and for a
    /// `check`, the requester's latest tickets.
    func takeCounter(submissionKey: String?, assignment: AssignmentRequest?,
                     check: RecentTicketsCheck?) async throws -> CounterRow {
        var found: CounterRow?
        if let assignment, Self.picksInCounter(assignment) {
            let statement = PostgresPickingCounterStatement(submissionKey: submissionKey, assignment: assignment, check: check)
            for try await row in try await connection.execute(statement, logger: logger) { found = row }
        } else {
            let statement = PostgresCounterStatement(submissionKey: submissionKey, assignment: assignment, check: check)
            for try await row in try await connection.execute(statement, logger: logger) { found = row }
        }
        guard let found else { throw TicketStoreError.unavailable("the ticket counter row is missing") }
        return found
    }

    /// `ticket` assigned by `request` inside the creating transaction, with its history line and the
    /// agent chosen; `nil` when there is no candidate. `cursor` is the team's cursor as the counter
    /// statement read it (``takeCounter(submissionKey:assignment:check:)``) or `nil` when the team has no
    /// cursor row: one is made here first (two more statements, once per team). The caller moves the
    /// cursor to the agent in the statement that inserts the ticket.
    func assign(_ ticket: Ticket, by request: AssignmentRequest,
                cursor: String?) async throws -> (ticket: Ticket, entry: HistoryEntry, agent: String)? {
        guard !request.candidates.isEmpty else { return nil }
        var last = cursor
        if cursor == nil {
            try await run("INSERT INTO team_cursor (team, last_assignee) VALUES (\(request.team), '') ON CONFLICT (team) DO NOTHING")
            for try await value in try await run(
                "SELECT last_assignee FROM team_cursor WHERE team = \(request.team) FOR UPDATE").decode(String.self) {
                last = value
            }
        }
        if last?.isEmpty == true { last = nil }
        var open: [String: Int] = [:]
        if request.rule == .leastOpen {
            let candidates = request.candidates
            let settled = request.settledStatuses
            let query: PostgresQuery = """
                SELECT assignee, COUNT(*)::BIGINT FROM ticket
                WHERE assignee = ANY(\(candidates)) AND NOT (status = ANY(\(settled)))
                GROUP BY assignee
                """
            for try await (assignee, count) in try await run(query).decode((String, Int64).self) {
                open[assignee] = Int(count)
            }
        }
        guard let agent = request.choose(last: last, openCounts: open) else { return nil }
        let assigned = request.assign(ticket, to: agent)
        return (assigned.ticket, assigned.entry, agent)
    }
}
