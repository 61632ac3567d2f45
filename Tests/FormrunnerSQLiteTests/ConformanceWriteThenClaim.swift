import Foundation
import FormrunnerCore
import Testing

/// `update(batch:thenClaimDueAt:limit:until:)`, the call a tick makes between two batches, on every store.
extension TicketStoreConformance.WorkQueue {
    @Test("a batch then a claim: the batch is written, the claim sees it and holds the due timers no one holds",
          arguments: StoreKind.all)
    func batchThenClaim(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            try await Self.createDue(4, in: store)
            #expect(try await store.claimDueTickets(at: Samples.instant(10), limit: 2, until: Samples.instant(500)) == [1, 2])
            let read = try await store.tickets([1, 2])
            // Ticket 1 is closed (its timer gone); ticket 2 is written keeping a timer due again (still claimable).
            let changes = [
                TicketChange(ticket: Samples.next(read[0], status: "closed", at: 10, timers: []), expectedVersion: 1,
                             history: [HistoryEntry(at: Samples.instant(10), actor: .system, event: "close", from: "open", to: "closed")],
                             outbox: [Samples.message("closed-1", at: 10)], previous: read[0]),
                TicketChange(ticket: Samples.next(read[1], status: "open", at: 10,
                                                  timers: [ArmedTimer(event: "remind", dueAt: Samples.instant(8))]),
                             expectedVersion: 1, previous: read[1]),
            ]
            let (conflicts, claimed) = try await store.update(batch: changes, thenClaimDueAt: Samples.instant(10), limit: 10,
                                                              until: Samples.instant(500))
            #expect(conflicts.isEmpty)
            // Ticket 1 has nothing due any more; 2's new timer, written by the batch, is free; 3 and 4 were never held.
            #expect(Set(claimed) == [2, 3, 4])
            #expect(try await store.ticket(1)?.status == "closed")
            #expect(try await store.outbox(for: 1).map(\.id) == ["closed-1"])
            #expect(try await store.claimDueTickets(at: Samples.instant(10), limit: 10, until: Samples.instant(500)).isEmpty)
        }
    }

    @Test("a batch then a claim: a refused batch writes nothing and claims nothing; a limit below 1 claims nothing",
          arguments: StoreKind.all)
    func refusedBatchThenClaim(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            try await Self.createDue(3, in: store)
            let read = try await store.tickets([1])
            let reused = TicketChange(ticket: Samples.next(read[0], status: "closed", at: 10, timers: []), expectedVersion: 1,
                                      outbox: [Samples.message("same", at: 10), Samples.message("same", at: 10)], previous: read[0])
            await #expect(throws: TicketStoreError.self) {
                _ = try await store.update(batch: [reused], thenClaimDueAt: Samples.instant(10), limit: 10, until: Samples.instant(500))
            }
            #expect(try await store.ticket(1)?.status == "open")
            let kept = TicketChange(ticket: Samples.next(read[0], status: "closed", at: 10, timers: []), expectedVersion: 1,
                                    previous: read[0])
            let (conflicts, claimed) = try await store.update(batch: [kept], thenClaimDueAt: Samples.instant(10), limit: 0,
                                                              until: Samples.instant(500))
            #expect(conflicts.isEmpty && claimed.isEmpty)
            #expect(try await store.ticket(1)?.status == "closed")
            #expect(try await store.claimDueTickets(at: Samples.instant(10), limit: 10, until: Samples.instant(500)) == [2, 3])
        }
    }

    /// Files `count` tickets, numbered from 1, each with a timer due at instant 5.
    private static func createDue(_ count: Int, in store: any TicketStore) async throws {
        let due = [ArmedTimer(event: "close", dueAt: Samples.instant(5))]
        for index in 0..<count {
            _ = try await Samples.create(Samples.ticket(title: "Scanner \(index) jams", timers: due), in: store)
        }
    }
}
