import Foundation

/// The corpus's messages shaped like those of the common clients (Gmail, Outlook desktop and web,
/// Apple Mail, Thunderbird, Yahoo, Lotus Notes…), in English and the desk's other languages.
extension CorpusCase {
    static let clients: [CorpusCase] = [
        .mail("Gmail web, top-posted, attribution wrapped over two lines",
              head: "Content-Type: multipart/alternative; boundary=\"0000g1\"", body: """
              --0000g1
              Content-Type: text/plain; charset="UTF-8"

              It still fails at checkout.

              On Wed, Nov 25, 2026 at 11:00 AM Acme Support <support+ticket-12@desk.example>
              wrote:

              > Does it still fail?

              --0000g1
              Content-Type: text/html; charset="UTF-8"

              <div dir="ltr">It still fails at checkout.</div>
              --0000g1--
              """, text: "It still fails at checkout."),
        .mail("Gmail web, attribution wrapped over three lines",
              head: "Content-Type: text/plain; charset=UTF-8", body: """
              Fixed, thanks.

              On Wed, Nov 25, 2026 at 11:00 AM Acme Support Team of the Example Company
              <support+ticket-12@desk.example>
              wrote:
              > Is it fixed?
              """, text: "Fixed, thanks."),
        .mail("Gmail, Portuguese attribution",
              head: "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable", body: """
              Ainda n=C3=A3o funciona.

              Em qua., 25 de nov. de 2026 =C3=A0s 11:00, Suporte <support@desk.example> escreveu:
              > Funciona?
              """, text: "Ainda não funciona."),
        .mail("Gmail HTML only, gmail_quote div",
              head: "Content-Type: text/html; charset=UTF-8", body: """
              <div dir="ltr">Still broken &mdash; see below.<br></div><br><div class="gmail_quote">\
              <div dir="ltr" class="gmail_attr">On Wed, Nov 25, 2026 at 11:00 AM Support &lt;support@desk.example&gt; wrote:<br></div>\
              <blockquote class="gmail_quote">Is it fixed?</blockquote></div>
              """, text: "Still broken — see below."),
        .mail("Gmail with an attachment",
              head: "Content-Type: multipart/mixed; boundary=\"0000m1\"", body: """
              --0000m1
              Content-Type: multipart/alternative; boundary="0000a1"

              --0000a1
              Content-Type: text/plain; charset="UTF-8"

              Screenshot attached.

              --0000a1
              Content-Type: text/html; charset="UTF-8"

              <div>Screenshot attached.</div>
              --0000a1--
              --0000m1
              Content-Type: image/png; name="screen.png"
              Content-Disposition: attachment; filename="screen.png"
              Content-Transfer-Encoding: base64

              iVBORw0KGgo=
              --0000m1--
              """, text: "Screenshot attached.", attachments: ["screen.png"]),
        .mail("Outlook desktop, header block under a rule",
              head: "Content-Type: text/plain; charset=\"us-ascii\"", body: """
              It is on fire again.

              Regards,
              Ana

              ________________________________
              From: Acme Support <support@desk.example>
              Sent: Wednesday, November 25, 2026 1:00 PM
              To: Ana Souza <ana@example.com>
              Subject: [Support] Ticket #12
              """, text: "It is on fire again.\n\nRegards,\nAna"),
        .mail("Outlook desktop, bold header block in HTML",
              head: "Content-Type: text/html; charset=\"us-ascii\"", body: """
              <html><body><p class=MsoNormal>Works now.<o:p></o:p></p><div style='border:none;border-top:solid #E1E1E1 1.0pt'>\
              <p class=MsoNormal><b>From:</b> Acme Support &lt;support@desk.example&gt; <br><b>Sent:</b> Wednesday, November 25, 2026 \
              1:00 PM<br><b>To:</b> Ana<br><b>Subject:</b> Ticket #12</p></div><p>Old text</p></body></html>
              """, text: "Works now."),
        .mail("Outlook, -----Original Message-----",
              head: "Content-Type: text/plain; charset=\"us-ascii\"", body: """
              Thanks, that solved it.

              -----Original Message-----
              From: Acme Support [mailto:support@desk.example]
              Sent: Wednesday, November 25, 2026 11:00 AM
              """, text: "Thanks, that solved it."),
        .mail("Outlook.com / Hotmail, From: Sent: block with Cc",
              head: "Content-Type: text/plain; charset=\"iso-8859-1\"\nContent-Transfer-Encoding: quoted-printable", body: """
              Yes, the caf=E9 store.

              ________________________________
              From: Acme Support <support@desk.example>
              To: Ana <ana@example.com>
              Cc: Bob <bob@example.com>
              Subject: Ticket #12
              Date: Wed, 25 Nov 2026 11:00:00 +0000
              """, text: "Yes, the café store."),
        .mail("Outlook on the web, Spanish header block",
              head: "Content-Type: text/plain; charset=\"utf-8\"", body: """
              Sigue fallando.

              De: Soporte <support@desk.example>
              Enviado el: miércoles, 25 de noviembre de 2026 11:00
              Para: Ana
              """, text: "Sigue fallando."),
        .mail("Outlook for iOS, Get Outlook signature",
              head: "Content-Type: text/plain; charset=\"utf-8\"", body: """
              Done.

              Get Outlook for iOS
              ________________________________
              From: Acme Support <support@desk.example>
              Sent: Wednesday, November 25, 2026 11:00:00 AM
              """, text: "Done."),
        .mail("Apple Mail, signature and Sent from my iPhone",
              head: "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit", body: """
              Yes, the production store.

              Sent from my iPhone

              > On 25 Nov 2026, at 11:00, Acme Support <support@desk.example> wrote:
              >
              > Which store?
              """, text: "Yes, the production store."),
        .mail("Apple Mail, attribution on its own line after a signature",
              head: "Content-Type: text/plain; charset=us-ascii", body: """
              Yes.

              --\u{20}
              Ana Souza
              Head of Ops

              On 25 Nov 2026, at 11:00, Acme Support <support@desk.example> wrote:

              > Which store?
              """, text: "Yes."),
        .mail("Apple Mail, format=flowed",
              head: "Content-Type: text/plain; charset=us-ascii; format=flowed", body: """
              It fails when the buyer\u{20}
              pays by boleto.

              On 25 Nov 2026, at 11:00, Acme Support wrote:
              > Which payment?
              """, text: "It fails when the buyer pays by boleto."),
        .mail("Thunderbird, bottom-posted",
              head: "Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 7bit", body: """
              On 25/11/2026 11:00, Acme Support wrote:
              > Which store is it?
              >
              > Acme Support

              The production store, since yesterday.

              --\u{20}
              Ana
              """, text: "The production store, since yesterday."),
        .mail("Thunderbird, answers between quotes",
              head: "Content-Type: text/plain; charset=UTF-8", body: """
              On 25/11/2026 11:00, Acme Support wrote:
              > Which store?

              The main one.

              > Since when?

              Yesterday.
              """, text: "The main one.\n\nYesterday."),
        .mail("Thunderbird, -------- Original Message --------",
              head: "Content-Type: text/plain; charset=UTF-8", body: """
              Closing is fine.

              -------- Original Message --------
              Subject: Ticket #12
              Date: Wed, 25 Nov 2026 11:00:00 +0000
              """, text: "Closing is fine."),
        .mail("Thunderbird, German attribution",
              head: "Content-Type: text/plain; charset=UTF-8", body: """
              Geht wieder.

              Am 25.11.26 um 11:00 schrieb Acme Support:
              > Geht es?
              """, text: "Geht wieder."),
        .mail("Yahoo Mail classic, --- On … wrote:",
              head: "Content-Type: text/plain; charset=us-ascii", body: """
              Still down.

              --- On Wed, 11/25/26, Acme Support <support@desk.example> wrote:

              From: Acme Support <support@desk.example>
              Subject: Ticket #12
              """, text: "Still down."),
        .mail("Yahoo Mail for iOS, Sent from Yahoo Mail",
              head: "Content-Type: text/plain; charset=UTF-8", body: """
              Thank you!

              Sent from Yahoo Mail for iPhone

              On Wednesday, November 25, 2026, 11:00 AM, Acme Support <support@desk.example> wrote:

              Is it working?
              """, text: "Thank you!"),
        .mail("Lotus Notes, wrote on … :",
              head: "Content-Type: text/plain; charset=US-ASCII", body: """
              Agreed, please close.

              Acme Support <support@desk.example> wrote on 25/11/2026 11:00:00:

              > Can we close?
              """, text: "Agreed, please close."),
        .mail("Lotus Notes, ----- header block",
              head: "Content-Type: text/plain; charset=US-ASCII", body: """
              Please send the invoice again.

              From:\tAcme Support <support@desk.example>
              To:\tAna Souza <ana@example.com>
              Date:\t25/11/2026 11:00
              Subject:\tTicket #12
              """, text: "Please send the invoice again."),
        .mail("Italian Outlook, Da/Inviato",
              head: "Content-Type: text/plain; charset=utf-8", body: """
              Funziona, grazie.

              Da: Supporto <support@desk.example>
              Inviato: mercoledì 25 novembre 2026 11:00
              """, text: "Funziona, grazie."),
        .mail("Dutch Outlook, Van/Verzonden",
              head: "Content-Type: text/plain; charset=utf-8", body: """
              Het werkt weer.

              Van: Support <support@desk.example>
              Verzonden: woensdag 25 november 2026 11:00
              """, text: "Het werkt weer."),
        .mail("CR-only line endings (old Mac mailer)",
              head: "Content-Type: text/plain; charset=us-ascii", body: "Still broken.", text: "Still broken."),
        .mail("quoted-printable soft line breaks",
              head: "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable", body: """
              This line is long enough that the mailer had to break it somewhere in the=
               middle.
              """, text: "This line is long enough that the mailer had to break it somewhere in the middle."),
        .mail("uuencoded attachment in the text",
              head: "Content-Type: text/plain; charset=us-ascii", body: """
              Log attached.

              begin 644 app.log
              )15)23U(@-3`P
              `
              end
              """, text: "Log attached.", attachments: ["app.log"]),
        .mail("attachment only in the HTML branch of an alternative",
              head: "Content-Type: multipart/alternative; boundary=a", body: """
              --a
              Content-Type: text/plain; charset=utf-8

              Invoice attached.
              --a
              Content-Type: multipart/mixed; boundary=m

              --m
              Content-Type: text/html; charset=utf-8

              <p>Invoice attached.</p>
              --m
              Content-Type: application/pdf; name=invoice.pdf
              Content-Disposition: attachment; filename=invoice.pdf
              Content-Transfer-Encoding: base64

              JVBERg==
              --m--
              --a--
              """, text: "Invoice attached.", attachments: ["invoice.pdf"]),
        .mail("empty plain part beside a full HTML part",
              head: "Content-Type: multipart/alternative; boundary=e", body: """
              --e
              Content-Type: text/plain; charset=utf-8

              \u{20}
              --e
              Content-Type: text/html; charset=utf-8

              <p>The HTML has the words.</p>
              --e--
              """, text: "The HTML has the words."),
        .mail("a message that only quotes keeps its text",
              head: "Content-Type: text/plain; charset=utf-8", body: """
              On Wed, Nov 25, 2026 at 11:00 AM Acme Support wrote:
              > Is it fixed?
              """, text: "On Wed, Nov 25, 2026 at 11:00 AM Acme Support wrote:\n> Is it fixed?"),
    ]
}
