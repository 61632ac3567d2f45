import Foundation
import Testing
@testable import FormrunnerNotify

/// Issue 14, item 16: every charset iconv knows, the HTML5 entity table, uuencoded files.
@Suite("Mail ingest: charsets, entities, uuencode")
struct CharsetTests {
    static func base64Message(charset: String, base64: String) -> InboundMessage {
        InboundMessage(data: MailFixtures.crlf("""
            From: ana@example.com
            Content-Type: text/plain; charset="\(charset)"
            Content-Transfer-Encoding: base64

            \(base64)
            """))
    }

    @Test("CJK, Cyrillic and Central European bodies decode through iconv", arguments: [
        ("ISO-2022-JP", "GyRCJCpAJE9DJEskSiRDJEYkKiRqJF4kOSEjJVclaiVzJT8hPCQsJF4kQEczJCgkRiQkJF4kOSEjGyhC",
         "お世話になっております。プリンターがまだ燃えています。"),
        ("Shift_JIS", "g3aDioOTg16BW4KqkryC6ILcgrWCvYFC", "プリンターが直りました。"),
        ("GB2312", "tPLTobv6u7nKx7u1tcShow==", "打印机还是坏的。"),
        ("Big5", "pkyq7b73wdmsT8NhqrqhQw==", "印表機還是壞的。"),
        ("EUC-KR", "x8G4sMXNsKEgvsbB9yCw7cDlwNS0z7TZLg==", "프린터가 아직 고장입니다."),
        ("ks_c_5601-1987", "x8G4sMXNsKEgvsbB9yCw7cDlwNS0z7TZLg==", "프린터가 아직 고장입니다."),
        ("KOI8-R", "8NLJztTF0iDX06Mgxd2jIMfP0snULg==", "Принтер всё ещё горит."),
        ("windows-1250", "VGlza+FybmEgcG/44WQgaG/47SwgZOxrdWppLg==", "Tiskárna pořád hoří, děkuji."),
    ])
    func bodies(charset: String, base64: String, expected: String) {
        #expect(Self.base64Message(charset: charset, base64: base64).text == expected)
    }

    @Test("UTF-7, encoded-words in GB2312 and ISO-2022-JP")
    func utf7AndWords() {
        #expect(Charset.decode(Array("Caf+AOk- ouvert".utf8), name: "utf-7") == "Café ouvert")
        #expect(EncodedWordDecoder.decode("=?GB2312?B?tPLTobv6?=") == "打印机")
        #expect(EncodedWordDecoder.decode("=?ISO-2022-JP?B?GyRCJVclaiVzJT8hPBsoQg==?=") == "プリンター")
    }

    @Test("bytes invalid in their charset, or an unknown charset, are kept, never dropped")
    func neverLoses() {
        // A lone 0xFF in Shift_JIS is invalid: it is kept as ÿ and the text after it decoded.
        #expect(Charset.decode([0x82, 0xA0, 0xFF, 0x41], name: "shift_jis") == "あÿA")
        #expect(Charset.decode([0x63, 0x61, 0x66, 0xE9], name: "x-no-such-charset") == "café")
        #expect(Charset.decode([0x63, 0x61, 0x66, 0xC3, 0xA9], name: "x-no-such-charset") == "café")
        #expect(Charset.decode([0x61, 0xE9, 0x62], name: "utf-8") == "aéb")
    }

    @Test("the full HTML5 entity table, numeric references in the Windows-1252 range, invalid ones replaced")
    func entities() {
        #expect(HTMLText.decodeEntities("&CounterClockwiseContourIntegral; &hearts; &Scaron; &NotEqualTilde; &zwj;x"[...])
                == "∳ ♥ Š ≂̸ \u{200D}x")
        #expect(HTMLText.decodeEntities("&#150; &#x2014; &#0; &#xD800; &nosuch; & ;"[...]) == "– — \u{FFFD} \u{FFFD} &nosuch; & ;")
        #expect(HTMLEntities.table.count == 2125)
    }

    @Test("a uuencoded file in the text becomes an attachment and leaves the text")
    func uuencoded() {
        let message = InboundMessage(data: MailFixtures.crlf("""
            From: ana@example.com
            Content-Type: text/plain

            The log is attached.

            begin 644 app.log
            )15)23U(@-3`P
            `
            end
            """))
        #expect(ReplyCleaner.clean(message.text) == "The log is attached.")
        #expect(message.attachments.map(\.name) == ["app.log"])
        #expect(message.attachments.first?.content == Data("ERROR 500".utf8))
    }
}

/// Issue 14, item 15: the work per message is bounded before it is matched.
@Suite("Mail ingest: bounded work")
struct BoundedWorkTests {
    @Test("a 1 MB message of nested blockquotes converts in linear time and space")
    func nestedBlockquotes() {
        let html = String(repeating: "<blockquote>x", count: 80_000) + String(repeating: "</blockquote>", count: 80_000)
        let data = MailFixtures.crlf("From: stranger@example.net\nContent-Type: text/html\n\n" + html)
        let message = InboundMessage(data: data)
        #expect(message.text.utf8.count < data.count)
    }

    @Test("10,000 MIME parts are refused after the 1,000th, with the reason")
    func manyParts() {
        var text = "From: stranger@example.net\nContent-Type: multipart/mixed; boundary=b\n\n"
        for _ in 0..<10_000 { text += "--b\nContent-Type: text/plain\n\nx\n" }
        let message = InboundMessage(data: MailFixtures.crlf(text + "--b--\n"))
        #expect(message.problem == "the message has more than 1000 MIME parts")
    }

    @Test("more than 100 attachments are refused with the reason")
    func manyAttachments() {
        var text = "From: stranger@example.net\nContent-Type: multipart/mixed; boundary=b\n\n"
        for index in 0..<101 { text += "--b\nContent-Type: application/octet-stream; name=f\(index)\n\nx\n" }
        #expect(InboundMessage(data: MailFixtures.crlf(text + "--b--\n")).problem == "the message has more than 100 attachments")
    }
}
