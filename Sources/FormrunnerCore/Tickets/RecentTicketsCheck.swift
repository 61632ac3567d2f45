import Foundation

/// The duplicate check of ``TicketDesk/create(formID:answers:requester:workflowID:account:idempotencyKey:language:at:)``
/// handed to the store, to be made inside the create's own transaction instead of by a read before it:
/// among the requester's latest ``limit`` tickets, the first one ``isCandidate(_:_:)`` and ``repeats``
/// is the one the new ticket repeats.
public struct RecentTicketsCheck: Sendable {
    /// The requester whose tickets are read, as stored (``UserRecord/normalizedEmail(_:)``).
    public var requester: String
    /// How many of their latest tickets are looked at.
    public var limit: Int
    /// Whether a ticket of this form, created at this instant, could be repeated: only those are read whole.
    public var isCandidate: @Sendable (_ formID: String, _ createdAt: Date) -> Bool
    /// Whether the new ticket repeats this earlier one.
    public var repeats: @Sendable (Ticket) -> Bool

    public init(requester: String, limit: Int, isCandidate: @escaping @Sendable (String, Date) -> Bool,
                repeats: @escaping @Sendable (Ticket) -> Bool) {
        self.requester = requester
        self.limit = limit
        self.isCandidate = isCandidate
        self.repeats = repeats
    }
}

/// A store that makes a ``RecentTicketsCheck`` inside the transaction that creates the ticket: one
/// round trip to the database instead of a read and then a write.
public protocol RecentTicketsCheckingWriter: TicketWriting {
    /// Creates the ticket as ``TicketWriting/create(_:history:submissionKey:files:assignment:outbox:)``
    /// does, after reading the requester's latest tickets in the same transaction: when `check` finds
    /// one that the ticket repeats, nothing is written and ``TicketStoreError/duplicateSubmission(existing:)``
    /// names it (before the submission key is looked at).
    ///
    /// `storedAnswers`, when given, is the ticket's answers exactly as ``StoredAnswers/encode(_:)``
    /// writes them (the desk wrote them for the submission digest): the store writes that text
    /// instead of encoding them again.
    func create(_ ticket: Ticket, history: [HistoryEntry], submissionKey: String?, files: [String: URL],
                assignment: AssignmentRequest?, checking check: RecentTicketsCheck, storedAnswers: String?,
                outbox: @Sendable (Ticket) throws -> [OutboxMessage]) async throws -> Ticket
}
