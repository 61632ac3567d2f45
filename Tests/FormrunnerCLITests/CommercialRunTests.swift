import Foundation
import Testing

extension RunEndToEndTests {
    /// The commercial flow in a terminal: an e-mailed code, identification, the subject among 4,
    /// a form whose last field depends on an earlier answer, the review and Send.
    @Suite("commercial-support in a terminal")
    struct CommercialRunTests {
        @Test("a wrong then right e-mailed code; a field shown by an answer disappears when the answer changes at the review")
        func conditionalFieldChangedAtReview() async throws {
            let desk = try RunDesk()
            try desk.addUser("caio@example.com", name: "Caio Alves", accounts: ["lojacaio"], permissions: [])
            let tmux = try desk.terminal(["run", "commercial-support"])
            defer { tmux.close() }

            try await tmux.choose("How do you want to sign in?", "code")
            try await tmux.answer("E-mail", text: "caio@example.com")
            let code = try await desk.nextCode(screen: { tmux.screen() })
            try await tmux.answer("Code sent to caio@example.com", text: TechnicalRunTests.wrong(code))
            try await tmux.waitFor("the code is not right; 4 attempts left")
            try await tmux.answer("Code sent to caio@example.com", text: code)
            try await tmux.waitFor("Signed in as Caio Alves <caio@example.com>.")

            try await tmux.replace("Name", with: "Caio Alves Pereira")
            try await tmux.waitFor("? Account  ")
            try await tmux.accept("Account")
            try await tmux.waitFor("✔ Account · lojacaio")
            try await tmux.waitForLines(under: "? What do you need?", [
                "❯ New Trade Policy", "  New White Label - Franchise Account", "  New Additional Account", "  Master Admin Change",
            ])
            try await tmux.choose("What do you need?", "Additional")

            try await tmux.answer("Name of the new account", text: "lojacaiochile")
            try await tmux.choose("Purpose of the new account", "Other")
            try await tmux.answer("Country of operation", text: "Chile")
            try await tmux.choose("Currency", "CLP")
            // "Other purpose" shows the details field.
            try await tmux.write("Additional details", "A store for the Chilean market.")
            let review = try await tmux.waitFor("? What next?")
            #expect(review.contains("Purpose of the new account: Other purpose\n"))
            #expect(review.contains("Additional details: A store for the Chilean market.\n"))

            try await tmux.choose("What next?", "Change an answer")
            try await tmux.choose("Which answer?", "Purpose")
            try await tmux.choose("Purpose of the new account", "brand")
            let lastReview = try await tmux.waitFor("? What next?", count: 1).components(separatedBy: "Review: ").last ?? ""
            #expect(lastReview.contains("Purpose of the new account: New brand\n"))
            #expect(!lastReview.contains("Additional details"))
            try await tmux.choose("What next?", "Send")

            try await tmux.waitFor("Ticket 1 created: New Additional Account [Open]. A confirmation was sent to caio@example.com.")
            #expect(try await tmux.waitForExit() == 0)
            let ticket = try #require(try desk.ticket(1))
            #expect(ticket["form"] as? String == "commercial.new-additional-account")
            #expect(ticket["account"] as? String == "lojacaio")
            #expect(ticket["requester"] as? [String: String] == ["email": "caio@example.com", "name": "Caio Alves Pereira"])
            let answers = try desk.answers(ofTicket: 1)
            #expect(answers.keys.sorted() == ["account_name", "country", "currency", "purpose"])
            #expect(answers["purpose"] as? [String: String] == ["choice": "new_brand"])
            #expect(answers["currency"] as? [String: String] == ["choice": "clp"])
            #expect(desk.subjects(to: "caio@example.com").filter { $0.contains("Ticket") }
                    == ["[Support] Ticket #1 created: New Additional Account"])
        }

        @Test("an invalid e-mail answer re-asked; Cancel without sending discards the answers and the draft, exit 1")
        func discardedAtReview() async throws {
            let desk = try RunDesk()
            try desk.addUser("caio@example.com", name: "Caio Alves", accounts: ["lojacaio"], permissions: [])
            let letter = try desk.file("letter.pdf", contents: "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n")
            let tmux = try desk.terminal(["run", "commercial-support"])
            defer { tmux.close() }
            try await tmux.signInWithEmailCode("caio@example.com", desk: desk)
            try await tmux.accept("Name")
            try await tmux.accept("Account")
            try await tmux.choose("What do you need?", "Master Admin")
            try await tmux.answer("Current master admin e-mail", text: "old@lojacaio.com")
            try await tmux.answer("New master admin e-mail") {
                try tmux.type("new-admin", enter: true)
                try await tmux.waitFor("✗ 'new-admin' is not an e-mail address")
                try tmux.press("C-u")
                try tmux.type("new@lojacaio.com", enter: true)
            }
            try await tmux.answer("Why is the change needed?") { try tmux.press("C-d") }
            try await tmux.answer("Signed authorization letter", text: letter)
            let review = try await tmux.waitFor("? What next?")
            #expect(review.contains("Why is the change needed?: —\n"))
            #expect(review.contains("Signed authorization letter: letter.pdf ("))
            try await tmux.choose("What next?", "Cancel")
            try await tmux.answer("Discard your answers? Nothing will be sent.") { try tmux.type("y") }
            #expect(try await tmux.waitForExit() == 1)
            #expect(tmux.screen().contains("formrunner: discarded at the review; nothing was sent\n"))
            #expect(try desk.ticket(1) == nil)

            let again = try desk.terminal(["run", "commercial-support", "--resume"])
            defer { again.close() }
            try await again.signInWithEmailCode("caio@example.com", desk: desk)
            try await again.waitFor("There is no draft of this flow to resume; starting afresh.")
            try await again.waitFor("? Name  default: Caio Alves")
            try again.press("C-c")
            #expect(try await again.waitForExit() == 130)
        }
    }
}
