import Foundation
import Testing
import FormrunnerCore
@testable import FormrunnerNotify

/// The e-mails of one change composed together (sharing the ticket's part of their context) are
/// byte for byte those composed one by one.
@Suite("E-mails of one change composed together")
struct ComposedTogetherTests {
    /// Requests that differ in everything a request brings to the context: event, recipient, previous
    /// status, message (blank or not), address, outbox id.
    static let requests: [NotificationRequest] = {
        var assigned = NotificationRequest(recipient: .agent, template: "assigned", event: "assign")
        assigned.address = "agent@example.com"
        assigned.outboxID = "ticket-7-assigned"
        return [
            NotificationRequest(recipient: .requester, template: "confirmation", event: "create"),
            assigned,
            NotificationRequest(recipient: .requester, template: "comment", event: "comment", previousStatus: "open",
                                message: "Fixed the tray"),
            NotificationRequest(recipient: .agent, template: "closed", event: "close", previousStatus: "solved",
                                message: "  "),
        ]
    }()

    @Test("together, each e-mail is the one composed alone, in the same order, for tickets in every language")
    func sameAsAlone() throws {
        let composer = TemplateComposer(catalog: Sample.catalog, deskName: "Help")
        for (index, language) in [nil, "pt", "es"].enumerated() {
            var ticket = Sample.ticket(title: "Printer \(index)", name: index == 1 ? nil : "Ana Souza")
            ticket.number = 7
            ticket.language = language
            ticket.assignee = "agent@example.com"
            ticket.team = Sample.catalog.teams.keys.sorted().first
            let requests = Self.requests
            let together = try composer.compose(requests, ticket: ticket, lifecycle: Sample.lifecycle, at: Sample.now)
            let alone = try requests.map { try composer.compose($0, ticket: ticket, lifecycle: Sample.lifecycle, at: Sample.now) }
            #expect(together.count == alone.count)
            for (position, (shared, single)) in zip(together, alone).enumerated() {
                // The last two get ids made afresh (UUIDv7), which differ between two calls; all else is the same.
                var single = single
                if position >= 2 { single.id = shared.id }
                #expect(shared == single, "\(shared.template), language \(language ?? "en")")
            }
            #expect(together.first?.id == DeskAddress.rootOutboxID(ticket: 7))
            #expect(together.contains { $0.id == "ticket-7-assigned" && $0.address == "agent@example.com" })
        }
    }
}
