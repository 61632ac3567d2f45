import Foundation
import Testing
@testable import FormrunnerCore

/// `Ticket.isInStoredForm` and `TicketChange.isInStoredForm` agree with `storedForm`: true exactly
/// when making the stored form would change nothing.
@Suite("Stored form check")
struct StoredFormCheckTests {
    static let whole = Date(millisecondsSince1970: 1_767_225_600_123)
    static let fraction = Date(timeIntervalSince1970: 1_767_225_600.1234)

    static func ticket(at instant: Date = whole, timers: [ArmedTimer] = []) -> Ticket {
        Ticket(number: 7, formID: "form", formVersion: 1, lifecycleID: "default", status: "solved", title: "A ticket",
               requester: Requester(email: "ana@example.com"), answers: [:], createdAt: instant, timers: timers)
    }

    @Test("a ticket is in stored form when its instants are whole milliseconds and its timers one per event, in order")
    func ticketCheck() {
        let inOrder = [ArmedTimer(event: "close", dueAt: Self.whole), ArmedTimer(event: "survey", dueAt: Self.whole),
                       ArmedTimer(event: "remind", dueAt: Self.whole.addingTimeInterval(1))]
        let cases: [(Ticket, Bool)] = [
            (Self.ticket(), true),
            (Self.ticket(timers: inOrder), true),
            (Self.ticket(at: Self.fraction), false),
            (Self.ticket(timers: [ArmedTimer(event: "close", dueAt: Self.fraction)]), false),
            (Self.ticket(timers: inOrder.reversed()), false),
            (Self.ticket(timers: [ArmedTimer(event: "close", dueAt: Self.whole),
                                  ArmedTimer(event: "close", dueAt: Self.whole.addingTimeInterval(2))]), false),
        ]
        for (ticket, stored) in cases {
            #expect(ticket.isInStoredForm == stored)
            #expect(ticket.isInStoredForm == (ticket == ticket.storedForm))
            #expect(ticket.storedForm.isInStoredForm)
        }
    }

    @Test("a change is in stored form when its ticket and outbox are, and its previous ticket, if any, is its base")
    func changeCheck() {
        let ticket = Self.ticket()
        var next = ticket
        next.version = 2
        let message = OutboxMessage(id: "closed-7", ticketNumber: 7, recipient: .requester, address: "ana@example.com",
                                    template: "closed", subject: "Closed", body: "Bye", createdAt: Self.whole)
        var elsewhere = message
        elsewhere.ticketNumber = 0
        var late = message
        late.createdAt = Self.fraction
        #expect(TicketChange(ticket: next, expectedVersion: 1, outbox: [message], previous: ticket).isInStoredForm)
        #expect(!TicketChange(ticket: next, expectedVersion: 1, outbox: [elsewhere]).isInStoredForm)
        #expect(!TicketChange(ticket: next, expectedVersion: 1, outbox: [late]).isInStoredForm)
        #expect(!TicketChange(ticket: next, expectedVersion: 0, previous: ticket).isInStoredForm)
        let made = TicketChange(ticket: Self.ticket(at: Self.fraction), expectedVersion: 1, outbox: [elsewhere, late]).storedForm
        #expect(made.isInStoredForm)
        #expect(made.ticket == Self.ticket(at: Self.fraction).storedForm)
        #expect(made.outbox == [elsewhere.storedForm(number: 7), late.storedForm(number: 7)])
    }
}
