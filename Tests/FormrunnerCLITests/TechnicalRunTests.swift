import Foundation
import Testing

extension RunEndToEndTests {
    /// The technical flow in a terminal: sign-in, the permission gate, Copilot, the one-time code,
    /// the intake form, the review and the ticket.
    @Suite("technical-support in a terminal")
    struct TechnicalRunTests {
        static let permissionMessage = "You must enable support permission in License Manager for the user to access VTEX "
            + "Support. This setting is only valid for accounts in Brazil."

        /// The Copilot step up to "Talk to a person", with `objective` as the first guidance text.
        static func talkToAPerson(_ tmux: TmuxSession, objective: String = "Buyers cannot finish the checkout.\nIt started today.")
            async throws {
            try await tmux.choose("Language", "English")
            try await tmux.choose("Scenario", "unexpected")
            try await tmux.write("Explain the objective", objective)
            try await tmux.write("Detail the problem", "Error 500 at the payment step.")
            try await tmux.write("List the resources already used", "Cleared the cache.")
            try await tmux.choose("What next?", "person")
        }

        /// The intake form's questions after the description, the evidence attached from `evidence`.
        static func answerTheRestOfTheIntake(_ tmux: TmuxSession, evidence: String?) async throws {
            try await tmux.choose("Experience level with the platform", "advanced")
            try await tmux.accept("Agency")
            try await tmux.choose("Users affected by the problem", "Buyers")
            try await tmux.choose("Problem impact", "critical")
            try await tmux.choose("Environment where the problem is occurring", "Production")
            try await tmux.choose("Problem type", "store is experiencing")
            if let evidence {
                try await tmux.answer("Evidence", text: evidence)
            } else {
                try await tmux.accept("Evidence")
            }
        }

