import Foundation
import FormrunnerCore
import Testing

extension TicketStoreConformance.Writing {
    @Test("a ticket's language is stored, kept by updates and listed with the requester's tickets", arguments: StoreKind.all)
    func languageRoundTrip(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            var portuguese = Samples.ticket(title: "Em português")
            portuguese.language = "pt"
            let created = try await Samples.create(portuguese, in: store)
            #expect(created.language == "pt")
            #expect(try await store.ticket(1)?.language == "pt")
            let moved = Samples.next(created, status: "solved", at: 1)
            try await store.update(moved, expectedVersion: 1, history: [], outbox: [])
            #expect(try await store.ticket(1)?.language == "pt")
            let legacy = try await Samples.create(Samples.ticket(title: "Before languages"), in: store)
            #expect(legacy.language == nil)
            #expect(try await store.ticket(2)?.language == nil)
            let listed = try await store.list(requester: portuguese.requester.email, status: nil, before: nil, limit: 5)
            #expect(listed.map(\.language) == [nil, "pt"])
        }
    }
}
