import Foundation
import Testing
import FormrunnerCore
@testable import FormrunnerNotify

/// Issue 14, item 14: non-ASCII addresses are encoded or refused; header lines stay under 998.
@Suite("E-mail out: non-ASCII addresses and header folding")
struct AddressEncodingTests {
    @Test("an internationalised domain is written in Punycode")
    func idn() {
        var message = Sample.message()
        message.address = "ana@bücher.example"
        let text = EMLWriter().text(for: message)
        #expect(text.contains("\r\nTo: ana@xn--bcher-kva.example\r\n"))
        #expect(Punycode.asciiDomain("münchen.de") == "xn--mnchen-3ya.de")
        #expect(Punycode.encode("例え") == "r8jz45g")
    }

    @Test("a non-ASCII local part is refused by the notifiers with a clear message")
    func nonASCIILocalPart() async {
        var message = Sample.message()
        message.address = "anã@example.com"
        await Sample.withTemporaryFolder { folder in
            await #expect(throws: UnwritableAddressError(description:
                "the address anã@example.com has non-ASCII letters before the @, which plain e-mail cannot carry; correct the requester's address")) {
                try await MaildirNotifier(root: folder).deliver(message)
            }
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/new")) ?? []).isEmpty)
        }
    }

    @Test("a very long non-ASCII desk name is folded: every header line is under 998 characters")
    func folding() throws {
        let name = String(repeating: "Suporte Técnico ", count: 120).trimmingCharacters(in: .whitespaces)
        let desk = try DeskAddress(parsing: "\"\(name)\" <suporte@example.com>")
        let text = EMLWriter(desk: desk).text(for: Sample.message(subject: String(repeating: "Solicitação ", count: 200)))
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        #expect(head.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count < 998 })
        let from = InboundMessage(data: Data(text.utf8)).headers.decoded("From")
        #expect(from == "\(name) <suporte@example.com>")
    }
}
