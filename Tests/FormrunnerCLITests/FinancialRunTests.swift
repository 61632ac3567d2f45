import Foundation
import FormrunnerAuth
import Testing

extension RunEndToEndTests {
    /// The financial flow in a terminal: a password with an authenticator app, identification,
    /// the subject among 13, a form with a `when:` condition, the review and Send.
    @Suite("financial-support in a terminal")
    struct FinancialRunTests {
        @Test("password and a wrong then right authenticator code; a hidden field is never asked nor stored")
        func passwordAndHiddenField() async throws {
            let desk = try RunDesk()
            let added = try desk.addUser("bia@example.com", name: "Bia Lima", accounts: ["lojabia", "lojabeta"], permissions: [],
                                         options: ["--password-stdin", "--totp"], input: "correct horse battery\n")
            let secret = try #require(Self.secret(in: added))
            let tmux = try desk.terminal(["run", "financial-support"])
            defer { tmux.close() }

            try await tmux.choose("How do you want to sign in?", "password")
            try await tmux.answer("E-mail", text: "bia@example.com")
            try await tmux.answer("Password", text: "correct horse battery")
            try await tmux.waitFor("✔ Password · ••••")
            #expect(!tmux.screen().contains("correct horse battery"))
            try await tmux.answer("Code from your authenticator app", text: Self.wrongCode(secret: secret))
            try await tmux.waitFor("the authenticator code is not right")
            try await tmux.answer("Code from your authenticator app", text: TOTP().code(secret: secret, at: Date()))
            try await tmux.waitFor("Signed in as Bia Lima <bia@example.com>.")

            // Name starts with the user's; Account offers only the stores the user may act for.
            try await tmux.waitFor("? Name  default: Bia Lima")
            try await tmux.accept("Name")
            try await tmux.waitForLines(under: "? Account", [
                "  Select the option corresponding to the store you're requesting support for.", "❯ lojabia", "  lojabeta",
            ])
            try await tmux.choose("Account", "lojabeta")

            // 13 subjects; typing narrows them, word by word.
            let subjects = try await tmux.waitUntil("13 subjects") {
                TmuxSession.lines(under: "? Request subject", on: $0).count == 13
            }
            #expect(TmuxSession.lines(under: "? Request subject", on: subjects).first == "❯ Admin blocked")
            try await tmux.answer("Request subject") {
                try tmux.type("invoice")
                try await tmux.waitForLines(under: "? Request subject", [
                    "  filter: invoice",
                    "❯ Problems receiving or reconciling a boleto and/or invoice",
                    "  Change the intended recipients for invoices",
                    "  Change monthly invoice expiration date",
                ])
                try tmux.type(" recip", enter: true)
            }
            try await tmux.waitFor("✔ Request subject · Change the intended recipients for invoices")

            try await tmux.write("What happened?", "Our finance team changed last week.")
            try await tmux.write("New invoice recipients", "finance@lojabeta.com.br\nceo@lojabeta.com.br")
            try await tmux.answer("Keep the current recipients?") { try tmux.type("y") }
            let review = try await tmux.waitFor("? What next?")
            // Keeping the current recipients hides "Recipients to remove": never asked, not reviewed.
            #expect(!review.contains("Recipients to remove"))
            #expect(review.contains("""
                Subject: Change the intended recipients for invoices
                Review: Change the intended recipients for invoices
                Name: Bia Lima
                Account: lojabeta
                What happened?: Our finance team changed last week.
                New invoice recipients:
                    finance@lojabeta.com.br
                    ceo@lojabeta.com.br
                Keep the current recipients?: yes

                """))

            // Not keeping them shows the field; keeping them again hides it, and its answer goes.
            try await tmux.choose("What next?", "Change an answer")
            try await tmux.choose("Which answer?", "Keep")
            try await tmux.answer("Keep the current recipients?") { try tmux.type("n") }
            try await tmux.write("Recipients to remove", "old@lojabeta.com.br")
            try await tmux.waitFor("Recipients to remove: old@lojabeta.com.br")
            try await tmux.choose("What next?", "Change an answer")
            try await tmux.choose("Which answer?", "Keep")
            try await tmux.answer("Keep the current recipients?") { try tmux.type("y") }
            let lastReview = try await tmux.waitFor("? What next?").components(separatedBy: "Review: ").last ?? ""
            #expect(lastReview.contains("Keep the current recipients?: yes"))
            #expect(!lastReview.contains("Recipients to remove"))
            try await tmux.choose("What next?", "Send")

            try await tmux.waitFor("Ticket 1 created: Change the intended recipients for invoices [Open]. "
                                   + "A confirmation was sent to bia@example.com.")
            #expect(try await tmux.waitForExit() == 0)
            let ticket = try #require(try desk.ticket(1))
            #expect(ticket["form"] as? String == "financial.change-the-intended-recipients-for-invoices")
            #expect(ticket["account"] as? String == "lojabeta")
            #expect(ticket["requester"] as? [String: String] == ["email": "bia@example.com", "name": "Bia Lima"])
            let answers = try desk.answers(ofTicket: 1)
            #expect(answers.keys.sorted() == ["keep_current_recipients", "new_recipients", "what_happened"])
            #expect(answers["keep_current_recipients"] as? [String: Bool] == ["boolean": true])
            #expect(answers["new_recipients"] as? [String: String] == ["text": "finance@lojabeta.com.br\nceo@lojabeta.com.br"])
            #expect(desk.subjects(to: "bia@example.com")
                    == ["[Support] Ticket #1 created: Change the intended recipients for invoices"])
        }

        @Test("password and a code by SMS (through the notifier); Ctrl-C at the identification keeps a draft")
        func passwordAndSMS() async throws {
            let desk = try RunDesk()
            try desk.addUser("dan@example.com", name: "Dan Rocha", permissions: [],
                             options: ["--password-stdin", "--totp", "--phone", "+5511999990042"], input: "correct horse battery\n")
            let tmux = try desk.terminal(["run", "financial-support"])
            defer { tmux.close() }
            try await tmux.choose("How do you want to sign in?", "password")
            try await tmux.answer("E-mail", text: "dan@example.com")
            try await tmux.answer("Password", text: "correct horse battery")
            try await tmux.waitForLines(under: "? Second step", ["❯ A code from my authenticator app", "  Send me a code by SMS"])
            try await tmux.choose("Second step", "SMS")
            try await tmux.waitFor("A code is on its way to your phone ending in 42.")
            let code = try await desk.nextCode(screen: { tmux.screen() })
            #expect(desk.mail().last?.to == "+5511999990042")
            try await tmux.answer("Code sent by SMS", text: code)
            try await tmux.waitFor("Signed in as Dan Rocha <dan@example.com>.")
            try await tmux.waitFor("? Name  default: Dan Rocha")
            try tmux.press("C-c")
            #expect(try await tmux.waitForExit() == 130)
            #expect(tmux.screen().contains(
                "formrunner: interrupted; your answers are saved as a draft: `formrunner run financial-support --resume` continues them"))
        }

        /// The secret `users add --totp` printed, decoded.
        static func secret(in output: String) -> [UInt8]? {
            let prefix = "Authenticator app secret (shown once): "
            guard let line = output.components(separatedBy: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
            return Base32.decode(String(line.dropFirst(prefix.count)))
        }

        /// A six-digit code the authenticator would not show now, nor just before or after.
        static func wrongCode(secret: [UInt8]) -> String {
            let now = Date()
            let valid = Set((-2...2).map { TOTP().code(secret: secret, at: now.addingTimeInterval(Double($0) * 30)) })
            return ["000000", "111111", "222222"].first { !valid.contains($0) } ?? "333333"
        }
    }
}
