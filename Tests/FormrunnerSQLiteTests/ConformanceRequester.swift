import Foundation
import FormrunnerCore
import Testing

extension TicketStoreConformance.Reading {
    /// Tickets 1–6 by three requesters (spelled with varying case and white space), some solved.
    private func requesterTickets(in store: any TicketStore) async throws {
        let owners: [(email: String, status: String)] = [
            ("ana@example.com", "open"), ("bo@example.com", "open"), (" Ana@Example.COM ", "solved"),
            ("anna@example.com", "open"), ("ANA@example.com", "open"), ("ana@example.com.br", "solved"),
        ]
        for (index, owner) in owners.enumerated() {
            var ticket = Samples.ticket(title: "Ticket \(index + 1)", status: owner.status)
            ticket.requester = Requester(email: owner.email)
            try await Samples.create(ticket, in: store)
        }
    }

    @Test("a requester's tickets: only theirs, newest first, whatever the case of the e-mail", arguments: StoreKind.all)
    func requesterTicketsOnly(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            try await requesterTickets(in: store)
            #expect(try await store.list(requester: "ana@example.com", status: nil, before: nil, limit: 10).map(\.number)
                    == [5, 3, 1])
            #expect(try await store.list(requester: "\tANA@EXAMPLE.com\n", status: nil, before: nil, limit: 10)
                        .map(\.number) == [5, 3, 1])
            #expect(try await store.list(requester: "bo@example.com", status: nil, before: nil, limit: 10).map(\.number)
                    == [2])
            #expect(try await store.list(requester: "carla@example.com", status: nil, before: nil, limit: 10) == [])
            #expect(try await store.list(requester: "ana@example", status: nil, before: nil, limit: 10) == [])
            #expect(try await store.list(requester: "%", status: nil, before: nil, limit: 10) == [])
            #expect(try await store.list(requester: "ana@example.com", status: nil, before: nil, limit: 1).first
                    == store.ticket(5))
        }
    }

    @Test("a requester's tickets: by status, and paged", arguments: StoreKind.all)
    func requesterTicketsFilteredAndPaged(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            try await requesterTickets(in: store)
            #expect(try await store.list(requester: "ana@example.com", status: "solved", before: nil, limit: 10)
                        .map(\.number) == [3])
            #expect(try await store.list(requester: "ana@example.com", status: "open", before: nil, limit: 10)
                        .map(\.number) == [5, 1])
            #expect(try await store.list(requester: "ana@example.com", status: "closed", before: nil, limit: 10) == [])
            #expect(try await store.list(requester: "ana@example.com", status: nil, before: nil, limit: 2).map(\.number)
                    == [5, 3])
            #expect(try await store.list(requester: "ana@example.com", status: nil, before: 3, limit: 2).map(\.number)
                    == [1])
            #expect(try await store.list(requester: "ana@example.com", status: nil, before: 1, limit: 2) == [])
            #expect(try await store.list(requester: "ana@example.com", status: "open", before: 5, limit: 10)
                        .map(\.number) == [1])
            #expect(try await store.list(requester: "ana@example.com", status: nil, before: nil, limit: 0) == [])
        }
    }

    @Test("a requester's tickets follow a change of requester", arguments: StoreKind.all)
    func requesterTicketsAfterUpdate(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            try await requesterTickets(in: store)
            var moved = Samples.next(try #require(try await store.ticket(2)), status: "open", at: 1)
            moved.requester = Requester(email: "Ana@example.com")
            try await store.update(moved, expectedVersion: 1, history: [], outbox: [])
            #expect(try await store.list(requester: "ana@example.com", status: nil, before: nil, limit: 10).map(\.number)
                    == [5, 3, 2, 1])
            #expect(try await store.list(requester: "bo@example.com", status: nil, before: nil, limit: 10) == [])
        }
    }
}
