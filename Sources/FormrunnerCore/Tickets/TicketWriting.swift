import Foundation

/// The writing role of a ticket store: creating tickets and writing changes, each in one transaction
/// with its history lines, timers, outbox messages and attachment files.
public protocol TicketWriting: Sendable {
    /// Creates a ticket like ``create(_:history:submissionKey:files:outbox:)`` and, when `assignment`
    /// is given, chooses its agent in the same transaction: the store reads the team's cursor (and for
    /// `least_open` the candidates' open tickets), sets `assignee`, appends the assignment's history line
    /// after `history`, and moves the cursor, so that concurrent creates take turns.
    func create(_ ticket: Ticket, history: [HistoryEntry], submissionKey: String?, files: [String: URL],
                assignment: AssignmentRequest?, outbox: @Sendable (Ticket) throws -> [OutboxMessage]) async throws -> Ticket

    /// Writes `ticket` if the stored version is still `expectedVersion`, after storing `files`
    /// (SHA-256 digest → readable file) exactly as `create` does.
    ///
    /// `ticket.version` must be `expectedVersion + 1` (else ``TicketStoreError/invalid(_:)``); an unknown
    /// ticket throws ``TicketStoreError/notFound(_:)``. A file whose content does not match its digest
    /// throws ``TicketStoreError/attachmentMismatch(sha256:)``; when `files` is not empty, an attachment
    /// the ticket names that is neither given nor stored throws ``TicketStoreError/invalid(_:)``; either
    /// way the ticket is not written. With no files, attachments named by new `files` answers are
    /// recorded but not copied (see ``update(_:expectedVersion:history:outbox:)``).
    func update(_ ticket: Ticket, expectedVersion: Int, history: [HistoryEntry], outbox: [OutboxMessage],
                files: [String: URL]) async throws

    /// Writes every change as `update(_:expectedVersion:history:outbox:)` would, in one transaction, and
    /// returns the numbers of the changes left out because their ticket's stored version was no longer
    /// their `expectedVersion` (those tickets are untouched; every other change is written). Any other
    /// failure (a version that does not follow, an unknown ticket, an outbox id already used) writes
    /// nothing and throws as `update` does.
    func update(batch changes: [TicketChange]) async throws -> [Int64]

    /// Writes every change as `update(_:expectedVersion:history:outbox:)` would, in one transaction, or
    /// none of them: a ticket whose stored version is no longer its change's `expectedVersion` throws
    /// ``TicketStoreError/conflict(number:expected:actual:)`` (the first such ticket) and, like any other
    /// failure, leaves every ticket of `changes` as it was. What a merge writes: both tickets or neither.
    func update(together changes: [TicketChange]) async throws
}

extension TicketWriting {
    /// Creates without assignment: every store's plain create.
    public func create(_ ticket: Ticket, history: [HistoryEntry], submissionKey: String?, files: [String: URL],
                       outbox: @Sendable (Ticket) throws -> [OutboxMessage]) async throws -> Ticket {
        try await create(ticket, history: history, submissionKey: submissionKey, files: files, assignment: nil,
                         outbox: outbox)
    }

    /// Writes `ticket` if the stored version is still `expectedVersion`, without files: attachments named
    /// by new `files` answers are recorded but not copied. The same as
    /// ``update(_:expectedVersion:history:outbox:files:)`` with no files.
    public func update(_ ticket: Ticket, expectedVersion: Int, history: [HistoryEntry], outbox: [OutboxMessage]) async throws {
        try await update(ticket, expectedVersion: expectedVersion, history: history, outbox: outbox, files: [:])
    }
}
