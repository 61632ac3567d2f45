import Foundation

/// The corpus's replies from the common clients in the desk's three languages (English, Portuguese,
/// Spanish): how each quotes, signs and attaches.
extension CorpusCase {
    static let replies: [CorpusCase] = [
        .mail("Gmail web, Spanish attribution", head: "Content-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable", body: """
              Ya funciona, gracias.

              El mi=C3=A9, 25 nov 2026 a las 11:00, Soporte (<support@desk.example>) escribi=C3=B3:
              > =C2=BFSigue fallando?
              """, text: "Ya funciona, gracias."),
        .mail("Gmail HTML only, Portuguese gmail_quote", head: "Content-Type: text/html; charset=\"UTF-8\"", body: """
              <div dir="ltr">Obrigada, j&aacute; est&aacute; funcionando!</div><br><div class="gmail_quote"><div dir="ltr" \
              class="gmail_attr">Em qua., 25 de nov. de 2026 &agrave;s 11:00, Suporte &lt;<a href="mailto:support@desk.example">\
              support@desk.example</a>&gt; escreveu:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">\
              Funciona agora?</blockquote></div>
              """, text: "Obrigada, já está funcionando!"),
        .mail("Gmail, inline image in multipart/related", head: "Content-Type: multipart/related; boundary=\"000r1\"", body: """
              --000r1
              Content-Type: multipart/alternative; boundary="000a2"

              --000a2
              Content-Type: text/plain; charset="UTF-8"

              Here is the error:
              [image: error.png]

              --000a2
              Content-Type: text/html; charset="UTF-8"

              <div>Here is the error:<br><img src="cid:ii_1" alt="error.png"></div>
              --000a2--
              --000r1
              Content-Type: image/png; name="error.png"
              Content-Disposition: inline; filename="error.png"
              Content-Transfer-Encoding: base64
              Content-ID: <ii_1>

              iVBORw0KGgoAAAANSUhEUg==
              --000r1--
              """, text: "Here is the error:\n[image: error.png]", attachments: ["error.png"]),
        .mail("Gmail for Android, Portuguese, Enviado do meu", head: "Content-Type: text/plain; charset=\"UTF-8\"", body: """
              Pode fechar o chamado.

              Enviado do meu Galaxy

              Em qua, 25 de nov de 2026 11:00, Suporte <support@desk.example> escreveu:

              > Podemos fechar?
              """, text: "Pode fechar o chamado."),
        .mail("Outlook desktop, Portuguese header block", head: "Content-Type: text/plain; charset=\"iso-8859-1\"\nContent-Transfer-Encoding: quoted-printable", body: """
              O erro voltou hoje de manh=E3.

              Att,
              Ana

              De: Suporte <support@desk.example>
              Enviado: quarta-feira, 25 de novembro de 2026 11:00
              Para: Ana Souza <ana@example.com>
              Assunto: [Suporte] Chamado #12
              """, text: "O erro voltou hoje de manhã.\n\nAtt,\nAna"),
        .mail("Outlook desktop, -----Mensagem original-----", head: "Content-Type: text/plain; charset=\"utf-8\"", body: """
              Segue o número do pedido: 4471.

              -----Mensagem original-----
              De: Suporte [mailto:support@desk.example]
              Enviada em: quarta-feira, 25 de novembro de 2026 11:00
              """, text: "Segue o número do pedido: 4471."),
        .mail("Outlook desktop, -----Mensaje original-----", head: "Content-Type: text/plain; charset=\"utf-8\"", body: """
              Adjunto la factura que falta.

              -----Mensaje original-----
              De: Soporte <support@desk.example>
              Enviado el: miércoles, 25 de noviembre de 2026 11:00
              """, text: "Adjunto la factura que falta."),
        .mail("Outlook desktop, Windows-1252 smart quotes", head: "Content-Type: text/plain; charset=\"windows-1252\"\nContent-Transfer-Encoding: quoted-printable", body: """
              It=92s fixed =96 the =93checkout=94 works again.

              From: Acme Support <support@desk.example>
              Sent: Wednesday, November 25, 2026 11:00 AM
              """, text: "It’s fixed – the “checkout” works again."),
        .mail("Outlook desktop with winmail.dat", head: "Content-Type: multipart/mixed; boundary=\"_004_\"", body: """
              --_004_
              Content-Type: text/plain; charset="us-ascii"

              See the attached spreadsheet.

              --_004_
              Content-Type: application/ms-tnef; name="winmail.dat"
              Content-Disposition: attachment; filename="winmail.dat"
              Content-Transfer-Encoding: base64

              eJ8+IhAAAQaQCAAEAAAAAAABAAEAAQeQBgAIAAAA5AQAAAAAAADoAAEIgAcAGAAAAElQTS5NaWNy
              --_004_--
              """, text: "See the attached spreadsheet.", attachments: ["winmail.dat"]),
        .mail("Outlook on the web, divRplyFwdMsg HTML", head: "Content-Type: text/html; charset=\"iso-8859-1\"\nContent-Transfer-Encoding: quoted-printable", body: """
              <html><head><style type=3D"text/css">p {margin:0}</style></head><body dir=3D"ltr"><div>Sim, =E9 a loja =
              principal.</div><hr style=3D"display:inline-block;width:98%"><div id=3D"divRplyFwdMsg" dir=3D"ltr"><font =
              face=3D"Calibri"><b>De:</b> Suporte &lt;support@desk.example&gt;<br><b>Enviado:</b> quarta-feira, 25 de =
              novembro de 2026 11:00<br><b>Para:</b> Ana</font></div><div>Qual loja?</div></body></html>
              """, text: "Sim, é a loja principal."),
        .mail("Outlook for Android, Get Outlook for Android", head: "Content-Type: text/plain; charset=\"utf-8\"", body: """
              Confirmed, thanks.

              Get Outlook for Android<https://aka.ms/ghei36>
              ________________________________
              From: Acme Support <support@desk.example>
              Sent: Wednesday, November 25, 2026 11:00:00 AM
              """, text: "Confirmed, thanks."),
        .mail("Outlook, RFC 2231 file name in UTF-8", head: "Content-Type: multipart/mixed; boundary=\"b2231\"", body: """
              --b2231
              Content-Type: text/plain; charset="utf-8"

              O relatório está em anexo.

              --b2231
              Content-Type: application/pdf; name*=utf-8''relat%C3%B3rio.pdf
              Content-Disposition: attachment; filename*=utf-8''relat%C3%B3rio.pdf
              Content-Transfer-Encoding: base64

              JVBERi0xLjQK
              --b2231--
              """, text: "O relatório está em anexo.", attachments: ["relatório.pdf"]),
        .mail("Apple Mail for iPhone, Portuguese quoted attribution", head: "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable", body: """
              Pode fechar.

              Enviado do meu iPhone

              > Em 25 de nov. de 2026, =C3=A0(s) 11:00, Suporte <support@desk.example> escreveu:
              >=20
              > =EF=BB=BFPodemos fechar?
              """, text: "Pode fechar."),
        .mail("Apple Mail for iPhone, Spanish quoted attribution", head: "Content-Type: text/plain; charset=utf-8", body: """
              Sí, ya lo probé.

              Enviado desde mi iPhone

              > El 25 nov 2026, a las 11:00, Soporte <support@desk.example> escribió:
              >
              > ¿Lo probaste?
              """, text: "Sí, ya lo probé."),
        .mail("Apple Mail, HTML blockquote type=cite", head: "Content-Type: multipart/alternative; boundary=\"Apple-Mail-1\"", body: """
              --Apple-Mail-1
              Content-Transfer-Encoding: 7bit
              Content-Type: text/plain; charset=us-ascii

              Yes, since Monday.

              > On 25 Nov 2026, at 11:00, Acme Support <support@desk.example> wrote:
              >\u{20}
              > Since when?

              --Apple-Mail-1
              Content-Transfer-Encoding: 7bit
              Content-Type: text/html; charset=us-ascii

              <html><body>Yes, since Monday.<br><div><blockquote type="cite"><div>On 25 Nov 2026, at 11:00, Acme Support \
              &lt;support@desk.example&gt; wrote:</div><div>Since when?</div></blockquote></div></body></html>
              --Apple-Mail-1--
              """, text: "Yes, since Monday."),
        .mail("Apple Mail, attachment between two text parts", head: "Content-Type: multipart/mixed; boundary=\"Apple-Mail-2\"", body: """
              --Apple-Mail-2
              Content-Transfer-Encoding: 7bit
              Content-Type: text/plain; charset=us-ascii

              The log is attached.
              --Apple-Mail-2
              Content-Disposition: attachment; filename=console.log
              Content-Type: text/plain; x-unix-mode=0644; name="console.log"
              Content-Transfer-Encoding: 7bit

              ERROR 500 at /checkout
              --Apple-Mail-2
              Content-Transfer-Encoding: 7bit
              Content-Type: text/plain; charset=us-ascii

              Ana
              --Apple-Mail-2--
              """, text: "The log is attached.\nAna", attachments: ["console.log"]),
        .mail("Thunderbird, Portuguese, bottom-posted", head: "Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 8bit", body: """
              Em 25/11/2026 11:00, Suporte escreveu:
              > Qual loja?

              A loja principal, desde ontem.

              --\u{20}
              Ana Souza
              """, text: "A loja principal, desde ontem."),
        .mail("Thunderbird, Spanish, bottom-posted", head: "Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 8bit", body: """
              El 25/11/26 a las 11:00, Soporte escribió:
              > ¿Qué tienda?

              La tienda principal.
              """, text: "La tienda principal."),
        .mail("Thunderbird, top-posted with a signature", head: "Content-Type: text/plain; charset=UTF-8; format=flowed", body: """
              It works now, you can close it.

              --\u{20}
              Ana Souza | Acme Stores
              +55 11 5555-0100

              On 25/11/2026 11:00, Acme Support wrote:
              > Does it work?
              """, text: "It works now, you can close it."),
        .mail("Thunderbird, attachment named by an encoded-word", head: "Content-Type: multipart/mixed; boundary=\"------------tb1\"", body: """
              This is a multi-part message in MIME format.
              --------------tb1
              Content-Type: text/plain; charset=UTF-8; format=flowed
              Content-Transfer-Encoding: 7bit

              The invoice is attached.

              --------------tb1
              Content-Type: application/pdf; name="=?UTF-8?B?bm90YSBmaXNjYWwucGRm?="
              Content-Disposition: attachment; filename="=?UTF-8?B?bm90YSBmaXNjYWwucGRm?="
              Content-Transfer-Encoding: base64

              JVBERi0xLjQK
              --------------tb1--
              """, text: "The invoice is attached.", attachments: ["nota fiscal.pdf"]),
        .mail("Outlook, ISO-8859-1 file name as an encoded-word", head: "Content-Type: multipart/mixed; boundary=\"_005_\"", body: """
              --_005_
              Content-Type: text/plain; charset="iso-8859-1"
              Content-Transfer-Encoding: quoted-printable

              Segue o relat=F3rio.

              --_005_
              Content-Type: application/pdf; name="=?iso-8859-1?Q?relat=F3rio_final.pdf?="
              Content-Description: =?iso-8859-1?Q?relat=F3rio_final.pdf?=
              Content-Disposition: attachment; filename="=?iso-8859-1?Q?relat=F3rio_final.pdf?="
              Content-Transfer-Encoding: base64

              JVBERi0xLjQK
              --_005_--
              """, text: "Segue o relatório.", attachments: ["relatório final.pdf"]),
        .mail("encoded-word From and Subject, Portuguese", head: "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit", body: """
              Recebi, obrigado.
              """, text: "Recebi, obrigado.", from: "=?UTF-8?Q?Ana_Souza_=E2=80=94_Loja_S=C3=A3o_Paulo?= <ana@example.com>",
              subject: "=?UTF-8?B?UmU6IFtTdXBvcnRlXSBDaGFtYWRvICMxMiDigJQgY29icmFuw6dh?="),
        .mail("Yahoo Mail HTML only, yahoo_quoted", head: "Content-Type: text/html; charset=UTF-8", body: """
              <html><body><div class="ydp1"><div>Still broken on my side.</div></div><div id="yahoo_quoted_1" class="yahoo_quoted">\
              <div>On Wednesday, November 25, 2026, 11:00:00 AM GMT-3, Acme Support &lt;support@desk.example&gt; wrote:</div>\
              <div><br></div><div>Is it fixed?</div></div></body></html>
              """, text: "Still broken on my side."),
        .mail("HTML only, named and numeric entities", head: "Content-Type: text/html; charset=us-ascii", body: """
              <p>Ol&aacute;, j&aacute; est&aacute; funcionando&nbsp;&#8212; obrigado!<br>Pre&ccedil;o: 10&euro; &amp; frete &#x20AC;5</p>
              """, text: "Olá, já está funcionando — obrigado!\nPreço: 10€ & frete €5"),
        .mail("HTML only with style and script blocks", head: "Content-Type: text/html; charset=utf-8", body: """
              <html><head><style>.x { color: red; } p:after { content: "hidden" }</style><script>var a = "<p>no</p>";</script></head>
              <body><p>Only this line counts.</p></body></html>
              """, text: "Only this line counts."),
        .mail("Outlook HTML, Spanish header block in bold", head: "Content-Type: text/html; charset=\"utf-8\"", body: """
              <html><body><p class=MsoNormal>Ya quedó resuelto.</p><div style='border:none;border-top:solid #E1E1E1 1.0pt'>\
              <p class=MsoNormal><b>De:</b> Soporte &lt;support@desk.example&gt;<br><b>Enviado el:</b> miércoles, 25 de \
              noviembre de 2026 11:00<br><b>Para:</b> Ana</p></div><p>¿Quedó resuelto?</p></body></html>
              """, text: "Ya quedó resuelto."),
    ]
}
