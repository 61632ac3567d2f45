import Foundation

/// The corpus's messages whose structure is unusual or broken, as real mailers and gateways send
/// them: missing boundaries and headers, stray bytes, odd encodings, parts that are files.
extension CorpusCase {
    static let structures: [CorpusCase] = [
        .mail("multipart without its closing boundary", head: "Content-Type: multipart/alternative; boundary=\"open1\"", body: """
              --open1
              Content-Type: text/plain; charset=utf-8

              The closing boundary never comes.

              --open1
              Content-Type: text/html; charset=utf-8

              <p>The closing boundary never comes.</p>
              """, text: "The closing boundary never comes."),
        .mail("multipart with no boundary parameter", head: "Content-Type: multipart/mixed", body: """
              --guessme
              Content-Type: text/plain; charset=utf-8

              The boundary was lost by a gateway.
              --guessme--
              """, text: "The boundary was lost by a gateway."),
        .mail("Base64 body with stray characters and short lines", head: "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64", body: """
              SXQgd29ya3Mg
              bm93LCB0aGFu
              a3Mu!
              """, text: "It works now, thanks."),
        .mail("quoted-printable with lower-case hex", head: "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: Quoted-Printable", body: """
              J=c3=a1 est=c3=a1 ok.
              """, text: "Já está ok."),
        .mail("charset written utf8, quoted and upper-case", head: "Content-Type: text/plain; charset=\"UTF8\"\nContent-Transfer-Encoding: 8bit", body: """
              Não há mais erro.
              """, text: "Não há mais erro."),
        .mail("unknown charset falls back without losing the text", head: "Content-Type: text/plain; charset=x-unknown-charset", body: """
              Plain ASCII under an unknown charset.
              """, text: "Plain ASCII under an unknown charset."),
        .mail("no Content-Type at all, 8-bit UTF-8", head: "X-Mailer: old-script 1.0", body: """
              Sem cabeçalho de tipo, mas legível.
              """, text: "Sem cabeçalho de tipo, mas legível."),
        .mail("a NUL byte in the body", head: "Content-Type: text/plain; charset=us-ascii", body: "Before\u{0}after the NUL.",
              text: "Beforeafter the NUL."),
        .mail("folded Subject and Content-Type headers", head: "Content-Type: text/plain;\n\tcharset=\"utf-8\";\n\tformat=flowed\nX-Long: a\n b", body: """
              Folded headers read fine.
              """, text: "Folded headers read fine.", subject: "Re: [Support] Ticket #12 about the\n\tcheckout page"),
        .mail("Content-Transfer-Encoding in capitals with spaces", head: "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding:  BASE64 ", body: """
              T2zDoSwgdGVzdGUu
              """, text: "Olá, teste."),
        .mail("two attachments, one inline image", head: "Content-Type: multipart/mixed; boundary=\"two\"", body: """
              --two
              Content-Type: text/plain; charset=utf-8

              Two files.
              --two
              Content-Type: application/pdf; name="a.pdf"
              Content-Disposition: attachment; filename="a.pdf"
              Content-Transfer-Encoding: base64

              JVBERi0xLjQK
              --two
              Content-Type: image/jpeg; name="b.jpg"
              Content-Disposition: inline; filename="b.jpg"
              Content-Transfer-Encoding: base64

              /9j/4AAQSkZJRg==
              --two--
              """, text: "Two files.", attachments: ["a.pdf", "b.jpg"]),
        .mail("a calendar invitation part", head: "Content-Type: multipart/mixed; boundary=\"cal\"", body: """
              --cal
              Content-Type: text/plain; charset=utf-8

              Can we talk on Friday?
              --cal
              Content-Type: text/calendar; charset=utf-8; method=REQUEST; name="invite.ics"
              Content-Disposition: attachment; filename="invite.ics"

              BEGIN:VCALENDAR
              END:VCALENDAR
              --cal--
              """, text: "Can we talk on Friday?", attachments: ["invite.ics"]),
        .mail("an attachment without a name", head: "Content-Type: multipart/mixed; boundary=\"noname\"", body: """
              --noname
              Content-Type: text/plain; charset=utf-8

              File without a name.
              --noname
              Content-Type: application/octet-stream
              Content-Transfer-Encoding: base64

              AAECAw==
              --noname--
              """, text: "File without a name.", attachments: ["attachment-1"]),
        .mail("a file name with folders and a control character", head: "Content-Type: multipart/mixed; boundary=\"evil\"", body: """
              --evil
              Content-Type: text/plain; charset=utf-8

              Odd file name.
              --evil
              Content-Type: text/plain; name="..\\\\..\\\\boot.ini"
              Content-Disposition: attachment; filename="../../etc/pass\u{7}wd"

              root
              --evil--
              """, text: "Odd file name.", attachments: ["pass wd"]),
        .mail("Base64 part one character past a multiple of four", head: "Content-Type: multipart/mixed; boundary=\"b64\"", body: """
              --b64
              Content-Type: text/plain; charset=utf-8

              Odd Base64.
              --b64
              Content-Type: application/octet-stream; name="data.bin"
              Content-Disposition: attachment; filename="data.bin"
              Content-Transfer-Encoding: base64

              AAECAwQ
              --b64--
              """, text: "Odd Base64.", attachments: ["data.bin"]),
    ]
}
