import Foundation

extension TicketDesk {
    /// What a tick did.
    public struct TickReport: Hashable, Sendable {
        /// Tickets whose timers fired.
        public var fired: [Int64] = []
        /// Tickets another process changed meanwhile, twice (in the batch, then alone); they are
        /// picked up by a tick after their claim runs out.
        public var conflicts: [Int64] = []

        /// A report of nothing done.
        public init() {}
    }

    /// How long a worker holds the timers and messages it claimed before another may take them.
    public static let defaultLease: TimeInterval = 300

    /// How many tickets a tick claims, reads and writes at a time by default. Each batch is one write
    /// transaction that other writers wait for (about 0.1 s on SQLite at this size); fewer, larger ones
    /// spend less on commits and claims (2026-12-05, two cores, 100,000 due tickets: 3.2–3.3 s in
    /// batches of 2,000, 2.9–3.0 s in batches of 4,000; Benchmarks/README). `formrunner worker` claims
    /// its own, smaller batches (`--batch`).
    public static let defaultTickBatch = 4_000

    /// Fires every timer due at or before `now`. Running it twice does nothing the second time.
    ///
    /// Timers are claimed (``TicketStore/claimDueTickets(at:limit:until:)``) `batch` tickets at a time and
    /// held for `lease` seconds, so several processes ticking at once never fire the same timer; a process
    /// that dies mid-way leaves its claims to run out, and its tickets are fired by the next tick after that.
    ///
    /// Each claimed batch is read (``TicketStore/tickets(_:)``), run through the engine and its e-mails
    /// composed, in as many slices as there are cores but one (``composingSlices(of:cores:)``: the other
    /// core is the writer's), each slice read and composed on its own; then the batch is written in one
    /// transaction, and the batch after next claimed right after it, by the same call to the store
    /// (``TicketStore/update(batch:thenClaimDueAt:limit:until:)``). The batches are pipelined so that the
    /// writer, which one connection holds at a time, never waits for the engine: while one batch is
    /// written, the next is read and composed, and its write is handed to the store as soon as it is
    /// composed (the store prepares it and queues it behind the write under way). A ticket changed
    /// meanwhile by someone else is left out of its batch's write and tried again alone, from what is
    /// stored; if that conflicts too it is reported and left to the next tick. The tick ends when a claim
    /// made after the last write finds nothing. `shouldContinue` is asked before each claim and each
    /// ticket: once it says no, what is composed is written and the tick stops (tickets still claimed
    /// wait for their claims to run out).
    public func tick(at now: Date, batch: Int = TicketDesk.defaultTickBatch, lease: TimeInterval = TicketDesk.defaultLease,
                     while shouldContinue: @escaping @Sendable () -> Bool = { true }) async throws -> TickReport {
        var report = TickReport()
        let until = now.addingTimeInterval(max(lease, 0.001))
        // A batch handed to the store: written, then the claim after it.
        func start(_ changes: [TicketChange]) -> PendingWrite {
            let limit = shouldContinue() ? batch : 0
            return PendingWrite(changes: changes, task: Task {
                try await writeThenClaim(changes, at: now, limit: limit, until: until)
            })
        }
        // Claimed, not yet read: the batch composed next.
        var claimed = shouldContinue() ? try await store.claimDueTickets(at: now, limit: batch, until: until) : []
        // Handed to the store, not yet done, oldest first (at most two: the one written, the one queued).
        var pending: [PendingWrite] = []
        // The claim of the batch after the first, made while the first is composed.
        if !claimed.isEmpty { pending.append(start([])) }
        do {
            while true {
                // A ticket that conflicted twice is not tried again in this tick (the change that beat it
                // may have ended its claim); it waits for its claim to run out.
                let given = Set(report.conflicts)
                let composed = try await firedChanges(of: given.isEmpty ? claimed : claimed.filter { !given.contains($0) },
                                                      at: now, while: shouldContinue)
                if !composed.isEmpty { pending.append(start(composed)) }
                // Nothing was being written (a first batch without its claim ahead): wait for this one's.
                if pending.count == 1, !composed.isEmpty {
                    claimed = []
                    continue
                }
                guard let done = pending.first else { break }
                let (conflicts, next) = try await done.task.value
                pending.removeFirst()
                Self.note(done.changes, written: conflicts, in: &report)
                for number in conflicts {
                    guard shouldContinue() else {
                        // What is composed is written, nothing more.
                        for write in pending { Self.note(write.changes, written: try await write.task.value.conflicts, in: &report) }
                        return report
                    }
                    do {
                        if try await fireAlone(number, at: now) { report.fired.append(number) }
                    } catch TicketStoreError.conflict {
                        report.conflicts.append(number)
                    }
                }
                claimed = next
                // The tickets written alone may have armed timers already due: claim after their writes too.
                if claimed.isEmpty, pending.isEmpty, !conflicts.isEmpty, shouldContinue() {
                    claimed = try await store.claimDueTickets(at: now, limit: batch, until: until)
                }
                // Nothing claimed after the last write, nothing left to write.
                if claimed.isEmpty, pending.isEmpty { break }
            }
        } catch {
            // No write is left running after the tick.
            for write in pending { _ = await write.task.result }
            throw error
        }
        return report
    }

    /// A batch handed to the store, and the task writing it and claiming after it.
    private struct PendingWrite: Sendable {
        var changes: [TicketChange]
        var task: Task<(conflicts: [Int64], claimed: [Int64]), any Error>
    }

