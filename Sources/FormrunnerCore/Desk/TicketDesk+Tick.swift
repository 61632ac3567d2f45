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
    /// Each claimed batch is read at once (``TicketStore/tickets(_:)``), run through the engine and its
    /// e-mails composed (spread over the cores), then written in one transaction
    /// (``TicketStore/update(batch:)``). The batches are pipelined: the next batch is claimed before a
    /// batch is written, and read and composed while it is written. A ticket changed meanwhile by
    /// someone else is left out of that write and tried again alone, from what is stored; if that
    /// conflicts too it is reported and left to the next tick. The tick ends when a claim made after
    /// the last write finds nothing. `shouldContinue` is asked before each batch and each ticket: once
    /// it says no, what is ready is written and the tick stops (tickets still claimed wait for their
    /// claims to run out).
    public func tick(at now: Date, batch: Int = TicketDesk.defaultTickBatch, lease: TimeInterval = TicketDesk.defaultLease,
                     while shouldContinue: @escaping @Sendable () -> Bool = { true }) async throws -> TickReport {
        var report = TickReport()
        let until = now.addingTimeInterval(max(lease, 0.001))
        // Read and composed, not yet written.
        var ready: [TicketChange] = []
        while true {
            var claimed: [Int64] = []
            if shouldContinue() {
                // A ticket that conflicted twice is not tried again in this tick (the change that beat it
                // may have ended its claim); it waits for its claim to run out.
                let given = Set(report.conflicts)
                claimed = try await store.claimDueTickets(at: now, limit: batch, until: until).filter { !given.contains($0) }
            }
            // Nothing claimed after the last write, nothing left to write.
            if claimed.isEmpty, ready.isEmpty { break }
            let writing = ready
            async let written = write(writing)
            let next: Result<[TicketChange], any Error>
            do {
                next = .success(claimed.isEmpty ? []
                    : try await firedChanges(of: try await store.tickets(claimed), at: now, while: shouldContinue))
            } catch {
                next = .failure(error)
            }
            let conflicts = try await written
            let retried = Set(conflicts)
            report.fired += writing.map(\.ticket.number).filter { !retried.contains($0) }
            for number in conflicts {
                guard shouldContinue() else { return report }
                do {
                    if try await fireAlone(number, at: now) { report.fired.append(number) }
                } catch TicketStoreError.conflict {
                    report.conflicts.append(number)
                }
            }
            ready = try next.get()
        }
        return report
    }

    /// The writes of the timers due on `tickets`, in their order (tickets with nothing due left
    /// out), prepared in as many slices as there are cores.
    private func firedChanges(of tickets: [Ticket], at now: Date,
                              while shouldContinue: @escaping @Sendable () -> Bool) async throws -> [TicketChange] {
        let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, tickets.count / 64))
        let size = (tickets.count + cores - 1) / max(cores, 1)
        let slices = stride(from: 0, to: tickets.count, by: max(size, 1)).map { Array(tickets[$0..<min($0 + size, tickets.count)]) }
        return try await withThrowingTaskGroup(of: (Int, [TicketChange]).self) { group in
            for (index, slice) in slices.enumerated() {
                group.addTask {
                    var changes: [TicketChange] = []
                    for ticket in slice {
                        guard shouldContinue() else { break }
                        if let change = try await firedChange(of: ticket, at: now) { changes.append(change) }
                    }
                    return (index, changes)
                }
            }
            var done: [Int: [TicketChange]] = [:]
            for try await (index, changes) in group { done[index] = changes }
            return slices.indices.flatMap { done[$0] ?? [] }
        }
    }

    /// The write of the earliest timer due on `ticket`, or `nil` when none is due.
    private func firedChange(of ticket: Ticket, at now: Date) async throws -> TicketChange? {
        guard let engine = engine(for: ticket.lifecycleID),
              let outcome = try await fireDue(ticket, engine: engine, at: now) else { return nil }
        return try await change(outcome, expecting: ticket.version, engine: engine, at: now, previous: ticket)
    }

    /// Writes `changes` in one batch and returns the numbers of those that conflicted. When the batch
    /// as a whole is refused (nothing written), each change is written alone instead, so that one bad
    /// ticket does not hold up the others.
    private func write(_ changes: [TicketChange]) async throws -> [Int64] {
        guard !changes.isEmpty else { return [] }
        let conflicts: [Int64]
        do {
            conflicts = try await store.update(batch: changes)
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
            return alone
        }
        let skipped = Set(conflicts)
        written.note(changes.filter { !skipped.contains($0.ticket.number) }.flatMap(\.outbox))
        return conflicts
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
