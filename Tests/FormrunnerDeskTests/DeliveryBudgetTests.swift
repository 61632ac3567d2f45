import Foundation
import FormrunnerCore
import FormrunnerDesk
import Testing

/// Issue 14, item 13: delivery after a command is bounded by a time budget; the rest waits in the
/// outbox for `deliver` or the worker.
@Suite("Delivery after a command is bounded")
struct DeliveryBudgetTests {
    @Test("a slow notifier with a backlog: delivery stops at the budget, the rest stays in the outbox")
    func budget() async throws {
        let store = InMemoryTicketStore()
        let now = Date(timeIntervalSince1970: 1_772_719_629)
        let ticket = Ticket(formID: "technical.intake", formVersion: 1, lifecycleID: "ticket-lifecycle", status: "open",
                            title: "Backlog", requester: Requester(email: "ana@example.com"), answers: [:], createdAt: now)
        let created = try await store.create(ticket, history: [], submissionKey: nil, files: [:]) { stored in
            (1...5).map { index in
                OutboxMessage(id: "backlog-\(index)", ticketNumber: stored.number, recipient: .requester, address: "ana@example.com",
                              template: "confirmation", subject: "Message \(index)", body: "Body\n", createdAt: now)
            }
        }
        let settings = DeskSettings(notifier: "sendmail:/bin/sh -c 'sleep 1; cat >/dev/null'", environment: [:])
        let desk = try Desk(catalog: Catalog(), store: store, settings: settings)
        let failures = await desk.deliver(at: now, limit: 100, budget: 1.5)
        #expect(failures.isEmpty)
        // Unbounded, all five would be delivered; the budget (checked between messages) stops early.
        let outbox = try await store.outbox(for: created.number)
        let delivered = outbox.filter { $0.deliveredAt != nil }.count
        #expect(delivered >= 1 && delivered <= 3)
        #expect(outbox.count - delivered >= 2)
    }
}
