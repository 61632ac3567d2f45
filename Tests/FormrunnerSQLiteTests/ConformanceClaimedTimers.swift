import Foundation
import FormrunnerCore
import Testing

extension TicketStoreConformance.WorkQueue {
    @Test("a claim holds only the timers it picked: a ticket with two due timers comes once, a later timer stays free",
          arguments: StoreKind.all)
    func claimHoldsPickedTimers(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            try await Samples.create(Samples.ticket(timers: [ArmedTimer(event: "close", dueAt: Samples.instant(10)),
                                                             ArmedTimer(event: "remind", dueAt: Samples.instant(12)),
                                                             ArmedTimer(event: "survey", dueAt: Samples.instant(80))]),
                                     in: store)
            try await Samples.create(Samples.ticket(timers: [ArmedTimer(event: "close", dueAt: Samples.instant(15))]), in: store)
            #expect(try await store.claimDueTickets(at: Samples.instant(30), limit: 3, until: Samples.instant(500)) == [1, 2])
            #expect(try await store.claimDueTickets(at: Samples.instant(30), limit: 10, until: Samples.instant(500)) == [])
            // The survey timer fell due after the claims: it was not held with its ticket's others.
            #expect(try await store.claimDueTickets(at: Samples.instant(90), limit: 10, until: Samples.instant(500)) == [1])
            #expect(try await store.claimDueTickets(at: Samples.instant(90), limit: 10, until: Samples.instant(500)) == [])
        }
    }
}