        @Test("invalid e-mail and wrong codes re-asked, Copilot, the form, a changed answer at the review, then the ticket")
        func fullRun() async throws {
            let desk = try RunDesk()
            try desk.addUser("ana@example.com", name: "Ana Souza", accounts: ["lojaana", "lojabeta"])
            let log = try desk.file("checkout.log", contents: "GET /checkout 500\n")
            let tmux = try desk.terminal(["run", "technical-support"])
            defer { tmux.close() }

            try await tmux.choose("How do you want to sign in?", "code")
            // An e-mail without a domain is refused with its reason, and the same question stays.
            try await tmux.answer("E-mail") {
                try tmux.type("ana@example", enter: true)
                _ = try await tmux.waitFor("✗ 'ana@example' is not an e-mail address")
                try tmux.type(".com", enter: true)
            }
            try await tmux.waitFor("✔ E-mail · ana@example.com")
            let code = try await desk.nextCode(screen: { tmux.screen() })
            try await tmux.answer("Code sent to ana@example.com", text: Self.wrong(code))
            try await tmux.waitFor("the code is not right; 4 attempts left")
            try await tmux.answer("Code sent to ana@example.com", text: code)
            try await tmux.waitFor("Signed in as Ana Souza <ana@example.com>.")

            try await Self.talkToAPerson(tmux)
            let otpLabel = "Enter the OTP (One-Time Password) code sent to your email."
            try await tmux.waitFor("We sent a code to ana@example.com.")
            let otp = try await desk.nextCode(screen: { tmux.screen() })
            try await tmux.answer(otpLabel, text: Self.wrong(otp))
            try await tmux.waitFor("the code is not right; 4 attempts left", count: 2)
            try await tmux.answer(otpLabel, text: otp)

            try await tmux.answer("Title", text: "Checkout fails")
            // The description starts with the guidance given to Copilot; Ctrl-D keeps it.
            try await tmux.waitFor("│ Explain the objective:")
            try await tmux.answer("Description") { try tmux.press("C-d") }
            try await Self.answerTheRestOfTheIntake(tmux, evidence: log)

            let review = try await tmux.waitFor("? What next?")
            #expect(review.contains("Review: Technical support"))
            #expect(review.contains("Title: Checkout fails\n"))
            #expect(review.contains("Agency: —"))
            #expect(review.contains("Evidence: checkout.log (18 bytes)"))
            try await tmux.choose("What next?", "Change an answer")
            try await tmux.choose("Which answer?", "Title")
            try await tmux.waitFor("? Title  default: Checkout fails")
            try await tmux.replace("Title", with: "Checkout fails with error 500")
            try await tmux.waitFor("Title: Checkout fails with error 500")
            try await tmux.choose("What next?", "Create ticket")

            try await tmux.waitFor("Ticket 1 created: Checkout fails with error 500 [Open]. A confirmation was sent to ana@example.com.")
            #expect(try await tmux.waitForExit() == 0)
            let ticket = try #require(try desk.ticket(1))
            #expect(ticket["workflow"] as? String == "technical-support")
            #expect(ticket["requester"] as? [String: String] == ["email": "ana@example.com", "name": "Ana Souza"])
            let answers = try desk.answers(ofTicket: 1)
            #expect(answers["title"] as? [String: String] == ["text": "Checkout fails with error 500"])
            #expect(answers["description"] as? [String: String] == ["text": """
                Explain the objective:
                Buyers cannot finish the checkout.
                It started today.

                Detail the problem:
                Error 500 at the payment step.

                List the resources already used:
                Cleared the cache.
                """])
            #expect(answers["experience_level"] as? [String: String] == ["choice": "advanced"])
            #expect(answers["problem_type"] as? [String: String] == ["choice": "unexpected_behavior"])
            #expect(answers["agency"] == nil)
            let files = (answers["evidence"] as? [String: Any])?["files"] as? [[String: Any]]
            #expect(files?.map { $0["name"] as? String } == ["checkout.log"])
            #expect(desk.subjects(to: "ana@example.com").filter { $0.contains("Ticket") }
                    == ["[Support] Ticket #1 created: Checkout fails with error 500"])
        }

        @Test("Ctrl-C saves a draft and exits 130; --resume signs in again and files the answers given before")
        func interruptedThenResumed() async throws {
            let desk = try RunDesk()
            try desk.addUser("ana@example.com", name: "Ana Souza")
            let first = try desk.terminal(["run", "technical-support"])
            defer { first.close() }
            try await first.signInWithEmailCode("ana@example.com", desk: desk)
            try await Self.talkToAPerson(first, objective: "Refunds are not sent to the buyers.")
            try await first.answer("Enter the OTP (One-Time Password) code sent to your email.",
                                   text: try await desk.nextCode(screen: { first.screen() }))
            try await first.answer("Title", text: "Refunds never arrive")
            try await first.waitFor("│ Refunds are not sent to the buyers.")
            try await first.answer("Description") { try first.press("C-d") }
            try await first.waitFor("? Experience level with the platform")
            try first.press("C-c")
            try await first.waitFor("✗ Experience level with the platform · cancelled")
            #expect(try await first.waitForExit() == 130)
            #expect(first.screen().contains(
                "formrunner: interrupted; your answers are saved as a draft: `formrunner run technical-support --resume` continues them"))
            #expect(try desk.ticket(1) == nil)

            let second = try desk.terminal(["run", "technical-support", "--resume"])
            defer { second.close() }
            try await second.signInWithEmailCode("ana@example.com", desk: desk)
            try await second.waitFor("Continuing the draft saved ")
            // Copilot, the one-time code, the title and the description are done: the run goes on
            // at the first question left unanswered.
            try await second.waitFor("? Experience level with the platform")
            #expect(!second.screen().contains("? Language"))
            #expect(!second.screen().contains("? Title"))
            try await Self.answerTheRestOfTheIntake(second, evidence: nil)
            let review = try await second.waitFor("? What next?")
            #expect(review.contains("Title: Refunds never arrive\n"))
            try await second.choose("What next?", "Create ticket")
            try await second.waitFor("Ticket 1 created: Refunds never arrive [Open].")
            #expect(try await second.waitForExit() == 0)
            #expect(!second.screen().contains("? Language"))
            // Two sign-in codes and the first run's one-time code; no new one for the resumed run.
            #expect(desk.subjects(to: "ana@example.com").filter { $0.contains("one-time password") }.count == 3)

            let answers = try desk.answers(ofTicket: 1)
            #expect(answers["title"] as? [String: String] == ["text": "Refunds never arrive"])
            #expect((answers["description"] as? [String: String])?["text"]?.contains("Refunds are not sent to the buyers.") == true)
            #expect(desk.subjects(to: "ana@example.com").contains("[Support] Ticket #1 created: Refunds never arrive"))
        }

        /// Users the technical flow refuses, and why.
        static let refusedUsers: [(email: String, permissions: [String], country: String, reason: String)] = [
            ("leo@example.com", [], "BR", "leo@example.com lacks the permission support"),
            ("rui@example.com", ["support"], "AR", "rui@example.com is registered in AR, and this flow is for BR only"),
        ]

        @Test("the support permission and the Brazil-only rule refuse with the seed's message, exit 1", arguments: refusedUsers)
        func refused(email: String, permissions: [String], country: String, reason: String) async throws {
            let desk = try RunDesk()
            try desk.addUser(email, name: "Someone Else", country: country, permissions: permissions)
            let tmux = try desk.terminal(["run", "technical-support"])
            defer { tmux.close() }
            try await tmux.signInWithEmailCode(email, desk: desk)
            #expect(try await tmux.waitForExit() == 1)
            #expect(tmux.screen().contains("formrunner: \(Self.permissionMessage) (\(reason))\n"))
            #expect(!tmux.screen().contains("? Language"))
            #expect(try desk.ticket(1) == nil)
        }

        /// A code of the same length that is not `code`.
        static func wrong(_ code: String) -> String {
            String(code.map { $0 == "1" ? "2" : "1" })
        }
    }
}
