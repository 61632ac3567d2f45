import Foundation
import Testing
import FormrunnerCore
@testable import FormrunnerNotify

@Suite("EML writer")
struct EMLWriterTests {
    let writer = EMLWriter()

    @Test("golden: exact headers, CRLF line ends, encoded subject, threading")
    func golden() {
        let message = Sample.message(id: "4f1c-77", subject: "Solicitação nº 12", body: "Olá Ana,\n\nSua solicitação foi recebida.\n")
        let expected = [
            "Date: Thu, 05 Mar 2026 14:07:09 +0000",
            "From: Support <support@formrunner.local>",
            "Reply-To: Support <support+ticket-12@formrunner.local>",
            "To: ana@example.com",
            "Subject: =?UTF-8?B?U29saWNpdGHDp8OjbyBuwrogMTI=?=",
            "Message-ID: <ticket-12.4f1c-77@formrunner.local>",
            "In-Reply-To: <ticket-12@formrunner.local>",
            "References: <ticket-12@formrunner.local>",
            "X-Formrunner-Ticket: 12",
            "Auto-Submitted: auto-generated",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Ol=C3=A1 Ana,",
            "",
            "Sua solicita=C3=A7=C3=A3o foi recebida.",
            "",
        ].joined(separator: "\r\n")
        #expect(writer.text(for: message) == expected)
        #expect(writer.data(for: message) == Data(expected.utf8))
    }

