import Foundation
import FormrunnerCore
import Testing

/// The batched reads, writes and marks of the contract, on every store.
extension TicketStoreConformance.Reading {
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
}

extension TicketStoreConformance.Writing {
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

    @Test("a batch change made from the stored ticket stores what a full write stores", arguments: StoreKind.all)
    func batchFromStoredTicket(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let due = [ArmedTimer(event: "close", dueAt: Samples.instant(5))]
            for index in 0..<4 {
                _ = try await Samples.create(Samples.ticket(title: "Scanner \(index) jams", timers: due), in: store)
            }
            // Claimed like a tick claims them: a write keeping a timer as it was must still end its claim.
            #expect(try await store.claimDueTickets(at: Samples.instant(10), limit: 10, until: Samples.instant(500)) == [1, 2, 3, 4])
            let read = try await store.tickets([1, 2, 3, 4])
            var closed = Samples.next(read[0], status: "closed", at: 10, timers: [])
            closed.figures = TicketFigures(closedAt: Samples.instant(10))
            var retitled = Samples.next(read[1], status: "closed", at: 10, timers: [])
            retitled.title = "Toner smears"
            retitled.answers = ["summary": .text("Streaks everywhere")]
            let kept = Samples.next(read[2], status: "solved", at: 10)
            var elsewhere = Samples.next(read[3], status: "closed", at: 10, timers: [])
            elsewhere.title = "Fax is silent"
            var misnumbered = read[0]
            misnumbered.number = 4
            let changes = [
                TicketChange(ticket: closed, expectedVersion: 1, previous: read[0]),
                TicketChange(ticket: retitled, expectedVersion: 1, previous: read[1]),
                TicketChange(ticket: kept, expectedVersion: 1, previous: read[2]),
                // Not the stored ticket (another number): ignored, everything written.
                TicketChange(ticket: elsewhere, expectedVersion: 1, previous: misnumbered),
            ]
            #expect(try await store.update(batch: changes).isEmpty)
            for (index, change) in changes.enumerated() {
                #expect(try await store.ticket(Int64(index + 1)) == change.ticket.storedForm)
            }
            #expect(try await store.search("toner streaks", limit: 10).map(\.number) == [2])
            #expect(try await store.search("scanner", limit: 10).map(\.number) == [3, 1])
            #expect(try await store.search("fax", limit: 10).map(\.number) == [4])
            #expect(try await store.count(status: "closed") == 3)
            #expect(try await store.count(status: "solved") == 1)
            #expect(try await store.claimDueTickets(at: Samples.instant(10), limit: 10, until: Samples.instant(500)) == [3])
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
}

extension TicketStoreConformance.WorkQueue {
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
