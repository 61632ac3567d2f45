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
