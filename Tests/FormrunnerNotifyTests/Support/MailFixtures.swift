import Foundation

/// Replies shaped like those real mail clients send, to the desk `support@desk.example`, about
/// ticket 12 of ana@example.com unless said otherwise. Lines end in CRLF as on the wire.
enum MailFixtures {
    static func crlf(_ text: String) -> Data {
        Data(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    /// Gmail: multipart/alternative, quoted-printable, an attribution line wrapped over two lines.
    static func gmail(from: String = "Ana Souza <ana@example.com>", to: String = "Support <support+ticket-12@desk.example>",
                      messageID: String = "<CAF=gmail-1@mail.gmail.com>", extra: String = "") -> Data {
        crlf("""
        Delivered-To: \(to.contains("<") ? String(to.split(separator: "<")[1].dropLast()) : to)
        MIME-Version: 1.0
        Date: Wed, 25 Nov 2026 12:00:00 -0300
        Message-ID: \(messageID)
        In-Reply-To: <ticket-12.abc@desk.example>
        References: <ticket-12@desk.example> <ticket-12.abc@desk.example>
        Subject: Re: [Support] Ticket #12 is awaiting your reply
        From: \(from)
        To: \(to)
        \(extra)Content-Type: multipart/alternative; boundary="000000000000b1"

        --000000000000b1
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        We pay by boleto, and the error happens on the confirma=C3=A7=C3=A3o page.

        On Wed, Nov 25, 2026 at 11:00 AM Support <support+ticket-12@desk.example>
        wrote:

        > Hello Ana,
        > Which payment method?
        >

        --000000000000b1
        Content-Type: text/html; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        <div dir=3D"ltr">We pay by boleto, and the error happens on the confirma=C3=A7=C3=A3o page.</div>

        --000000000000b1--
        """)
    }

    /// Outlook: HTML and plain text, `-----Original Message-----`… here the desktop header block.
    static let outlook = crlf("""
        From: "Souza, Ana" <Ana@Example.com>
        To: "support" <support+ticket-12@desk.example>
        Subject: RE: [Support] Ticket #12 solved: Printer on fire
        Date: Wed, 25 Nov 2026 15:10:00 +0000
        Message-ID: <DM6PR-outlook-7@namprd.prod.outlook.com>
        Content-Type: text/plain; charset="us-ascii"
        Content-Transfer-Encoding: 7bit
        MIME-Version: 1.0

        It is on fire again since this afternoon.

        Regards,
        Ana

        ________________________________
        From: Support <support@desk.example>
        Sent: Wednesday, November 25, 2026 1:00 PM
        To: Ana Souza <ana@example.com>
        Subject: [Support] Ticket #12 solved: Printer on fire

        Your ticket #12 has been marked as Solved.
        """)

    /// Outlook with the `-----Original Message-----` rule, in Portuguese, ISO-8859-1 quoted-printable.
    static let outlookOriginal = crlf("""
        From: Ana <ana@example.com>
        To: support+ticket-12@desk.example
        Subject: =?iso-8859-1?Q?RE:_Solicita=E7=E3o_n=BA_12?=
        Message-ID: <outlook-pt-1@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset="iso-8859-1"
        Content-Transfer-Encoding: quoted-printable

        Ol=E1, segue a informa=E7=E3o pedida: o erro come=E7ou ontem.

        -----Mensagem original-----
        De: Suporte <support@desk.example>
        Enviada em: quarta-feira, 25 de novembro de 2026 11:00
        Assunto: Solicita=E7=E3o n=BA 12
        """)

    /// Apple Mail: plain text, an attribution line, `>` quotes, a signature and "Sent from my iPhone".
    static let appleMail = crlf("""
        From: Ana Souza <ana@example.com>
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit
        Mime-Version: 1.0 (1.0)
        Subject: Re: [Support] Ticket #12 is awaiting your reply
        Message-Id: <5C2B-apple-9@example.com>
        In-Reply-To: <ticket-12.abc@desk.example>
        To: support+ticket-12@desk.example

        Yes, it is the production store.

        --\u{20}
        Ana Souza
        Head of Ops

        On 25 Nov 2026, at 11:00, Support <support+ticket-12@desk.example> wrote:

        > Which store?
        """)

    /// HTML only, Spanish client, with a blockquote and entities.
    static let htmlOnly = crlf("""
        From: Ana <ana@example.com>
        To: support+ticket-12@desk.example
        Subject: =?UTF-8?B?UmU6IMK/UXXDqSBwYXPDsz8=?=
        Message-ID: <html-only-3@example.com>
        MIME-Version: 1.0
        Content-Type: text/html; charset=utf-8
        Content-Transfer-Encoding: base64

        \(Data("""
        <html><head><style>p{color:red}</style></head><body><p>Sigue fallando &amp; no s&eacute; por qu&eacute;.</p>\
        <p>Gracias<br>Ana</p><div>El mi&eacute;, 25 nov 2026 a las 11:00, Support escribi&oacute;:</div>\
        <blockquote><p>&iquest;Qu&eacute; tienda?</p></blockquote></body></html>
        """.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]))
        """)

    /// multipart/mixed with a text part, a PDF with an RFC 2231 UTF-8 file name, and an inline image.
    static let withAttachments = crlf("""
        From: ana@example.com
        To: Support <support+ticket-12@desk.example>
        Subject: Re: Ticket #12
        Message-ID: <attach-4@example.com>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="outer"

        This is a multi-part message in MIME format.
        --outer
        Content-Type: text/plain; charset=utf-8

        Here is the receipt and a screenshot.
        --outer
        Content-Type: application/pdf; name="receipt.pdf"
        Content-Disposition: attachment; filename*=utf-8''recibo%20n%C2%BA%201.pdf
        Content-Transfer-Encoding: base64

        JVBERi0xLjcKJSBhIHRpbnkgcGRm
        --outer
        Content-Type: image/png
        Content-Disposition: inline; filename="../../etc/screen.png"
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        --outer--
        """)

    /// A plain message with only headers and text, for the refusal cases.
    static func plain(from: String = "ana@example.com", to: String = "support@desk.example", subject: String,
                      messageID: String = "<plain-5@example.com>", inReplyTo: String? = nil, body: String = "Any news?",
                      extra: String = "") -> Data {
        crlf("""
        From: \(from)
        To: \(to)
        Subject: \(subject)
        Message-ID: \(messageID)
        \(inReplyTo.map { "In-Reply-To: \($0)\n" } ?? "")\(extra)Content-Type: text/plain; charset=utf-8

        \(body)
        """)
    }
}
