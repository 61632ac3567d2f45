import Foundation

/// The reading role of a ticket store: tickets, their history and outbox, lists, counts, the queue,
/// search and reports. Code that only looks (reports, search, the queue) takes this role alone.
public protocol TicketReading: Sendable {
    /// The ticket with this number.
    func ticket(_ number: Int64) async throws -> Ticket?

    /// The tickets with these numbers, in the order given (unknown numbers are skipped), read at once.
    func tickets(_ numbers: [Int64]) async throws -> [Ticket]

    /// The history of a ticket, oldest first.
    func history(_ number: Int64) async throws -> [HistoryEntry]

    /// Tickets newest first, optionally in one status, after the ticket `before` (exclusive) for paging.
    func list(status: String?, before: Int64?, limit: Int) async throws -> [Ticket]

    /// The tickets of one requester, newest first, optionally in one status, after the ticket `before`
    /// (exclusive) for paging, like ``list(status:before:limit:)``.
    ///
    /// `email` and each ticket's requester e-mail are compared in their normalised form
    /// (``UserRecord/normalizedEmail(_:)``: trimmed, lower-case), exactly: another requester's tickets
    /// never appear, whatever the case or the surrounding white space either was written with.
    func list(requester email: String, status: String?, before: Int64?, limit: Int) async throws -> [Ticket]

    /// Counts tickets, optionally in one status.
    func count(status: String?) async throws -> Int

    /// The tickets `query` admits (``TicketQueueQuery/admits(_:)``), in the queue's order
    /// (``TicketQueueQuery/precedes(_:_:)``: the nearest reply due first, none last, then by number),
    /// at most `query.limit`.
    func queue(_ query: TicketQueueQuery) async throws -> [Ticket]

    /// Tickets whose number is `text`, or whose title or answers contain all the words of `text`.
    func search(_ text: String, limit: Int) async throws -> [Ticket]

    /// The outbox messages of a ticket, oldest first (delivered or not).
    func outbox(for number: Int64) async throws -> [OutboxMessage]

    /// The aggregates of a report (see ``ReportQuery``), computed by the store rather than by loading
    /// tickets. Stores that cannot inherit a default that throws ``ReportFailure/unsupportedStore``.
    func reportRows(_ query: ReportQuery) async throws -> ReportRows
}

extension TicketReading {
    /// Refuses: the default for stores that cannot compute reports.
    public func reportRows(_ query: ReportQuery) async throws -> ReportRows {
        throw ReportFailure.unsupportedStore
    }

    /// Refuses: the default of stores that keep no queue (test doubles).
    public func queue(_ query: TicketQueueQuery) async throws -> [Ticket] {
        throw TicketStoreError.unavailable("this ticket store keeps no queue")
    }
}
