import Foundation
import Testing
@testable import FormrunnerNotify

@Suite("Desk address")
struct DeskAddressTests {
    @Test("reads Name <local@domain> and bare addresses; lower-cases the domain")
    func parsing() throws {
        let desk = try DeskAddress(parsing: "Help Desk <help@Desk.Example>")
        #expect(desk.name == "Help Desk" && desk.localPart == "help" && desk.domain == "desk.example")
        #expect(desk.mailbox == "Help Desk <help@desk.example>")
        #expect(try DeskAddress(parsing: "help@desk.example").mailbox == "help@desk.example")
        #expect(DeskAddress.standard.description == "Support <support@formrunner.local>")
    }

    @Test("refuses malformed addresses, control characters and a '+' in the local part, with exact messages")
    func refusals() {
        for text in ["desk", "a@b@c", "Desk <a@>", "x@-bad.io", "Desk\r\nBcc: e@x <a@b.io>"] {
            #expect(throws: DeskAddressError(text: text, reason: .malformed)) { try DeskAddress(parsing: text) }
        }
        #expect(DeskAddressError(text: "desk", reason: .malformed).description
                == "'desk' is not a desk address such as 'Support <support@desk.example>'")
        #expect(throws: DeskAddressError(text: "a+b@c.io", reason: .plusInLocalPart)) { try DeskAddress(parsing: "a+b@c.io") }
        #expect(DeskAddressError(text: "a+b@c.io", reason: .plusInLocalPart).description
                == "the desk address 'a+b@c.io' must not contain '+' before the '@': formrunner adds '+ticket-N' there")
    }

    @Test("ticket numbers round-trip through reply addresses and Message-IDs")
    func roundTrip() throws {
        let desk = try DeskAddress(parsing: "Support <support@desk.example>")
        #expect(desk.replyAddress(ticket: 42) == "support+ticket-42@desk.example")
        #expect(desk.ticketNumber(inAddress: "Support+Ticket-42@mx.desk.example") == 42)
        #expect(desk.ticketNumber(inAddress: "other+ticket-42@desk.example") == nil)
        #expect(desk.ticketNumber(inAddress: "support+ticket-4x2@desk.example") == nil)
        #expect(desk.ticketNumber(inAddress: "support+ticket-0@desk.example") == nil)
        #expect(desk.ticketNumber(inMessageID: desk.threadRoot(ticket: 42)) == 42)
        #expect(desk.ticketNumber(inMessageID: desk.messageID(for: "9f-a.b", ticket: 42)) == 42)
        #expect(desk.messageID(for: "ticket-42", ticket: 42) == "<ticket-42@desk.example>")
        #expect(desk.ticketNumber(inMessageID: "<ticket-42@evil.example>") == nil)
        #expect(desk.ticketNumber(inMessageID: "<ticket-99999999999999999999@desk.example>") == nil)
    }

    @Test("subject tags: [#N] and Ticket #N")
    func subjects() {
        #expect(TicketReference.subjectNumber("Re: [#42] printer") == 42)
        #expect(TicketReference.subjectNumber("RE: [Support] Ticket #7 solved") == 7)
        #expect(TicketReference.subjectNumber("Re: 42 printers") == nil)
    }
}
