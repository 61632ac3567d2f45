import Foundation

/// Where tickets live: the storage plugin protocol.
///
/// ## Contract (every implementation passes the same conformance suite)
/// - **Atomic changes.** `create` and `update` write the ticket, its history lines, its armed timers
///   and its outbox messages in one transaction: after a crash each change is wholly there or absent.
/// - **Numbers.** `create` assigns the next short sequential number (1, 2, 3, …); numbers are never
///   reused. The `outbox` closure runs inside the transaction, after the number is known, so that a
///   confirmation can quote it.
/// - **Optimistic concurrency.** Every ticket has a `version`. `update` succeeds only if the stored
///   version equals `expectedVersion`, and stores `ticket.version` (which the caller sets to
///   `expectedVersion + 1`); otherwise it throws ``TicketStoreError/conflict(number:expected:actual:)``
///   and writes nothing. A stale write is never silently applied.
/// - **History is append-only**: lines are added, never changed or removed.
/// - **Timers**: the stored timers of a ticket are exactly `ticket.timers` after each write;
///   `dueTickets(at:limit:)` lists the tickets with a timer due at or before the instant.
/// - **Duplicates**: a `submissionKey` can be stored with a new ticket; a second `create` with the same
///   key throws ``TicketStoreError/duplicateSubmission(existing:)`` and writes nothing.
/// - **Attachments**: `files` maps SHA-256 digests to readable files; the store copies each into its
///   content-addressed storage in the same `create` (a file whose content does not match its digest
///   is refused). Every attachment the new ticket's `files` answers name must be among `files` or
///   already stored, else ``TicketStoreError/invalid(_:)``. `update(_:expectedVersion:history:outbox:files:)`
///   takes files the same way (an e-mail reply's attachments): each is copied and checked before the
///   ticket is written, and every attachment the updated ticket names must then be given or stored.
///   The variant without `files` records new attachments without copying them.
/// - **Outbox**: messages wait until `markDelivered`; both it and `markFailed` add one to `attempts`;
///   `markFailed` records the error and the next
///   attempt. `pendingOutbox(at:limit:)` lists undelivered messages whose next attempt is due.
///   Messages are filed under the ticket being written, whatever their `ticketNumber` said; an id
///   already in the outbox is refused with ``TicketStoreError/invalid(_:)``, an unknown id given to
///   `markDelivered`/`markFailed` with ``TicketStoreError/messageNotFound(_:)``.
/// - **Batches**: `tickets(_:)` reads many tickets at once; `update(batch:)` writes many changes in one
///   transaction, a stale version leaving out that change only (its number is returned).
/// - **Counts** per status are kept by the store with every write (`count(status:)` reads them).
/// - **Canonical form**: stores keep instants to the millisecond (rounded to the nearest) and one
///   timer per event (the last listed wins), read back ordered by due time then event: values read
///   back equal ``Ticket/storedForm``, ``HistoryEntry/storedForm`` and
///   ``OutboxMessage/storedForm(number:)`` of what was written. `create` returns that form too.
/// - **Search** follows ``TicketSearch``: a number finds that ticket, otherwise every word must begin
///   a word of the title or of a text answer; results are newest first. The text is never
///   interpreted as a query language.
/// - **Requesters**: `list(requester:status:before:limit:)` matches the normalised e-mail
///   (``UserRecord/normalizedEmail(_:)``) of the ticket's requester exactly, as it is at the last write.
/// - **Queue**: `queue(_:)` selects and orders as ``TicketQueueQuery`` says, from columns kept with the
///   ticket (``Ticket/queueDueKey``, ``Ticket/slaAlertKey``) under an index per team and per assignee.
/// - **Paging**: `list`, `search`, `dueTickets`, `pendingOutbox` and the claims return nothing for a
///   `limit` below 1.
/// - **Claims** let several workers (processes, machines) share the timers and the outbox without doing
///   anything twice. `claimDueTickets(at:limit:until:)` returns tickets with a timer due at or before the
///   instant that no one holds, and holds those timers until `until`: no other claim returns them before
///   then. Writing the ticket (`update`) replaces its timers and so ends their claims. `claimOutbox(at:limit:until:)`
///   returns undelivered messages due at or before the instant, oldest first, and moves their next attempt
///   to `until` (the value they are returned with), so that no other claim, nor `pendingOutbox`, returns
///   them before then; `markDelivered` and `markFailed` end the claim. A claimant that dies leaves its
///   claims to run out: the items come back when `until` passes, so nothing is lost. Concurrent claims
///   never return the same timer or message while its claim holds (PostgreSQL: `FOR UPDATE SKIP LOCKED`;
///   SQLite: one write transaction at a time).
///   `claimOutbox(ids:at:until:)` claims the same way among the messages given.
///   `nextClaimableInstant()` is the earliest instant at which a claim could return something.
public protocol TicketStore: Sendable {
    /// Creates a ticket like ``create(_:history:submissionKey:files:outbox:)`` and, when `assignment`
    /// is given, chooses its agent in the same transaction: the store reads the team's cursor (and for
    /// `least_open` the candidates' open tickets), sets `assignee`, appends the assignment's history line
    /// after `history`, and moves the cursor, so that concurrent creates take turns.
    func create(_ ticket: Ticket, history: [HistoryEntry], submissionKey: String?, files: [String: URL],
                assignment: AssignmentRequest?, outbox: @Sendable (Ticket) throws -> [OutboxMessage]) async throws -> Ticket

