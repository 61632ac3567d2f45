import Foundation
import FormrunnerCore
import Testing

extension TicketStoreConformance {
    @Test("a repeatable group's answer (a list of items) reads back exactly", arguments: StoreKind.all)
    func groupAnswerRoundTrip(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let orders: AnswerValue = .items([
                ["order_id": .text("ORD-000001"), "amount": .number(12.5), "shipped": .date(LocalDate(year: 2026, month: 3, day: 1)!)],
                ["order_id": .text("ORD-000002 — ação"), "amount": .number(0), "reason": .choice("damaged"), "urgent": .boolean(true)],
                [:],
            ])
            let ticket = Samples.ticket(answers: ["orders": orders, "none": .items([]), "summary": .text("two orders")])
            let created = try await Samples.create(ticket, in: store)
            #expect(created.answers["orders"] == orders)
            let read = try await store.ticket(created.number)
            #expect(read?.answers["orders"] == orders)
            #expect(read?.answers["none"] == .items([]))
            #expect(read?.answers == created.answers)
        }
    }

    @Test("a text answer inside a group's item finds its ticket", arguments: StoreKind.all)
    func groupTextIsSearchable(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let orders: AnswerValue = .items([["order_id": .text("ORD-000001")], ["order_id": .text("Pedido Açaí 77"), "amount": .number(3)]])
            _ = try await Samples.create(Samples.ticket(answers: ["orders": orders]), in: store)
            _ = try await Samples.create(Samples.ticket(title: "Other"), in: store)
            #expect(try await store.search("acai", limit: 10).map(\.number) == [1])
            #expect(try await store.search("pedido", limit: 10).map(\.number) == [1])
        }
    }
}
