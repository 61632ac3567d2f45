import Foundation
import FormrunnerCore
import GRDB

/// Converts tickets to and from `ticket` rows (timers live in their own table).
enum TicketRows {
    /// The ticket columns written by `create` and `update`, in argument order: the core's.
    static let columns = Ticket.storedColumns

    /// The values of ``columns`` for `ticket` (every column, as ``TicketRowChange`` lists them): the
    /// rewrite of a row whose stored values are not known.
    static func arguments(_ ticket: Ticket) throws -> StatementArguments {
        let values: [(any DatabaseValueConvertible)?] = try TicketRowChange(everyColumnOf: ticket).values
        return StatementArguments(values)
    }

    /// The assignments and their values that turn the stored row of `previous` into that of `ticket`:
    /// only the columns whose values differ (``TicketRowChange``), so that SQLite leaves the indexes
    /// of the others alone.
    static func changes(_ ticket: Ticket, over previous: Ticket) throws -> (assignments: String, arguments: StatementArguments) {
        let change = try TicketRowChange(ticket, over: previous)
        let values: [(any DatabaseValueConvertible)?] = change.values
        return (change.names.map { "\($0) = ?" }.joined(separator: ", "), StatementArguments(values))
    }

    /// Binds the values of ``columns`` for `ticket` (``Ticket/addStoredValues(answers:to:)``) to the next
    /// parameters of `values`, straight to SQLite (a create's insert: no `StatementArguments` of thirty
    /// existential values checked again before binding).
    static func bind(_ ticket: Ticket, storedAnswers: String?, to values: inout DirectBindings) throws {
        assert(storedAnswers == nil || storedAnswers == (try? StoredAnswers.encode(ticket.answers)),
               "the answers' JSON handed to the store is not theirs")
        try ticket.addStoredValues(answers: storedAnswers ?? StoredAnswers.encode(ticket.answers), to: &values)
    }

    /// The ticket a `SELECT * FROM ticket` row holds (its columns found by `columns`), with `timers` in
    /// stored order.
    static func ticket(from row: Row, columns: TicketColumns, timers: [ArmedTimer]) throws -> Ticket {
        func value<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: TicketColumn) -> Value {
            columns.value(of: column, in: row)
        }
        func optional<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: TicketColumn) -> Value? {
            columns.optional(of: column, in: row)
        }
        let answers: String = value(.answers), sla: String? = optional(.sla)
        var ticket = Ticket(
            number: value(.number), formID: value(.formID), formVersion: value(.formVersion),
            workflowID: optional(.workflowID), lifecycleID: value(.lifecycleID), status: value(.status),
            title: value(.title), requester: Requester(email: value(.requesterEmail), name: optional(.requesterName)),
            account: optional(.account), answers: try StoredAnswers.decode(answers),
            createdAt: Date(millisecondsSince1970: value(.createdAt)), version: value(.version), timers: timers)
        ticket.updatedAt = Date(millisecondsSince1970: value(.updatedAt))
        ticket.lastInteractionAt = Date(millisecondsSince1970: value(.lastInteractionAt))
        ticket.statusEnteredAt = Date(millisecondsSince1970: value(.statusEnteredAt))
        ticket.team = optional(.team)
        ticket.priority = optional(.priority)
        ticket.assignee = optional(.assignee)
        ticket.sla = try sla.map(SLAClock.stored)
        ticket.language = optional(.language)
        ticket.mergedInto = optional(.mergedInto)
        ticket.figures = ReportColumns.figures(solvedAt: optional(.solvedAt), closedAt: optional(.closedAt),
                                               reopens: optional(.reopens))
        return ticket
    }

    /// The tickets the rows hold, in row order, each with its timers.
    static func tickets(from rows: [Row], in db: Database) throws -> [Ticket] {
        guard let first = rows.first else { return [] }
        let columns = TicketColumns(first)
        let numbers: [Int64] = rows.map { columns.value(of: .number, in: $0) }
        let timers = try Timers.fetch(for: numbers, in: db)
        return try zip(rows, numbers).map { row, number in try ticket(from: row, columns: columns, timers: timers[number] ?? []) }
    }

    /// The tickets with these numbers, in the order given (unknown numbers are skipped).
    ///
    /// Each row is decoded as the statement steps to it (a cursor), not copied into a `Row` first.
    static func tickets(numbered numbers: [Int64], in db: Database) throws -> [Ticket] {
        guard !numbers.isEmpty else { return [] }
        let timers = try Timers.fetch(for: numbers, in: db)
        let rows = try Row.fetchCursor(
            db, sql: "SELECT * FROM ticket WHERE number IN (\(databaseQuestionMarks(count: numbers.count)))",
            arguments: StatementArguments(numbers))
        var byNumber: [Int64: Ticket] = [:]
        byNumber.reserveCapacity(numbers.count)
        var columns: TicketColumns?
        while let row = try rows.next() {
            let found = columns ?? TicketColumns(row)
            columns = found
            let number: Int64 = found.value(of: .number, in: row)
            byNumber[number] = try ticket(from: row, columns: found, timers: timers[number] ?? [])
        }
        return numbers.compactMap { byNumber[$0] }
    }
}

