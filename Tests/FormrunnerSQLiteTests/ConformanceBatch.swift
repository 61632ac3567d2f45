import Foundation
import FormrunnerCore
import Testing

/// The batched reads and writes of the contract, on every store.
extension TicketStoreConformance {
    @Test("tickets(_:) reads many tickets at once in the order asked, unknown numbers left out", arguments: StoreKind.all)
    func batchRead(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            for index in 0..<3 {
                try await Samples.create(Samples.ticket(title: "T\(index)", timers: [ArmedTimer(event: "close", dueAt: Samples.instant(60))]),
                                         in: store)
            }
            let read = try await store.tickets([3, 9, 1])
            #expect(read.map(\.number) == [3, 1])
            #expect(read.map(\.title) == ["T2", "T0"])
            #expect(read.first == (try await store.ticket(3)))
            #expect(read.first?.timers.map(\.event) == ["close"])
            #expect(try await store.tickets([]).isEmpty)
        }
    }

    @Test("a batch writes every change whose version still matches and leaves out a stale one", arguments: StoreKind.all)
    func batchWithStaleChange(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            var originals: [Ticket] = []
            for index in 0..<3 {
                originals.append(try await Samples.create(Samples.ticket(title: "T\(index)"), in: store))
            }
            try await store.touch(2, at: Samples.instant(5))
            let changes = originals.map { ticket in
                TicketChange(ticket: Samples.next(ticket, status: "solved", at: 10, timers: [ArmedTimer(event: "close", dueAt: Samples.instant(99))]),
                             expectedVersion: ticket.version,
                             history: [HistoryEntry(at: Samples.instant(10), actor: .agent, event: "solve", from: "open", to: "solved")],
                             outbox: [Samples.message("solved-\(ticket.number)", at: 10)])
            }
            #expect(try await store.update(batch: changes) == [2])
            for number: Int64 in [1, 3] {
                #expect(try await store.ticket(number) == changes[Int(number) - 1].ticket.storedForm)
                #expect(try await store.history(number).map(\.event) == ["create", "solve"])
                #expect(try await store.outbox(for: number).map(\.id) == ["solved-\(number)"])
                #expect(try await store.outbox(for: number).first?.ticketNumber == number)
            }
            #expect(try await store.ticket(2)?.status == "open")
            #expect(try await store.ticket(2)?.version == 2)
            #expect(try await store.history(2).map(\.event) == ["create", "note"])
            #expect(try await store.outbox(for: 2).isEmpty)
            #expect(try await store.dueTickets(at: Samples.instant(100), limit: 10) == [1, 3])
            #expect(try await store.count(status: "solved") == 2)
            #expect(try await store.count(status: "open") == 1)
        }
    }

    @Test("a batch with a refused change writes nothing at all", arguments: StoreKind.all)
    func batchRefusedWhole(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let first = try await Samples.create(Samples.ticket(), in: store)
            let second = try await store.create(Samples.ticket(title: "Other"), history: [], submissionKey: nil, files: [:]) { ticket in
                [Samples.message("taken", ticket: ticket.number)]
            }
            let changes = [first, second].map { ticket in
                TicketChange(ticket: Samples.next(ticket, status: "solved", at: 10), expectedVersion: ticket.version,
                             outbox: [Samples.message(ticket.number == 1 ? "fresh" : "taken", at: 10)])
            }
            await #expect(throws: TicketStoreError.invalid("outbox message taken already exists")) {
                try await store.update(batch: changes)
            }
            #expect(try await store.ticket(1)?.status == "open")
            #expect(try await store.outbox(for: 1).isEmpty)
            var unknown = Samples.next(first, status: "solved", at: 10)
            unknown.number = 42
            await #expect(throws: TicketStoreError.notFound(42)) {
                try await store.update(batch: [TicketChange(ticket: unknown, expectedVersion: 1)])
            }
            await #expect(throws: TicketStoreError.invalid("ticket 1 is written as version 1 over version 1; the new version must be 2")) {
                try await store.update(batch: [TicketChange(ticket: first, expectedVersion: 1)])
            }
            #expect(try await store.update(batch: []).isEmpty)
        }
    }

    @Test("deliveries are recorded in one write, and an unknown id records none", arguments: StoreKind.all)
    func batchDelivered(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            _ = try await store.create(Samples.ticket(), history: [], submissionKey: nil, files: [:]) { ticket in
                [Samples.message("a", ticket: ticket.number), Samples.message("b", ticket: ticket.number),
                 Samples.message("c", ticket: ticket.number)]
            }
            await #expect(throws: TicketStoreError.messageNotFound("nope")) {
                try await store.markDelivered(["a", "nope"], at: Samples.instant(5))
            }
            #expect(try await store.outbox(for: 1).allSatisfy { $0.deliveredAt == nil })
            try await store.markDelivered(["a", "c"], at: Samples.instant(5))
            let messages = try await store.outbox(for: 1)
            #expect(messages.map { $0.deliveredAt != nil } == [true, false, true])
            #expect(messages.map(\.attempts) == [1, 0, 1])
            #expect(try await store.pendingOutbox(at: Samples.instant(10), limit: 10).map(\.id) == ["b"])
        }
    }
}
