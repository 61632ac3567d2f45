import Foundation
import Testing
import FormrunnerCore
@testable import FormrunnerNotify

/// An e-mail address's case does not make a requester a stranger to their own ticket.
@Suite("Mail ingester: the requester's address in any case")
struct RequesterCaseTests {
    /// A desk holding ticket 12, awaiting the reply of `requester`.
    func ingester(requester: String) async throws -> (MailIngester, InMemoryTicketStore) {
        let store = InMemoryTicketStore()
        let form = Sample.catalog.sortedForms.first?.id ?? "technical.intake"
        for number in 1...12 {
            let ticket = Ticket(number: 12, formID: form, formVersion: 1, lifecycleID: "ticket-lifecycle",
                                status: number == 12 ? "awaiting_reply" : "open", title: "T\(number)",
                                requester: Requester(email: requester, name: "Ana Souza"), answers: [:], createdAt: Sample.now)
            _ = try await store.create(ticket, history: [], submissionKey: nil, files: [:]) { _ in [] }
        }
        let desk = TicketDesk(catalog: Sample.catalog, store: store, composer: TemplateComposer(catalog: Sample.catalog))
        return (MailIngester(desk: desk, address: MailIngesterTests.desk), store)
    }

    @Test("a requester stored as Ana@Example.com replying from ana@example.com is recorded, and the reverse",
          arguments: [("Ana@Example.com", "Ana Souza <ana@example.com>"), ("ana@example.com", "Ana Souza <ANA@Example.COM>")])
    func anyCase(stored: String, from: String) async throws {
        let (ingester, store) = try await ingester(requester: stored)
        let outcome = await ingester.ingest(MailFixtures.gmail(from: from), at: Sample.now)
        #expect(outcome == .recorded(ticket: 12, from: "awaiting_reply", to: "open"))
        #expect(try await store.history(12).last?.event == "reply")
    }

    @Test("another address is still refused, whatever its case")
    func stranger() async throws {
        let (ingester, _) = try await ingester(requester: "Ana@Example.com")
        let outcome = await ingester.ingest(MailFixtures.gmail(from: "Zoe <Zoe@Example.com>"), at: Sample.now)
        #expect(outcome == .refused("the sender zoe@example.com is not the requester of ticket 12"))
    }
}
