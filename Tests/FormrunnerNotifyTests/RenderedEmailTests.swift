import Testing
import FormrunnerCore
@testable import FormrunnerNotify

@Suite("Rendered e-mail text")
struct RenderedEmailTests {
    @Test("the body gets LF line ends, loses trailing blank lines and ends with one newline")
    func normalizedBody() {
        #expect(RenderedEmail(subject: "s", body: "a\r\nb\rc\r\r\n\n \t\n").body == "a\nb\nc\n")
        #expect(RenderedEmail(subject: "s", body: "plain\nlines").body == "plain\nlines\n")
        #expect(RenderedEmail(subject: "s", body: "\r\n").body == "\n")
        #expect(RenderedEmail(subject: "s", body: "").body == "\n")
    }

    @Test("a CR is found anywhere in the body, after multi-byte characters too, and only a CR")
    func carriageReturn() {
        #expect(RenderedEmail.containsCarriageReturn("a\rb"))
        #expect(RenderedEmail.containsCarriageReturn(String(repeating: "é", count: 300) + "\r"))
        #expect(RenderedEmail.containsCarriageReturn("\r\n"))
        #expect(!RenderedEmail.containsCarriageReturn("plain\nlines\t"))
        #expect(!RenderedEmail.containsCarriageReturn(""))
    }

    @Test("a message with CR and CRLF line breaks is rendered with LF only")
    func messageWithCarriageReturns() throws {
        let request = NotificationRequest(recipient: .requester, template: "solved", event: "solve",
                                          message: "Line 1\r\nLine 2\rLine 3")
        let message = try MessageRenderer(catalog: Sample.catalog).message(
            for: request, ticket: Sample.ticket(status: "solved"), lifecycle: Sample.lifecycle,
            address: "ana@example.com", now: Sample.now, id: "m")
        #expect(message.body.contains("\n\nLine 1\nLine 2\nLine 3\n\n"))
        #expect(!message.body.contains("\r"))
    }
}
