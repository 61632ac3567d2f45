import Foundation
import FormrunnerCore
import Testing

/// Counts per status kept by the stores with every write, checked against the tickets themselves.
@Suite("Status counts on every store")
struct StatusCountTests {
    static let statuses = ["open", "awaiting_reply", "solved", "closed"]

    /// `count(status:)` for each status and for all, next to the tickets the store lists in it.
    static func expectCountsTrue(in store: any TicketStore, _ step: String) async throws {
        var all = 0
        for status in statuses {
            let listed = try await store.list(status: status, before: nil, limit: 10_000).count
            #expect(try await store.count(status: status) == listed, "\(status) after \(step)")
            all += listed
        }
        #expect(try await store.count(status: nil) == all, "all after \(step)")
        #expect(try await store.count(status: "no-such-status") == 0)
    }

    @Test("counts equal the tickets in each status after every kind of change", arguments: StoreKind.all)
    func countsFollowEveryChange(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let desk = DeskOnStoresTests.desk(store)
            let at = DeskTickBatchTests.solvedAt
            try await Self.expectCountsTrue(in: store, "nothing")
            let numbers = try await DeskTickBatchTests.solvedTickets(4, on: desk)
            try await Self.expectCountsTrue(in: store, "creates and solves")
            _ = try await desk.transition(numbers[0], event: "reply", by: .requester, at: at.addingTimeInterval(7200))
            try await Self.expectCountsTrue(in: store, "a reopen")
            _ = try await desk.transition(numbers[0], event: "ask", by: .agent, at: at.addingTimeInterval(7300))
            try await Self.expectCountsTrue(in: store, "a question")
            var pair: [Int64] = []
            for title in ["Screen flickers", "Screen flickers again"] {
                pair.append(try await desk.create(formID: "demo.vault", answers: ["title": .single(title), "password": .single("pw0zebracorn")],
                                                  requester: Requester(email: "same@example.com"), at: at.addingTimeInterval(7400)).number)
            }
            _ = try await desk.merge(pair[1], into: pair[0], by: nil, at: at.addingTimeInterval(7500))
            try await Self.expectCountsTrue(in: store, "a merge")
            _ = try await desk.note(pair[0], message: "checked", by: nil, at: at.addingTimeInterval(7600))
            try await Self.expectCountsTrue(in: store, "a note")
            let report = try await desk.tick(at: DeskTickBatchTests.later)
            #expect(report.fired.count == 3)
            try await Self.expectCountsTrue(in: store, "a tick")
            #expect(try await store.count(status: "closed") == 4)
            #expect(try await store.count(status: "open") == 1)
            #expect(try await store.count(status: "awaiting_reply") == 1)
            #expect(try await store.count(status: nil) == 6)
        }
    }
}
