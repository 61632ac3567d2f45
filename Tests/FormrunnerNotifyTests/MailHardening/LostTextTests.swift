import Foundation
import Testing
import FormrunnerCore
@testable import FormrunnerNotify

/// Issue 14, items 19 and 20: no reply text is lost to the message's shape, and attachments are
/// found in every branch.
@Suite("Mail ingest: no lost text, every attachment")
struct LostTextTests {
    static func message(_ headers: String = "Content-Type: text/plain; charset=utf-8", body: String) -> Data {
        MailFixtures.crlf("From: Ana <ana@example.com>\nTo: support+ticket-12@desk.example\nSubject: Re: [#12]\n"
                          + "Message-ID: <lost-1@example.com>\n" + headers + "\n\n" + body)
    }

    @Test("Thunderbird bottom-posting: the reply below the quote is kept, the attribution and quote dropped")
    func bottomPosting() {
        let text = InboundMessage(data: Self.message(body: """
            On 25/11/2026 11:00, Acme Support wrote:
            > Which store is it?
            >
            > Acme Support

            The production store, since yesterday.

            --\u{20}
            Ana
            """)).text
        #expect(ReplyCleaner.reply(in: text) == ReplyCleaner.Reply(text: "The production store, since yesterday.", isWholeText: false))
    }

    @Test("answers between quotes below an attribution are all kept")
    func interleaved() {
        let reply = ReplyCleaner.reply(in: "On Wed, Nov 25, 2026 Support wrote:\n> Which store?\nThe main one.\n> Since when?\nYesterday.")
        #expect(reply.text == "The main one.\nYesterday.")
    }

