import Foundation
import FormrunnerCore
import FormrunnerFlow
import FormrunnerFlowTestSupport
import Testing

@Suite("The financial flow as pages")
struct FinancialFlowPageTests {
    static let flow = "/flows/financial-support"

    /// Signs Ana in and walks identification and the subject to the payment receipt form.
    static func toReceiptForm(_ fixture: PortalFixture, _ browser: PortalBrowser) async throws {
        try await fixture.signIn(browser, next: flow)
        #expect(browser.page.contains("<h1>Identify yourself</h1>"))
        #expect(browser.page.contains(#"value="Ana Souza""#))
        #expect(browser.page.contains(#"<option value="lojabeta">lojabeta</option>"#))
        try await browser.post(flow, [("_step", "identify"), ("name", "Ana Souza"), ("account", "lojabeta")])
        try await browser.post(flow, [("_step", "subject"), ("_action", "choose"), ("subject", "payment_receipt")])
        #expect(browser.page.contains("Payment receipt"))
    }

    static let receiptFields: [(String, String)] = [
        ("_step", "subject"), ("_action", "continue"), ("what_happened", "I paid the November invoice by Pix."),
        ("invoice_number", "NF-2026-11"), ("payment_date", "2026-11-30"), ("amount_paid", "1250.90"), ("payment_method", "pix"),
    ]

    @Test("an account that is not the user's is refused at its field, and the answers are kept")
    func foreignAccount() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            try await fixture.signIn(browser, next: Self.flow)
            let response = try await browser.post(Self.flow, [("_step", "identify"), ("name", "Ana"), ("account", "lojazoe")])
            #expect(response.status == .unprocessableContent)
            #expect(browser.page.contains("Please correct the 2 problem(s) below."))
            #expect(browser.page.contains(#"<p class="error" id="account-error">&#39;lojazoe&#39; is not one of your accounts"#))
            #expect(browser.page.contains(#"id="name-error""#))
            #expect(browser.page.contains(#"value="Ana""#))
        }
    }

    @Test("a receipt of a refused type or over the size limit gets the field's message; a PDF files the ticket")
    func uploads() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            try await Self.toReceiptForm(fixture, browser)
            var response = try await browser.postMultipart(Self.flow, Self.receiptFields, files: [("receipt", "notes.txt", Data("hello".utf8))])
            #expect(response.status == .unprocessableContent)
            #expect(browser.page.contains("&#39;notes.txt&#39; (text/plain) is not an accepted type; accepted: application/pdf, image/*"))
            #expect(browser.page.contains(#"value="NF-2026-11""#))
            let large = Data(repeating: 0x25, count: 10 * 1024 * 1024 + 1)
            response = try await browser.postMultipart(Self.flow, Self.receiptFields, files: [("receipt", "big.pdf", large)])
            #expect(response.status == .unprocessableContent)
            #expect(browser.page.contains("&#39;big.pdf&#39; is 10485761 bytes; the limit is 10 MB"))
            response = try await browser.postMultipart(Self.flow, Self.receiptFields, files: [("receipt", "receipt.pdf", Data("%PDF-1.4 receipt".utf8))])
            #expect(browser.page.contains("Review your request"))
            #expect(browser.page.contains("receipt.pdf"))
            try await browser.post(Self.flow, [("_step", "send"), ("_action", "send")])
            #expect(browser.page.contains("Ticket 1 created"))
            // The uploads wait in the portal's folder only until the store has its own copies.
            #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.uploads.path).isEmpty)
        }
        // Filing ends the run: no draft is left for `run --resume` to offer.
        #expect(try await fixture.desk.drafts.load(key: FlowState.draftKey(workflowID: "financial-support", user: "ana@example.com"),
                                                   now: fixture.desk.clock.now) == nil)
        let ticket = try #require(try await fixture.desk.store.ticket(1))
        guard case .files(let files)? = ticket.answers["receipt"] else { Issue.record("no receipt"); return }
        #expect(files.map(\.name) == ["receipt.pdf"])
        #expect(ticket.account == "lojabeta")
    }

    @Test("a multipart body cut off before its close delimiter is refused (400) and keeps no answer nor file")
    func truncatedMultipart() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            try await Self.toReceiptForm(fixture, browser)
            let boundary = "----cut-off"
            var body = ""
            for (name, value) in Self.receiptFields + [("_csrf", browser.csrf ?? "")] {
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
            }
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"receipt\"; filename=\"r.pdf\"\r\n\r\n%PDF-1.4 the rest never came"
            let response = try await browser.postRaw(Self.flow, contentType: "multipart/form-data; boundary=\(boundary)",
                                                     body: Array(body.utf8))
            #expect(response.status == .badRequest)
            #expect(browser.page.contains("This form has expired or did not come from this site."))
            try await browser.get(Self.flow + "?step=subject")
            #expect(!browser.page.contains(#"value="NF-2026-11""#))
            let uploads = try FileManager.default.subpathsOfDirectory(atPath: fixture.uploads.path)
            #expect(!uploads.contains { $0.hasSuffix("r.pdf") })
        }
    }

    @Test("leaving mid-flow and signing in again continues at the same step with the answers kept")
    func resume() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            try await Self.toReceiptForm(fixture, browser)
        }
        try await fixture.browse { browser in
            try await fixture.signIn(browser, next: Self.flow)
            #expect(browser.page.contains("Payment receipt"))
            #expect(browser.page.contains("Sending payment receipt"))
        }
    }

    @Test("choosing another subject from the review asks the new subject's form before the review comes back")
    func anotherSubject() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        try await fixture.browse { browser in
            try await Self.toReceiptForm(fixture, browser)
            try await browser.postMultipart(Self.flow, Self.receiptFields, files: [("receipt", "receipt.pdf", Data("%PDF-1.4".utf8))])
            #expect(browser.page.contains("Review your request"))
            try await browser.get(Self.flow + "?step=subject&choose=1")
            try await browser.post(Self.flow, [("_step", "subject"), ("_action", "choose"), ("subject", "contract_termination")])
            #expect(!browser.page.contains("Review your request"))
            #expect(browser.page.contains("<h1>Contract termination</h1>"))
        }
    }
}
