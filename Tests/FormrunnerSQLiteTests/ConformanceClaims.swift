import Foundation
import FormrunnerCore
import Testing

extension TicketStoreConformance.WorkQueue {
    @Test("a claimed timer is held until its claim runs out", arguments: StoreKind.all)
    func timerClaims(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            for due in [30.0, 10, 100] {
                try await Samples.create(Samples.ticket(timers: [ArmedTimer(event: "close", dueAt: Samples.instant(due))]),
                                         in: store)
            }
            #expect(try await store.claimDueTickets(at: Samples.instant(60), limit: 0, until: Samples.instant(90)) == [])
            #expect(try await store.claimDueTickets(at: Samples.instant(60), limit: 1, until: Samples.instant(90)) == [2])
            #expect(try await store.claimDueTickets(at: Samples.instant(60), limit: 10, until: Samples.instant(90)) == [1])
            #expect(try await store.claimDueTickets(at: Samples.instant(60), limit: 10, until: Samples.instant(90)) == [])
            // Listing still sees them; a claim sees them again once the claims run out.
            #expect(try await store.dueTickets(at: Samples.instant(60), limit: 10) == [2, 1])
            #expect(try await store.claimDueTickets(at: Samples.instant(89.999), limit: 10, until: Samples.instant(200)) == [])
            #expect(try await store.claimDueTickets(at: Samples.instant(120), limit: 10, until: Samples.instant(200))
                    == [2, 1, 3])
        }
    }

    @Test("writing a ticket ends the claims on its timers", arguments: StoreKind.all)
    func updateEndsTimerClaims(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let ticket = try await Samples.create(
                Samples.ticket(timers: [ArmedTimer(event: "close", dueAt: Samples.instant(10))]), in: store)
            #expect(try await store.claimDueTickets(at: Samples.instant(20), limit: 10, until: Samples.instant(500)) == [1])
            let rearmed = Samples.next(ticket, status: "solved", at: 20,
                                       timers: [ArmedTimer(event: "close", dueAt: Samples.instant(30))])
            try await store.update(rearmed, expectedVersion: 1, history: [], outbox: [])
            #expect(try await store.ticket(1)?.timers == rearmed.storedForm.timers)
            #expect(try await store.claimDueTickets(at: Samples.instant(40), limit: 10, until: Samples.instant(500)) == [1])
        }
    }

    @Test("a claimed message waits until its claim runs out or it is recorded", arguments: StoreKind.all)
    func outboxClaims(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            _ = try await store.create(Samples.ticket(), history: [], submissionKey: nil, files: [:]) { ticket in
                [Samples.message("b", ticket: ticket.number, at: 2), Samples.message("a", ticket: ticket.number, at: 1),
                 Samples.message("later", ticket: ticket.number, at: 100)]
            }
            #expect(try await store.claimOutbox(at: Samples.instant(10), limit: 0, until: Samples.instant(60)) == [])
            let claimed = try await store.claimOutbox(at: Samples.instant(10), limit: 10, until: Samples.instant(60))
            #expect(claimed.map(\.id) == ["a", "b"])
            #expect(claimed.map(\.nextAttemptAt) == [Samples.instant(60), Samples.instant(60)])
            #expect(claimed.map(\.attempts) == [0, 0])
            #expect(try await store.claimOutbox(at: Samples.instant(10), limit: 10, until: Samples.instant(60)) == [])
            #expect(try await store.pendingOutbox(at: Samples.instant(59), limit: 10) == [])

            try await store.markDelivered("a", at: Samples.instant(11))
            let again = try await store.claimOutbox(at: Samples.instant(60), limit: 10, until: Samples.instant(120))
            #expect(again.map(\.id) == ["b"])
            try await store.markFailed("b", error: "SMTP 451", nextAttemptAt: Samples.instant(70))
            #expect(try await store.claimOutbox(at: Samples.instant(100), limit: 10, until: Samples.instant(200)).map(\.id)
                    == ["b", "later"])
        }
    }

    @Test("the next claimable instant: timers, held timers and messages", arguments: StoreKind.all)
    func nextClaimable(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            #expect(try await store.nextClaimableInstant() == nil)
            try await Samples.create(Samples.ticket(timers: [ArmedTimer(event: "close", dueAt: Samples.instant(50))]), in: store)
            #expect(try await store.nextClaimableInstant() == Samples.instant(50))
            _ = try await store.create(Samples.ticket(), history: [], submissionKey: nil, files: [:]) { ticket in
                [Samples.message("m", ticket: ticket.number, at: 40)]
            }
            #expect(try await store.nextClaimableInstant() == Samples.instant(40))
            _ = try await store.claimOutbox(at: Samples.instant(45), limit: 10, until: Samples.instant(300))
            #expect(try await store.nextClaimableInstant() == Samples.instant(50))
            _ = try await store.claimDueTickets(at: Samples.instant(55), limit: 10, until: Samples.instant(200))
            #expect(try await store.nextClaimableInstant() == Samples.instant(200))
            try await store.markDelivered("m", at: Samples.instant(56))
            #expect(try await store.nextClaimableInstant() == Samples.instant(200))
        }
    }

    @Test("concurrent claims never hand out the same timer or message twice", arguments: StoreKind.all)
    func concurrentClaims(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            for index in 0..<40 {
                _ = try await store.create(
                    Samples.ticket(timers: [ArmedTimer(event: "close", dueAt: Samples.instant(Double(index)))]),
                    history: [], submissionKey: nil, files: [:]) { ticket in
                    [Samples.message("m\(ticket.number)", ticket: ticket.number, at: Double(index))]
                }
            }
            let claims = try await withThrowingTaskGroup(of: (tickets: [Int64], messages: [String]).self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        var tickets: [Int64] = [], messages: [String] = []
                        while true {
                            let due = try await store.claimDueTickets(at: Samples.instant(100), limit: 3,
                                                                      until: Samples.instant(1000))
                            let waiting = try await store.claimOutbox(at: Samples.instant(100), limit: 3,
                                                                      until: Samples.instant(1000)).map(\.id)
                            if due.isEmpty && waiting.isEmpty { return (tickets, messages) }
                            tickets += due
                            messages += waiting
                        }
                    }
                }
                return try await group.reduce(into: [(tickets: [Int64], messages: [String])]()) { $0.append($1) }
            }
            let tickets = claims.flatMap(\.tickets), messages = claims.flatMap(\.messages)
            #expect(tickets.count == 40 && Set(tickets) == Set(1...40))
            #expect(messages.count == 40 && Set(messages) == Set((1...40).map { "m\($0)" }))
        }
    }
}