    @Test("a message that is only a quote keeps its whole text, marked, and the ingester records it with the note")
    func wholeText() async throws {
        let quoteOnly = "On Wed, Nov 25, 2026 Support wrote:\n> Which store?"
        #expect(ReplyCleaner.reply(in: quoteOnly) == ReplyCleaner.Reply(text: quoteOnly, isWholeText: true))
        #expect(ReplyCleaner.reply(in: " \n\n") == ReplyCleaner.Reply(text: "", isWholeText: false))
        let (ingester, store) = try await AutomaticMessageTests.solvedDesk()
        #expect(await ingester.ingest(Self.message(body: quoteOnly), at: Sample.now) == .recorded(ticket: 12, from: "solved", to: "open"))
        #expect(try await store.history(12).last?.message
                == "[No reply could be told apart from the quoted text: the whole text of the e-mail is kept.]\n\n" + quoteOnly)
    }

    @Test("a NUL byte in the text is dropped, the text around it kept")
    func nulByte() {
        #expect(InboundMessage(data: Self.message(body: "Still\u{0} broken.")).text == "Still broken.")
    }

    @Test("CR-only line endings: headers and body still split")
    func carriageReturns() {
        let data = Data("From: ana@example.com\rSubject: Re: [#12]\rContent-Type: text/plain\r\rStill broken.\rAna".utf8)
        let message = InboundMessage(data: data)
        #expect(message.sender == "ana@example.com" && message.subject == "Re: [#12]")
        #expect(ReplyCleaner.clean(message.text) == "Still broken.\nAna")
    }

    @Test("a missing blank line between header and body: the body starts at the first line that is not a field")
    func missingBlankLine() {
        let data = MailFixtures.crlf("From: ana@example.com\nSubject: Re: [#12]\nStill broken since Monday.\nAna")
        let message = InboundMessage(data: data)
        #expect(message.subject == "Re: [#12]")
        #expect(message.text == "Still broken since Monday.\r\nAna")
    }

    @Test("a multipart without a boundary parameter: its delimiter is found in the body")
    func missingBoundary() {
        let message = InboundMessage(data: Self.message("Content-Type: multipart/alternative", body: """
            --xyz
            Content-Type: text/plain

            Still broken.
            --xyz--
            """))
        #expect(message.text == "Still broken.")
        #expect(message.attachments.isEmpty)
    }

    @Test("a multipart with no delimiter at all: its body is the text, not a file")
    func noDelimiter() {
        let message = InboundMessage(data: MailFixtures.crlf("Content-Type: multipart/mixed\n\nhello"))
        #expect(message.text == "hello")
        #expect(message.attachments.isEmpty)
    }

    @Test("an unterminated last part is kept whole")
    func unterminated() {
        let message = InboundMessage(data: Self.message("Content-Type: multipart/mixed; boundary=b", body: """
            --b
            Content-Type: text/plain

            Still broken,
            and now the scanner too.
            """))
        #expect(message.text == "Still broken,\r\nand now the scanner too.")
    }

    @Test("Base64 with a stray character, inner padding or a length of 4n+1 decodes what is there")
    func base64Edges() {
        #expect(TransferDecoding.base64(Array("U3RpbGwg!YnJva2VuLg==".utf8)) == Array("Still broken.".utf8))
        #expect(TransferDecoding.base64(Array("U3RpbGwgYnJva2VuLg==X".utf8)) == Array("Still broken.".utf8))
        #expect(TransferDecoding.base64(Array("U3RpbGw=IGJyb2tlbi4=".utf8)) == Array("Still broken.".utf8))
        let part = InboundMessage(data: Self.message("Content-Type: text/plain\nContent-Transfer-Encoding: base64",
                                                     body: "U3RpbGwgYnJva2VuLg\n"))
        #expect(part.text == "Still broken.")
    }

    @Test("nesting up to the limit is read; deeper is refused with its reason, never recorded empty")
    func nesting() async throws {
        func nested(_ levels: Int) -> Data {
            var text = "From: ana@example.com\nTo: support+ticket-12@desk.example\nSubject: Re: [#12]\n"
            for level in 0..<levels { text += "Content-Type: multipart/mixed; boundary=l\(level)\n\n--l\(level)\n" }
            return MailFixtures.crlf(text + "Content-Type: text/plain\n\ndeep\n")
        }
        #expect(InboundMessage(data: nested(20)).text == "deep\r\n")
        #expect(InboundMessage(data: nested(20)).problem == nil)
        let (ingester, store) = try await AutomaticMessageTests.solvedDesk()
        #expect(await ingester.ingest(nested(200), at: Sample.now)
                == .refused("the message nests MIME parts more than 32 levels deep; it was not processed"))
        #expect(try await store.ticket(12)?.status == "solved")
    }

    @Test("attachments inside multipart/alternative and multipart/related branches are extracted")
    func attachmentsInBranches() {
        let message = InboundMessage(data: Self.message("Content-Type: multipart/alternative; boundary=alt", body: """
            --alt
            Content-Type: text/plain; charset=utf-8

            Here is the log.
            --alt
            Content-Type: multipart/related; boundary=rel

            --rel
            Content-Type: text/html; charset=utf-8

            <p>Here is the log.</p><img src="cid:logo">
            --rel
            Content-Type: image/png
            Content-ID: <logo>
            Content-Disposition: inline

            PNG
            --rel
            Content-Type: text/plain; name=app.log
            Content-Disposition: attachment; filename=app.log
            Content-Transfer-Encoding: base64

            RVJST1IgNTAw
            --rel--
            --alt
            Content-Type: application/pdf
            Content-Disposition: attachment; filename=receipt.pdf

            %PDF
            --alt--
            """))
        #expect(message.text == "Here is the log.")
        #expect(message.attachments.map(\.name) == ["app.log", "receipt.pdf"])
        #expect(message.attachments.first?.content == Data("ERROR 500".utf8))
    }

    @Test("a Base64 attachment whose length is one more than a multiple of 4 is not stored empty")
    func base64Attachment() {
        let message = InboundMessage(data: Self.message("Content-Type: multipart/mixed; boundary=m", body: """
            --m
            Content-Type: text/plain

            The log.
            --m
            Content-Type: text/plain; name=app.log
            Content-Disposition: attachment; filename=app.log
            Content-Transfer-Encoding: base64

            RVJST1IgNTAw
            A
            --m--
            """))
        #expect(message.attachments.first?.content == Data("ERROR 500".utf8))
    }
}
