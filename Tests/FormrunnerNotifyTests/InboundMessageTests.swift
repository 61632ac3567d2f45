import Foundation
import Testing
@testable import FormrunnerNotify

@Suite("Inbound message parsing")
struct InboundMessageTests {
    @Test("Gmail: headers unfolded and decoded, plain part preferred, quoted-printable UTF-8 decoded")
    func gmail() {
        let message = InboundMessage(data: MailFixtures.gmail())
        #expect(message.messageID == "<CAF=gmail-1@mail.gmail.com>")
        #expect(message.sender == "ana@example.com")
        #expect(message.senderName == "Ana Souza")
        #expect(message.subject == "Re: [Support] Ticket #12 is awaiting your reply")
        #expect(message.referencedIDs == ["<ticket-12.abc@desk.example>", "<ticket-12.abc@desk.example>", "<ticket-12@desk.example>"])
        #expect(message.recipients.contains("support+ticket-12@desk.example"))
        #expect(message.text.hasPrefix("We pay by boleto, and the error happens on the confirmação page.\r\n"))
        #expect(message.attachments.isEmpty)
        #expect(ReplyCleaner.clean(message.text) == "We pay by boleto, and the error happens on the confirmação page.")
    }

    @Test("ISO-8859-1 quoted-printable body and Q-encoded subject")
    func latin1() {
        let message = InboundMessage(data: MailFixtures.outlookOriginal)
        #expect(message.subject == "RE: Solicitação nº 12")
        #expect(ReplyCleaner.clean(message.text) == "Olá, segue a informação pedida: o erro começou ontem.")
    }

    @Test("HTML only: converted to text, entities decoded, style dropped, the blockquote removed as a quote")
    func htmlOnly() {
        let message = InboundMessage(data: MailFixtures.htmlOnly)
        #expect(message.subject == "Re: ¿Qué pasó?")
        #expect(message.text == "Sigue fallando & no sé por qué.\n\nGracias\nAna\n\nEl mié, 25 nov 2026 a las 11:00, Support escribió:\n\n> ¿Qué tienda?")
        #expect(ReplyCleaner.clean(message.text) == "Sigue fallando & no sé por qué.\n\nGracias\nAna")
    }

