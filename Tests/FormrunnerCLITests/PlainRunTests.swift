import Foundation
import Testing

extension RunEndToEndTests {
    /// The plain line mode: through pipes as a script or screen reader would use it, and on a
    /// terminal with `--plain` or `TERM=dumb`, where `NO_COLOR` decides whether there is colour.
    @Suite("formrunner run line by line")
    struct PlainRunTests {
        @Test("--plain through pipes: the technical flow answered line by line files the ticket, without escape sequences")
        func technicalThroughPipes() async throws {
            let desk = try RunDesk()
            try desk.addUser("ana@example.com", name: "Ana Souza")
            let run = try PipeSession(["run", "technical-support", "--plain"], environment: desk.environment)

            try await run.waitFor("How do you want to sign in?\n  1) Send a code to my e-mail\n  2) E-mail and password\n")
            try run.send("1")
            try await run.waitFor("E-mail\n> ")
            try run.send("ana@example")
            try await run.waitFor("> ana@example\n  error: 'ana@example' is not an e-mail address\n> ")
            try run.send("ana@example.com")
            try run.send(try await desk.nextCode(screen: { run.transcript }))
            try await run.waitFor("Signed in as Ana Souza <ana@example.com>.\n")

            try await run.waitFor("Language\n  1) English\n  2) Português\n  3) Español\n")
            for line in ["English", "doubt", "How do I export the orders of a day?", ".", "The export button is grey.", ".",
                         "Read the documentation.", ".", "Talk to a person"] {
                try run.send(line)
            }
            try await run.waitFor("We sent a code to ana@example.com.\n")
            try run.send(try await desk.nextCode(screen: { run.transcript }))
            try await run.waitFor("Title\n")
            // The description keeps the guidance with a lone '.'; choices take ids, numbers or labels.
            for line in ["Exporting orders", ".", "learning", "", "admin_users", "1", "Production", "question", "", "Create ticket"] {
                try run.send(line)
            }
            try await run.waitFor("Ticket 1 created: Exporting orders [Open]. A confirmation was sent to ana@example.com.\n")
            #expect(try await run.waitForExit() == 0)
            #expect(run.output.contains("Review: Technical support\nTitle: Exporting orders\nDescription:\n"
                                        + "    Explain the objective:\n    How do I export the orders of a day?\n"))
            #expect(!run.output.contains("\u{1B}"))
            #expect(run.errors.isEmpty)

            let answers = try desk.answers(ofTicket: 1)
            #expect(answers["title"] as? [String: String] == ["text": "Exporting orders"])
            #expect(answers["users_affected"] as? [String: String] == ["choice": "admin_users"])
            #expect(answers["problem_impact"] as? [String: String] == ["choice": "auxiliary"])
            #expect(answers["problem_type"] as? [String: String] == ["choice": "question"])
            #expect((answers["description"] as? [String: String])?["text"]?.hasSuffix("Read the documentation.") == true)
            #expect(desk.subjects(to: "ana@example.com").contains("[Support] Ticket #1 created: Exporting orders"))
        }

        @Test("the one-time code e-mail is signed with the desk's name, like the ticket e-mails")
        func codeSignedWithTheDeskName() async throws {
            let desk = try RunDesk()
            try desk.addUser("ana@example.com", name: "Ana Souza")
            let environment = desk.environment.merging(["FORMRUNNER_DESK_ADDRESS": "Acme Help <help@acme.example>"]) { $1 }
            let run = try PipeSession(["run", "technical-support", "--plain"], environment: environment)
            try await run.waitFor("How do you want to sign in?\n")
            try run.send("1")
            try run.send("ana@example.com")
            let code = try await desk.nextCode(screen: { run.transcript })
            #expect(desk.subjects(to: "ana@example.com") == ["[Acme Help] Your one-time password: \(code)"])
            #expect(desk.mail().first?.body.hasSuffix("\nAcme Help\n") == true)
            try run.closeInput()
            #expect(try await run.waitForExit() == 1)
            #expect(run.errors == "formrunner: the input ended; nothing was saved (no one had signed in yet)\n")
        }

        @Test("the end of the input after sign-in saves a draft and exits 1")
        func endOfInput() async throws {
            let desk = try RunDesk()
            try desk.addUser("ana@example.com", name: "Ana Souza")
            let run = try PipeSession(["run", "technical-support"], environment: desk.environment)
            try await run.waitFor("How do you want to sign in?\n")
            try run.send("1")
            try run.send("ana@example.com")
            try run.send(try await desk.nextCode(screen: { run.transcript }))
            try await run.waitFor("Language\n")
            try run.closeInput()
            #expect(try await run.waitForExit() == 1)
            #expect(run.errors == "formrunner: the input ended; your answers are saved as a draft: "
                    + "`formrunner run technical-support --resume` continues them\n")
        }

        /// How a terminal run is asked to go line by line, and whether colour is expected.
        static let terminals: [(environment: [String: String], plain: Bool, coloured: Bool)] = [
            ([:], true, true),
            (["NO_COLOR": "1"], true, false),
            (["TERM": "dumb", "NO_COLOR": "1"], false, false),
        ]

        @Test("on a terminal, --plain and TERM=dumb ask line by line; NO_COLOR leaves no escape sequence; Ctrl-C before sign-in saves nothing",
              arguments: terminals)
        func lineModeOnATerminal(environment: [String: String], plain: Bool, coloured: Bool) async throws {
            let desk = try RunDesk()
            try desk.addUser("ana@example.com", name: "Ana Souza")
            let tmux = try desk.terminal(["run", "technical-support"] + (plain ? ["--plain"] : []), environment: environment)
            defer { tmux.close() }
            try await tmux.waitFor("How do you want to sign in?\n  1) Send a code to my e-mail\n  2) E-mail and password\n")
            #expect(tmux.screen(escapes: true).contains("\u{1B}[") == coloured)
            try tmux.press("C-c")
            #expect(try await tmux.waitForExit() == 130)
            #expect(tmux.screen().contains("formrunner: interrupted; nothing was saved (no one had signed in yet)\n"))
        }
    }
}
