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

    /// How many tickets a tick claims, reads and writes at a time by default.
    public static let defaultTickBatch = 2_000

    /// Fires every timer due at or before `now`. Running it twice does nothing the second time.
    ///
    /// Timers are claimed (``TicketStore/claimDueTickets(at:limit:until:)``) `batch` tickets at a time and
    /// held for `lease` seconds, so several processes ticking at once never fire the same timer; a process
    /// that dies mid-way leaves its claims to run out, and its tickets are fired by the next tick after that.
    ///
    /// Each claimed batch is read (``TicketStore/tickets(_:)``), run through the engine and its e-mails
    /// composed, in as many slices as there are cores, each slice read and composed on its own; then the
    /// batch is written in one transaction, and the next batch but one claimed right after it, by the
    /// same call to the store (``TicketStore/update(batch:thenClaimDueAt:limit:until:)``). The batches are
    /// pipelined: while one batch is written and the one after next claimed, the next batch is read and
    /// composed, so that the writer, which only one connection holds at a time, never waits for the
    /// engine. A ticket changed meanwhile by someone else is left out of that write and tried again
    /// alone, from what is stored; if that conflicts too it is reported and left to the next tick. The
    /// tick ends when a claim made after the last write finds nothing. `shouldContinue` is asked before
    /// each claim and each ticket: once it says no, what is ready is written and the tick stops
    /// (tickets still claimed wait for their claims to run out).
    public func tick(at now: Date, batch: Int = TicketDesk.defaultTickBatch, lease: TimeInterval = TicketDesk.defaultLease,
                     while shouldContinue: @escaping @Sendable () -> Bool = { true }) async throws -> TickReport {
        var report = TickReport()
        let until = now.addingTimeInterval(max(lease, 0.001))
        // Claimed, not yet read.
        var claimed = shouldContinue() ? try await store.claimDueTickets(at: now, limit: batch, until: until) : []
        // Read and composed, not yet written.
        var ready: [TicketChange] = []
        while true {
            // Nothing claimed after the last write, nothing left to write.
            if claimed.isEmpty, ready.isEmpty { break }
            let writing = ready
            let limit = shouldContinue() ? batch : 0
            async let written = writeThenClaim(writing, at: now, limit: limit, until: until)
            // A ticket that conflicted twice is not tried again in this tick (the change that beat it
            // may have ended its claim); it waits for its claim to run out.
            let given = Set(report.conflicts)
            let reading = given.isEmpty ? claimed : claimed.filter { !given.contains($0) }
            let next: Result<[TicketChange], any Error>
            do {
                next = .success(try await firedChanges(of: reading, at: now, while: shouldContinue))
            } catch {
                next = .failure(error)
            }
            let (conflicts, nextClaimed) = try await written
            let retried = Set(conflicts)
            report.fired += retried.isEmpty ? writing.map(\.ticket.number)
                : writing.map(\.ticket.number).filter { !retried.contains($0) }
            for number in conflicts {
                guard shouldContinue() else { return report }
                do {
                    if try await fireAlone(number, at: now) { report.fired.append(number) }
                } catch TicketStoreError.conflict {
                    report.conflicts.append(number)
                }
            }
            ready = try next.get()
            claimed = nextClaimed
            // The tickets written alone may have armed timers already due: claim after their writes too.
            if claimed.isEmpty, ready.isEmpty, !conflicts.isEmpty, limit > 0 {
                claimed = try await store.claimDueTickets(at: now, limit: batch, until: until)
            }
        }
        return report
    }

    /// The writes of the timers due on the tickets numbered `numbers`, in their order (tickets with
    /// nothing due left out): the numbers cut in slices, each slice read and then run through the
    /// engine on its own, as many slices at once as there are cores.
    private func firedChanges(of numbers: [Int64], at now: Date,
                              while shouldContinue: @escaping @Sendable () -> Bool) async throws -> [TicketChange] {
        guard !numbers.isEmpty else { return [] }
        let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, numbers.count / 64))
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
        if conflicts.isEmpty {
            written.note(changes.flatMap(\.outbox))
        } else {
            let skipped = Set(conflicts)
            written.note(changes.filter { !skipped.contains($0.ticket.number) }.flatMap(\.outbox))
        }
        return (conflicts, claimed)
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