    @Test("attachments: base64 decoded, RFC 2231 names, folders stripped from names; the preamble ignored")
    func attachments() {
        let message = InboundMessage(data: MailFixtures.withAttachments)
        #expect(message.text == "Here is the receipt and a screenshot.")
        #expect(message.attachments.map(\.name) == ["recibo nº 1.pdf", "screen.png"])
        #expect(message.attachments.map(\.mediaType) == ["application/pdf", "image/png"])
        #expect(message.attachments.first?.content == Data("%PDF-1.7\n% a tiny pdf".utf8))
        #expect(message.attachments.last?.content == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }

    @Test("encoded-words: B and Q, adjacent words joined, charset by name, malformed words kept")
    func encodedWords() {
        #expect(EncodedWordDecoder.decode("=?UTF-8?B?U29saWNpdGHDp8Ojbw==?= =?UTF-8?Q?_n=C2=BA_12?=") == "Solicitação nº 12")
        #expect(EncodedWordDecoder.decode("Re: =?ISO-8859-1?Q?a=E7=E3o?= now") == "Re: ação now")
        #expect(EncodedWordDecoder.decode("=?bogus") == "=?bogus")
        #expect(EncodedWordDecoder.decode("=?UTF-8?X?abc?=") == "=?UTF-8?X?abc?=")
    }

    @Test("headers: folded lines joined, names compared without case, a message without headers has an empty text")
    func headers() {
        let message = InboundMessage(data: MailFixtures.crlf("Subject: one\n two\nfrom: A <A@X.io>\n\nbody"))
        #expect(message.subject == "one two")
        #expect(message.sender == "a@x.io")
        #expect(message.text == "body")
        #expect(InboundMessage(data: Data()).text == "")
        #expect(InboundMessage(data: Data()).sender == nil)
    }

    @Test("format=flowed: soft line breaks joined, the signature delimiter kept")
    func flowed() {
        let message = InboundMessage(data: MailFixtures.crlf("""
            From: ana@example.com
            Content-Type: text/plain; charset=utf-8; format=flowed

            It fails when the buyer\u{20}
            pays by boleto.
            --\u{20}
            Ana
            """))
        #expect(message.text == "It fails when the buyer pays by boleto.\n-- \nAna")
        #expect(ReplyCleaner.clean(message.text) == "It fails when the buyer pays by boleto.")
    }

    @Test("HTML with an attachment in multipart/mixed: the HTML is the text, the file an attachment")
    func htmlWithAttachment() {
        let message = InboundMessage(data: MailFixtures.crlf("""
            From: ana@example.com
            Content-Type: multipart/mixed; boundary=b1

            --b1
            Content-Type: multipart/related; boundary=b2

            --b2
            Content-Type: text/html; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            <p>Segue o log da opera=E7=E3o.</p>
            --b2--
            --b1
            Content-Type: text/plain; name=app.log
            Content-Disposition: attachment; filename=app.log

            ERROR 500
            --b1--
            """))
        #expect(message.text == "Segue o log da operação.")
        #expect(message.attachments.map(\.name) == ["app.log"])
        #expect(message.attachments.first?.content == Data("ERROR 500".utf8))
    }

    @Test("hostile structure: deep nesting is refused with its reason and a missing boundary neither crashes nor recurses")
    func hostileStructure() {
        var text = "From: ana@example.com\n"
        for level in 0..<200 { text += "Content-Type: multipart/mixed; boundary=l\(level)\n\n--l\(level)\n" }
        text += "Content-Type: text/plain\n\ndeep\n"
        let deep = InboundMessage(data: MailFixtures.crlf(text))
        #expect(deep.problem == "the message nests MIME parts more than 32 levels deep")
        let noBoundary = InboundMessage(data: MailFixtures.crlf("Content-Type: multipart/mixed\n\nhello"))
        #expect(noBoundary.text == "hello")
        #expect(noBoundary.attachments.isEmpty)
    }

    @Test("addresses: groups, quoted commas and comments")
    func addresses() {
        #expect(AddressList.addresses(in: "\"Souza, Ana\" <Ana@Example.com>, bob@x.io (Bob), team: c@y.io;")
                == ["ana@example.com", "bob@x.io", "c@y.io"])
    }
}

@Suite("Reply cleaner")
struct ReplyCleanerTests {
    @Test("Outlook: the quoted header block under a rule is cut, the greeting kept")
    func outlook() {
        let message = InboundMessage(data: MailFixtures.outlook)
        #expect(ReplyCleaner.clean(message.text) == "It is on fire again since this afternoon.\n\nRegards,\nAna")
    }

    @Test("Apple Mail: the signature after '-- ' and the quote are cut")
    func appleMail() {
        #expect(ReplyCleaner.clean(InboundMessage(data: MailFixtures.appleMail).text) == "Yes, it is the production store.")
    }

    @Test("attribution lines in Portuguese, Spanish and English, one or two lines")
    func attributions() {
        #expect(ReplyCleaner.clean("Sim.\n\nEm qua., 25 de nov. de 2026 às 11:00, Suporte <s@d.io> escreveu:\n> Qual?") == "Sim.")
        #expect(ReplyCleaner.clean("Sí.\nEl mié, 25 nov 2026, Soporte\n<s@d.io> escribió:\n> ¿Cuál?") == "Sí.")
        #expect(ReplyCleaner.clean("Yes.\nOn Wed, Support wrote:\nold") == "Yes.")
        #expect(ReplyCleaner.clean("Ok\n-----Original Message-----\nFrom: x") == "Ok")
        #expect(ReplyCleaner.clean("Ok\n\n-----Mensaje original-----\nDe: x") == "Ok")
    }

    @Test("inline answers between quoted lines are kept; mobile signatures dropped; blank lines collapsed")
    func inline() {
        #expect(ReplyCleaner.clean("> Which store?\nThe main one.\n\n\n\n> Since when?\nYesterday.\n\nSent from my iPhone\n")
                == "The main one.\n\nYesterday.")
    }

    @Test("text that quotes nothing is kept as is")
    func nothingToStrip() {
        #expect(ReplyCleaner.clean("On the 3rd floor the printer works.\nFrom: the manager's desk it does not.")
                == "On the 3rd floor the printer works.\nFrom: the manager's desk it does not.")
    }
}
