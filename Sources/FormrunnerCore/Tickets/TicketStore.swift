import Foundation

/// Where tickets live: the storage plugin protocol, the composition of its three roles —
/// ``TicketReading``, ``TicketWriting`` and ``TicketWorkQueue`` — plus ``close()``. Code that needs
/// one role takes that role alone, and a test double implements only the role it stands in for.
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
///   The variant without `files` (an extension of ``TicketWriting``) records new attachments without
///   copying them.
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
public protocol TicketStore: TicketReading, TicketWriting, TicketWorkQueue {
    /// Releases the store's connections; the store cannot be used afterwards. Stores without
    /// connections to release (memory, SQLite) inherit a default that does nothing.
    func close() async

    /// ``TicketWriting/update(batch:)`` and then, unless it threw, ``TicketWorkQueue/claimDueTickets(at:limit:until:)``
    /// (also when every change conflicted; nothing claimed for a `limit` below 1): what a tick asks of the writer between two batches, in
    /// one call, so that a store with one writer claims as soon as the batch is written. Throws what
    /// `update(batch:)` throws, and then claims nothing. Stores inherit a default that makes the two calls.
    func update(batch changes: [TicketChange], thenClaimDueAt instant: Date, limit: Int,
                until: Date) async throws -> (conflicts: [Int64], claimed: [Int64])
}

extension TicketStore {
    /// The two calls, one after the other.
    public func update(batch changes: [TicketChange], thenClaimDueAt instant: Date, limit: Int,
                       until: Date) async throws -> (conflicts: [Int64], claimed: [Int64]) {
        let conflicts = try await update(batch: changes)
        return (conflicts, try await claimDueTickets(at: instant, limit: limit, until: until))
    }

    /// Does nothing: the default of stores with no connections to release.
    public func close() async {}
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