    /// The ticket with this number.
    func ticket(_ number: Int64) async throws -> Ticket?

    /// Writes `ticket` if the stored version is still `expectedVersion`.
    ///
    /// `ticket.version` must be `expectedVersion + 1` (else ``TicketStoreError/invalid(_:)``); an unknown
    /// ticket throws ``TicketStoreError/notFound(_:)``. Attachments named by new `files` answers are
    /// recorded but not copied (`update` takes no files).
    func update(_ ticket: Ticket, expectedVersion: Int, history: [HistoryEntry], outbox: [OutboxMessage]) async throws

    /// Writes `ticket` like `update(_:expectedVersion:history:outbox:)`, after storing `files`
    /// (SHA-256 digest → readable file) exactly as `create` does.
    ///
    /// A file whose content does not match its digest throws ``TicketStoreError/attachmentMismatch(sha256:)``;
    /// an attachment the ticket names that is neither given nor stored throws
    /// ``TicketStoreError/invalid(_:)``; either way the ticket is not written. A store that cannot keep
    /// files inherits a default that refuses any file.
    func update(_ ticket: Ticket, expectedVersion: Int, history: [HistoryEntry], outbox: [OutboxMessage],
                files: [String: URL]) async throws

    /// The tickets with these numbers, in the order given (unknown numbers are skipped), read at once.
    func tickets(_ numbers: [Int64]) async throws -> [Ticket]

    /// Writes every change as `update(_:expectedVersion:history:outbox:)` would, in one transaction, and
    /// returns the numbers of the changes left out because their ticket's stored version was no longer
    /// their `expectedVersion` (those tickets are untouched; every other change is written). Any other
    /// failure (a version that does not follow, an unknown ticket, an outbox id already used) writes
    /// nothing and throws as `update` does.
    func update(batch changes: [TicketChange]) async throws -> [Int64]

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

    /// Numbers of tickets with a timer due at or before `instant`, earliest due first.
    func dueTickets(at instant: Date, limit: Int) async throws -> [Int64]

    /// The outbox messages of a ticket, oldest first (delivered or not).
    func outbox(for number: Int64) async throws -> [OutboxMessage]

    /// Undelivered messages whose next attempt is at or before `instant`, oldest first.
    func pendingOutbox(at instant: Date, limit: Int) async throws -> [OutboxMessage]

    /// Records a successful delivery.
    func markDelivered(_ id: String, at instant: Date) async throws

    /// Records successful deliveries of several messages in one write; an unknown id throws
    /// ``TicketStoreError/messageNotFound(_:)`` and records nothing.
    func markDelivered(_ ids: [String], at instant: Date) async throws

