import Foundation
import FormrunnerCore
import Testing

/// The tick in batches, on every store: each batch read at once and written in one transaction, a
/// conflict on one ticket retried alone, and several tickers closing each ticket once.
@Suite("The tick in batches on every store")
struct DeskTickBatchTests {
    static let solvedAt = DeskOnStoresTests.wednesday
    /// A month after solving: every `close` timer (27 working hours) is long due.
    static let later = solvedAt.addingTimeInterval(30 * 86_400)

    /// Files `count` tickets and solves each, so that each has one due `close` timer at ``later``.
    static func solvedTickets(_ count: Int, on desk: TicketDesk) async throws -> [Int64] {
        var numbers: [Int64] = []
        for index in 0..<count {
            let ticket = try await desk.create(formID: "demo.vault", answers: ["title": .single("Printer \(index) jams"), "password": .single("pw\(index)zebracorn")],
                                               requester: Requester(email: "r\(index)@example.com"),
                                               at: solvedAt.addingTimeInterval(Double(index)))
            _ = try await desk.transition(ticket.number, event: "solve", by: .agent, at: solvedAt.addingTimeInterval(3600))
            numbers.append(ticket.number)
        }
        return numbers
    }

    /// Every ticket closed, with exactly one `close` line and one `closed` e-mail each, and no timer left.
    static func expectClosedOnce(_ numbers: [Int64], in store: any TicketStore) async throws {
        for number in numbers {
            let ticket = try #require(try await store.ticket(number))
            #expect(ticket.status == "closed", "ticket \(number)")
            #expect(ticket.timers.isEmpty, "ticket \(number)")
            #expect(try await store.history(number).count { $0.event == "close" } == 1, "ticket \(number)")
            #expect(try await store.outbox(for: number).count { $0.template == "closed" } == 1, "ticket \(number)")
        }
    }

    /// `inner`, with ticket `number` changed by someone else just before each batch holding it is
    /// written and, when `alsoAlone`, before it is written alone too.
    static func changing(_ number: Int64, behind inner: any TicketStore, alsoAlone: Bool) -> InterferingStore {
        InterferingStore(inner, beforeBatch: { store, changes in
            if changes.contains(where: { $0.ticket.number == number }) { try await store.touch(number, at: later) }
        }, beforeUpdate: { store, ticket in
            if alsoAlone, ticket.number == number { try await store.touch(number, at: later) }
        })
    }

    @Test("a conflict on one ticket of a batch leaves the others closed and retries it alone", arguments: StoreKind.all)
    func conflictRetriedAlone(kind: StoreKind) async throws {
        try await kind.withStore { inner, _ in
            let numbers = try await Self.solvedTickets(5, on: DeskOnStoresTests.desk(inner))
            let store = Self.changing(3, behind: inner, alsoAlone: false)
            let report = try await DeskOnStoresTests.desk(store).tick(at: Self.later)
            #expect(Set(report.fired) == Set(numbers))
            #expect(report.fired.count == numbers.count)
            #expect(report.conflicts.isEmpty)
            #expect(store.batches == [numbers])
            #expect(store.singles == [3])
            try await Self.expectClosedOnce(numbers, in: inner)
            #expect(try await inner.history(3).map(\.event).suffix(2) == ["note", "close"])
        }
    }

    @Test("a ticket that conflicts again alone is reported and closed by a tick after its claim runs out", arguments: StoreKind.all)
    func conflictTwice(kind: StoreKind) async throws {
        try await kind.withStore { inner, _ in
            let numbers = try await Self.solvedTickets(4, on: DeskOnStoresTests.desk(inner))
            let store = Self.changing(2, behind: inner, alsoAlone: true)
            let report = try await DeskOnStoresTests.desk(store).tick(at: Self.later)
            #expect(report.fired == [1, 3, 4])
            #expect(report.conflicts == [2])
            #expect(try await inner.ticket(2)?.status == "solved")
            #expect(try await inner.outbox(for: 2).contains { $0.template == "closed" } == false)
            let next = try await DeskOnStoresTests.desk(inner).tick(at: Self.later.addingTimeInterval(TicketDesk.defaultLease + 1))
            #expect(next.fired == [2])
            try await Self.expectClosedOnce(numbers, in: inner)
        }
    }

    @Test("tickets are claimed, read and written a batch at a time", arguments: StoreKind.all)
    func batchesOfTheGivenSize(kind: StoreKind) async throws {
        try await kind.withStore { inner, _ in
            let numbers = try await Self.solvedTickets(7, on: DeskOnStoresTests.desk(inner))
            let store = InterferingStore(inner)
            let report = try await DeskOnStoresTests.desk(store).tick(at: Self.later, batch: 3)
            #expect(report.fired == numbers)
            #expect(store.batches.map(\.count) == [3, 3, 1])
            #expect(store.singles.isEmpty)
            try await Self.expectClosedOnce(numbers, in: inner)
            #expect(try await DeskOnStoresTests.desk(inner).tick(at: Self.later) == TicketDesk.TickReport())
        }
    }

    @Test("three tickers at once close each ticket once, with one e-mail each", arguments: StoreKind.all)
    func severalTickers(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let numbers = try await Self.solvedTickets(40, on: DeskOnStoresTests.desk(store))
            let reports = try await withThrowingTaskGroup(of: TicketDesk.TickReport.self) { group in
                for _ in 0..<3 {
                    group.addTask { try await DeskOnStoresTests.desk(store).tick(at: Self.later, batch: 4) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let fired = reports.flatMap(\.fired)
            #expect(fired.count == Set(fired).count)
            #expect(Set(fired).union(reports.flatMap(\.conflicts)) == Set(numbers))
            _ = try await DeskOnStoresTests.desk(store).tick(at: Self.later.addingTimeInterval(600))
            try await Self.expectClosedOnce(numbers, in: store)
        }
    }
}
