import Foundation
import FormrunnerCore
import Testing

/// `update(together:)`: several tickets written in one transaction, or none of them.
extension TicketStoreConformance.Writing {
    @Test("changes written together are all written, with their history, timers and e-mails", arguments: StoreKind.all)
    func togetherWritesAll(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let first = try await Samples.create(Samples.ticket(title: "Duplicate"), in: store)
            let second = try await Samples.create(Samples.ticket(title: "Target"), in: store)
            let ended = Samples.next(first, status: "closed", at: 10, timers: [])
            let linked = Samples.next(second, status: "open", at: 10)
            try await store.update(together: [
                TicketChange(ticket: ended, expectedVersion: first.version,
                             history: [HistoryEntry(at: Samples.instant(10), actor: .agent, event: "merge", from: "open", to: "closed")],
                             outbox: [Samples.message("merged-1", at: 10)]),
                TicketChange(ticket: linked, expectedVersion: second.version,
                             history: [HistoryEntry(at: Samples.instant(10), actor: .agent, event: "merged", from: "open", to: "open")]),
            ])
            #expect(try await store.ticket(1) == ended.storedForm)
            #expect(try await store.ticket(2) == linked.storedForm)
            #expect(try await store.history(1).map(\.event) == ["create", "merge"])
            #expect(try await store.history(2).map(\.event) == ["create", "merged"])
            #expect(try await store.outbox(for: 1).map(\.id) == ["merged-1"])
            #expect(try await store.outbox(for: 1).first?.ticketNumber == 1)
            #expect(try await store.count(status: "closed") == 1)
            try await store.update(together: [])
        }
    }

    @Test("a stale change written together throws its conflict and leaves every ticket as it was", arguments: StoreKind.all)
    func togetherStaleWritesNone(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let first = try await Samples.create(Samples.ticket(title: "Duplicate"), in: store)
            let second = try await Samples.create(Samples.ticket(title: "Target"), in: store)
            try await store.touch(2, at: Samples.instant(5))
            let changes = [
                TicketChange(ticket: Samples.next(first, status: "closed", at: 10, timers: []), expectedVersion: first.version,
                             history: [HistoryEntry(at: Samples.instant(10), actor: .agent, event: "merge", from: "open", to: "closed")],
                             outbox: [Samples.message("merged-1", at: 10)]),
                TicketChange(ticket: Samples.next(second, status: "open", at: 10), expectedVersion: second.version,
                             history: [HistoryEntry(at: Samples.instant(10), actor: .agent, event: "merged", from: "open", to: "open")]),
            ]
            await #expect(throws: TicketStoreError.conflict(number: 2, expected: 1, actual: 2)) {
                try await store.update(together: changes)
            }
            #expect(try await store.ticket(1) == first)
            #expect(try await store.history(1).map(\.event) == ["create"])
            #expect(try await store.outbox(for: 1).isEmpty)
            #expect(try await store.history(2).map(\.event) == ["create", "note"])
            #expect(try await store.count(status: "closed") == 0)
            var unknown = changes[1].ticket
            unknown.number = 42
            await #expect(throws: TicketStoreError.notFound(42)) {
                try await store.update(together: [changes[0], TicketChange(ticket: unknown, expectedVersion: 1)])
            }
            #expect(try await store.ticket(1) == first)
        }
    }
}