    /// Records a failed delivery and when to try again.
    func markFailed(_ id: String, error: String, nextAttemptAt: Date) async throws

    /// Claims the timers due at or before `instant` that no one holds, until `until`; returns the numbers
    /// of their tickets (at most `limit`, each once), earliest due first.
    func claimDueTickets(at instant: Date, limit: Int, until: Date) async throws -> [Int64]

    /// Claims undelivered messages due at or before `instant`, oldest first, by moving their next attempt
    /// to `until`; returns them as stored after the claim.
    func claimOutbox(at instant: Date, limit: Int, until: Date) async throws -> [OutboxMessage]

    /// Claims, like ``claimOutbox(at:limit:until:)``, only the messages among `ids` that are undelivered,
    /// due at or before `instant` and held by no one: what a command wrote, delivered after its work.
    /// Unknown ids are skipped.
    func claimOutbox(ids: [String], at instant: Date, until: Date) async throws -> [OutboxMessage]

    /// The earliest instant at which a timer or an outbox message can be claimed (a held timer counts at
    /// the end of its claim), or `nil` when nothing is armed or waiting.
    func nextClaimableInstant() async throws -> Date?

    /// The aggregates of a report (see ``ReportQuery``), computed by the store rather than by loading
    /// tickets. Stores that cannot inherit a default that throws ``ReportFailure/unsupportedStore``.
    func reportRows(_ query: ReportQuery) async throws -> ReportRows
}

extension TicketStore {
    /// Refuses: the default for stores that cannot compute reports.
    public func reportRows(_ query: ReportQuery) async throws -> ReportRows {
        throw ReportFailure.unsupportedStore
    }

    /// Refuses: the default of stores that keep no queue (test doubles).
    public func queue(_ query: TicketQueueQuery) async throws -> [Ticket] {
        throw TicketStoreError.unavailable("this ticket store keeps no queue")
    }

    /// Creates without assignment: every store's plain create.
    public func create(_ ticket: Ticket, history: [HistoryEntry], submissionKey: String?, files: [String: URL],
                       outbox: @Sendable (Ticket) throws -> [OutboxMessage]) async throws -> Ticket {
        try await create(ticket, history: history, submissionKey: submissionKey, files: files, assignment: nil,
                         outbox: outbox)
    }

    /// Refuses any file, and otherwise writes through `update(_:expectedVersion:history:outbox:)`:
    /// the default for stores that cannot keep attachment files given on update.
    public func update(_ ticket: Ticket, expectedVersion: Int, history: [HistoryEntry], outbox: [OutboxMessage],
                       files: [String: URL]) async throws {
        guard files.isEmpty else {
            throw TicketStoreError.invalid("this ticket store cannot take attachment files with an update")
        }
        try await update(ticket, expectedVersion: expectedVersion, history: history, outbox: outbox)
    }
}

/// Errors every store reports the same way.
public enum TicketStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(Int64)
    case conflict(number: Int64, expected: Int, actual: Int)
    case duplicateSubmission(existing: Int64)
    case attachmentMismatch(sha256: String)
    /// No outbox message has this id.
    case messageNotFound(String)
    /// The write breaks a rule of the contract (a reused outbox id, a version that does not follow,
    /// an attachment without its file); nothing was written.
    case invalid(String)
    case unavailable(String)

    public var description: String {
        switch self {
        case .notFound(let number): return "ticket \(number) does not exist"
        case .conflict(let number, let expected, let actual):
            return "ticket \(number) was changed by someone else meanwhile (version \(actual), expected \(expected)); nothing was written — look at it again and retry"
        case .duplicateSubmission(let existing):
            return "these answers were already filed as ticket \(existing); nothing new was created"
        case .attachmentMismatch(let sha):
            return "an attachment changed while it was being stored (expected SHA-256 \(sha)); nothing was written"
        case .messageNotFound(let id): return "outbox message \(id) does not exist"
        case .invalid(let reason): return "the ticket store refused the change: \(reason); nothing was written"
        case .unavailable(let reason): return "the ticket store is unavailable: \(reason)"
        }
    }
}