    @Test("every line ends in CRLF, whatever the body's line ends")
    func crlf() {
        let bytes = Array(writer.data(for: Sample.message(body: "a\nb\r\nc\rd\n\n")))
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D)
        }
        for (index, byte) in bytes.enumerated() where byte == 0x0D {
            #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A)
        }
        #expect(writer.text(for: Sample.message(body: "a\nb\r\nc\rd\n\n")).hasSuffix("\r\n\r\na\r\nb\r\nc\r\nd\r\n"))
    }

    @Test("a plain ASCII subject is written as is")
    func asciiSubject() {
        #expect(writer.text(for: Sample.message(subject: "[Support] Ticket #12 created")).contains("\r\nSubject: [Support] Ticket #12 created\r\n"))
        #expect(writer.text(for: Sample.message(subject: "=?x?=")).contains("Subject: =?UTF-8?B?PT94Pz0=?="))
    }

    @Test("header injection through the title, address or sender adds no header")
    func injection() {
        let message = Sample.message(subject: "[Support] Ticket #12 created: Hi\r\nBcc: evil@x")
        var evil = message
        evil.address = "ana@example.com\r\nBcc: evil@x"
        for text in [writer.text(for: message), writer.text(for: evil)] {
            let head = text.components(separatedBy: "\r\n\r\n")[0]
            let names = head.components(separatedBy: "\r\n").map { $0.components(separatedBy: ":")[0] }
            #expect(names == ["Date", "From", "Reply-To", "To", "Subject", "Message-ID", "In-Reply-To", "References",
                              "X-Formrunner-Ticket", "Auto-Submitted", "MIME-Version", "Content-Type",
                              "Content-Transfer-Encoding"])
            #expect(!head.contains("\nBcc"))
        }
        #expect(EMLWriter().text(for: message).contains("\r\nSubject: [Support] Ticket #12 created: Hi Bcc: evil@x\r\n"))
    }

    @Test("a long non-ASCII subject is split into encoded-words of at most 75 characters, folded")
    func longSubject() throws {
        let subject = String(repeating: "ção ", count: 40)
        let text = writer.text(for: Sample.message(subject: subject))
        let head = try #require(text.components(separatedBy: "\r\n\r\n").first)
        let start = try #require(head.range(of: "Subject: "))
        let end = try #require(head.range(of: "\r\nMessage-ID"))
        let folded = String(head[start.upperBound..<end.lowerBound])
        let words = folded.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        var decoded = Data()
        for word in words {
            #expect(word.count <= 75 && word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let base64 = String(word.dropFirst(10).dropLast(2))
            let part = try #require(Data(base64Encoded: base64))
            #expect(String(data: part, encoding: .utf8) != nil, "each word holds whole characters")
            decoded += part
        }
        #expect(String(data: decoded, encoding: .utf8) == subject.trimmingCharacters(in: .whitespaces))
    }

    @Test("a non-ASCII desk name is encoded; the id is made safe")
    func senderAndIDs() throws {
        let writer = EMLWriter(desk: try DeskAddress(parsing: "Suporte Técnico <suporte@Example.com>"))
        let text = writer.text(for: Sample.message(id: "a b.c@d<e>"))
        #expect(text.contains("\r\nFrom: =?UTF-8?B?U3Vwb3J0ZSBUw6ljbmljbw==?= <suporte@example.com>\r\n"))
        #expect(text.contains("\r\nReply-To: =?UTF-8?B?U3Vwb3J0ZSBUw6ljbmljbw==?= <suporte+ticket-12@example.com>\r\n"))
        #expect(text.contains("\r\nMessage-ID: <ticket-12.a%20b%2Ec%40d%3Ce%3E@example.com>\r\n"))
        #expect(text.contains("\r\nReferences: <ticket-12@example.com>\r\n"))
    }

    @Test("the ticket's first message is the thread root: its Message-ID is <ticket-N@domain>, with no In-Reply-To")
    func threadRoot() {
        let text = writer.text(for: Sample.message(id: DeskAddress.rootOutboxID(ticket: 12)))
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        #expect(head.contains("\r\nMessage-ID: <ticket-12@formrunner.local>\r\n"))
        #expect(!head.contains("In-Reply-To") && !head.contains("References"))
        #expect(!writer.text(for: Sample.message(id: "ticket-12", ticket: 13)).contains("Message-ID: <ticket-12@"))
    }

    @Test("a message of no ticket (a sign-in code) has no thread, no ticket Reply-To and no ticket header")
    func noTicket() {
        let head = writer.text(for: Sample.message(id: "code-5e1f", ticket: 0)).components(separatedBy: "\r\n\r\n")[0]
        #expect(head.contains("\r\nMessage-ID: <code-5e1f@formrunner.local>\r\n"))
        #expect(head.contains("\r\nReply-To: Support <support@formrunner.local>\r\n"))
        #expect(!head.contains("In-Reply-To") && !head.contains("References") && !head.contains("X-Formrunner-Ticket"))
    }

    @Test("a display name with specials is quoted")
    func quotedDisplayName() throws {
        let writer = EMLWriter(desk: try DeskAddress(parsing: "\"Help, \\Desk\" <help@desk.example>"))
        #expect(writer.text(for: Sample.message()).contains("\r\nFrom: \"Help, \\\\Desk\" <help@desk.example>\r\n"))
    }

    @Test("an ASCII body with short lines is sent 7bit")
    func sevenBit() {
        let text = writer.text(for: Sample.message(body: "Hello Ana,\n\nAll good.\n"))
        #expect(text.contains("\r\nContent-Transfer-Encoding: 7bit\r\n\r\nHello Ana,\r\n\r\nAll good.\r\n"))
    }

    @Test("dates follow RFC 5322 in the configured zone")
    func dates() throws {
        let writer = EMLWriter(timeZone: try #require(TimeZone(identifier: "America/Sao_Paulo")))
        #expect(writer.text(for: Sample.message()).hasPrefix("Date: Thu, 05 Mar 2026 11:07:09 -0300\r\n"))
    }

    @Test("a line longer than 998 octets switches the body to quoted-printable")
    func quotedPrintable() {
        let long = String(repeating: "é", count: 600)
        let text = writer.text(for: Sample.message(body: "short = line\n" + long + "\n"))
        #expect(text.contains("\r\nContent-Transfer-Encoding: quoted-printable\r\n"))
        let body = text.components(separatedBy: "\r\n\r\n")[1]
        #expect(body.hasPrefix("short =3D line\r\n=C3=A9=C3=A9"))
        for line in body.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76)
        }
        let decoded = body.replacingOccurrences(of: "=\r\n", with: "")
        #expect(decoded.components(separatedBy: "\r\n")[1] == String(repeating: "=C3=A9", count: 600))
    }
}
