import Foundation
import FormrunnerCore
import Testing

extension TicketStoreConformance.WorkQueue {
    @Test("due timers: earliest first, not-yet-due left out", arguments: StoreKind.all)
    func dueTimers(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let plans: [[Double]] = [[30], [10], [100], [20, 5], []]
            for plan in plans {
                let timers = plan.enumerated().map { ArmedTimer(event: "e\($0.offset)", dueAt: Samples.instant($0.element)) }
                try await Samples.create(Samples.ticket(timers: timers), in: store)
            }
            #expect(try await store.dueTickets(at: Samples.instant(60), limit: 10) == [4, 2, 1])
            #expect(try await store.dueTickets(at: Samples.instant(60), limit: 2) == [4, 2])
            #expect(try await store.dueTickets(at: Samples.instant(10), limit: 10) == [4, 2])
            #expect(try await store.dueTickets(at: Samples.instant(9.999), limit: 10) == [4])
            #expect(try await store.dueTickets(at: Samples.instant(0), limit: 10) == [])
            #expect(try await store.dueTickets(at: Samples.instant(1000), limit: 10) == [4, 2, 1, 3])
            #expect(try await store.dueTickets(at: Samples.instant(1000), limit: 0) == [])
        }
    }
}

extension TicketStoreConformance.Writing {
    @Test("an update replaces the timers", arguments: StoreKind.all)
    func timersReplaced(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let ticket = try await Samples.create(Samples.ticket(timers: [
                ArmedTimer(event: "remind", dueAt: Samples.instant(10)),
                ArmedTimer(event: "close", dueAt: Samples.instant(20)),
            ]), in: store)
            let escalate = ArmedTimer(event: "escalate", dueAt: Samples.instant(40))
            try await store.update(Samples.next(ticket, status: "waiting", at: 1, timers: [escalate]),
                                   expectedVersion: 1, history: [], outbox: [])
            #expect(try await store.ticket(1)?.timers == [escalate])
            #expect(try await store.dueTickets(at: Samples.instant(30), limit: 10) == [])
            #expect(try await store.dueTickets(at: Samples.instant(40), limit: 10) == [1])
            let disarmed = Samples.next(Samples.next(ticket, status: "waiting", at: 1), status: "closed", at: 2, timers: [])
            try await store.update(disarmed, expectedVersion: 2, history: [], outbox: [])
            #expect(try await store.ticket(1)?.timers == [])
            #expect(try await store.dueTickets(at: Samples.instant(1000), limit: 10) == [])
        }
    }

    @Test("one timer per event: the last listed wins", arguments: StoreKind.all)
    func timerPerEvent(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let created = try await Samples.create(Samples.ticket(timers: [
                ArmedTimer(event: "remind", dueAt: Samples.instant(10)),
                ArmedTimer(event: "remind", dueAt: Samples.instant(50)),
            ]), in: store)
            #expect(created.timers == [ArmedTimer(event: "remind", dueAt: Samples.instant(50))])
            #expect(try await store.ticket(1) == created)
        }
    }
}

extension TicketStoreConformance.WorkQueue {
    @Test("outbox: pending until delivered; a failure waits for its next attempt", arguments: StoreKind.all)
    func outboxDelivery(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            _ = try await store.create(Samples.ticket(), history: [], submissionKey: nil, files: [:]) { ticket in
                [Samples.message("b-agent", ticket: ticket.number, at: 2), Samples.message("a-requester", ticket: ticket.number, at: 1)]
            }
            _ = try await store.create(Samples.ticket(), history: [], submissionKey: nil, files: [:]) { ticket in
                [Samples.message("later", ticket: ticket.number, at: 100)]
            }
            #expect(try await store.pendingOutbox(at: Samples.instant(10), limit: 10).map(\.id) == ["a-requester", "b-agent"])
            #expect(try await store.pendingOutbox(at: Samples.instant(10), limit: 1).map(\.id) == ["a-requester"])
            #expect(try await store.pendingOutbox(at: Samples.instant(1000), limit: 10).map(\.id)
                    == ["a-requester", "b-agent", "later"])

            try await store.markDelivered("a-requester", at: Samples.instant(11))
            #expect(try await store.pendingOutbox(at: Samples.instant(20), limit: 10).map(\.id) == ["b-agent"])

            try await store.markFailed("b-agent", error: "SMTP 451 try later", nextAttemptAt: Samples.instant(60))
            #expect(try await store.pendingOutbox(at: Samples.instant(30), limit: 10) == [])
            let retried = try await store.pendingOutbox(at: Samples.instant(60), limit: 10)
            #expect(retried.map(\.id) == ["b-agent"])
            #expect(retried.first?.attempts == 1)
            #expect(retried.first?.lastError == "SMTP 451 try later")
            #expect(retried.first?.nextAttemptAt == Samples.instant(60))

            let all = try await store.outbox(for: 1)
            #expect(all.map(\.id) == ["a-requester", "b-agent"])
            #expect(all.first?.deliveredAt == Samples.instant(11))
            #expect(all.first?.attempts == 1)
            var expected = Samples.message("a-requester", ticket: 1, at: 1)
            expected.attempts = 1
            expected.deliveredAt = Samples.instant(11)
            #expect(all.first == expected)
        }
    }

    @Test("messages of an update join the outbox; unknown ids are refused", arguments: StoreKind.all)
    func outboxFromUpdate(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let ticket = try await Samples.create(Samples.ticket(), in: store)
            try await store.update(Samples.next(ticket, status: "solved", at: 5), expectedVersion: 1, history: [],
                                   outbox: [Samples.message("solved", ticket: 0, at: 5)])
            #expect(try await store.outbox(for: 1).map(\.ticketNumber) == [1])
            #expect(try await store.pendingOutbox(at: Samples.instant(5), limit: 10).map(\.id) == ["solved"])
            await #expect(throws: TicketStoreError.messageNotFound("ghost")) {
                try await store.markDelivered("ghost", at: Samples.instant(6))
            }
            await #expect(throws: TicketStoreError.messageNotFound("ghost")) {
                try await store.markFailed("ghost", error: "x", nextAttemptAt: Samples.instant(6))
            }
        }
    }
}