    /// Adds the tickets of `changes` written (not among `conflicts`) to the report's fired ones.
    private static func note(_ changes: [TicketChange], written conflicts: [Int64], in report: inout TickReport) {
        if conflicts.isEmpty {
            report.fired += changes.map(\.ticket.number)
        } else {
            let retried = Set(conflicts)
            report.fired += changes.map(\.ticket.number).filter { !retried.contains($0) }
        }
    }

    /// The writes of the timers due on the tickets numbered `numbers`, in their order (tickets with
    /// nothing due left out): the numbers cut in slices, each slice read and then run through the
    /// engine on its own, ``composingSlices(of:cores:)`` slices at once.
    private func firedChanges(of numbers: [Int64], at now: Date,
                              while shouldContinue: @escaping @Sendable () -> Bool) async throws -> [TicketChange] {
        guard !numbers.isEmpty else { return [] }
        let cores = Self.composingSlices(of: numbers.count)
        let size = (numbers.count + cores - 1) / cores
        let slices = stride(from: 0, to: numbers.count, by: size).map { Array(numbers[$0..<min($0 + size, numbers.count)]) }
        return try await withThrowingTaskGroup(of: (Int, [TicketChange]).self) { group in
            for (index, slice) in slices.enumerated() {
                group.addTask {
                    let tickets = try await store.tickets(slice)
                    var changes: [TicketChange] = []
                    changes.reserveCapacity(tickets.count)
                    for ticket in tickets {
                        guard shouldContinue() else { break }
                        if let change = try await firedChange(of: ticket, at: now) { changes.append(change) }
                    }
                    return (index, changes)
                }
            }
            var done: [[TicketChange]] = Array(repeating: [], count: slices.count)
            for try await (index, changes) in group { done[index] = changes }
            return done.count == 1 ? done[0] : Array(done.joined())
        }
    }

    /// How many slices of a batch of `count` tickets are read and composed at once: one a core but one,
    /// at least one, and at most one per 64 tickets. The core left over is the writer's: it writes the
    /// batch before while this one is composed, and its work (one connection, one transaction at a
    /// time) is the part of a tick no other core can take, so composing on every core made the writer
    /// share its core (2026-12-05, two cores, 100,000 due tickets in batches of 4,000 or 8,000: 2.9–3.0 s
    /// with one slice, 3.1–3.8 s with two; Benchmarks/README).
    static func composingSlices(of count: Int, cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int {
        max(1, min(cores - 1, count / 64))
    }

    /// The write of the earliest timer due on `ticket`, or `nil` when none is due; in stored form, made
    /// here, on the cores that compose, rather than by the store before it takes its writer.
    private func firedChange(of ticket: Ticket, at now: Date) async throws -> TicketChange? {
        guard let engine = engine(for: ticket.lifecycleID),
              let outcome = try await fireDue(ticket, engine: engine, at: now) else { return nil }
        return try await change(outcome, expecting: ticket.version, engine: engine, at: now, previous: ticket).storedForm
    }

    /// Writes `changes` in one batch, then claims at most `limit` due tickets; returns the numbers
    /// of the changes that conflicted and those claimed. When the batch as a whole is refused (nothing
    /// written), each change is written alone instead, so that one bad ticket does not hold up the
    /// others, and the claim follows those writes.
    private func writeThenClaim(_ changes: [TicketChange], at now: Date, limit: Int,
                                until: Date) async throws -> (conflicts: [Int64], claimed: [Int64]) {
        guard !changes.isEmpty else {
            return ([], limit > 0 ? try await store.claimDueTickets(at: now, limit: limit, until: until) : [])
        }
        let conflicts: [Int64], claimed: [Int64]
        do {
            (conflicts, claimed) = try await store.update(batch: changes, thenClaimDueAt: now, limit: limit, until: until)
        } catch TicketStoreError.invalid, TicketStoreError.notFound {
            var alone: [Int64] = []
            for change in changes {
                do {
                    try await store.update(change.ticket, expectedVersion: change.expectedVersion, history: change.history,
                                           outbox: change.outbox)
                    written.note(change.outbox)
                } catch TicketStoreError.conflict {
                    alone.append(change.ticket.number)
                }
            }
            return (alone, limit > 0 ? try await store.claimDueTickets(at: now, limit: limit, until: until) : [])
        }
        written.note(ids: Self.outboxIDs(of: changes, except: conflicts))
        return (conflicts, claimed)
    }

    /// The ids of the messages of `changes`, in order, but those of the tickets numbered in `skipped`
    /// (not written), read in place: `flatMap(\.outbox)` copied every message (its eight strings
    /// retained, then released) only to take its id.
    private static func outboxIDs(of changes: [TicketChange], except skipped: [Int64]) -> [String] {
        let skipped = Set(skipped)
        var ids: [String] = []
        ids.reserveCapacity(changes.count)
        for index in changes.indices where skipped.isEmpty || !skipped.contains(changes[index].ticket.number) {
            for message in changes[index].outbox.indices { ids.append(changes[index].outbox[message].id) }
        }
        return ids
    }

    /// Reads ticket `number` again and fires its earliest due timer in a write of its own; `false` when
    /// nothing is due any more.
    private func fireAlone(_ number: Int64, at now: Date) async throws -> Bool {
        guard let ticket = try await store.ticket(number), let engine = engine(for: ticket.lifecycleID),
              let outcome = try await fireDue(ticket, engine: engine, at: now) else { return false }
        try await save(outcome, expecting: ticket.version, engine: engine, at: now)
        return true
    }
}
