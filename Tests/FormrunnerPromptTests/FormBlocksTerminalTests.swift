import FormrunnerCore
import FormrunnerPrompt
import Foundation
import Testing

extension PromptSuites {
    /// A section, a note, a box that must be ticked and an option that must be chosen, through a
    /// real pseudo-terminal in raw mode.
    @Suite("Notes and sections in the terminal")
    struct FormBlocksTerminalTests {
        private static let enter = "\r"

        @Test("a section is a heading, a note is text without Markdown marks, and must_be and required options ask again")
        func sectionAndNote() throws {
            var form = FormBlocksAskerTests.form
            form.fields = Array(form.fields.prefix(3))   // the first section: a note, a multichoice, a must_be box
            form.rules = []
            let terminal = PseudoTerminal(columns: 120, rows: 40)
            defer { terminal.close() }
            let asked = form
            let outcome = terminal.run { prompter throws(PromptInterruption) in
                var answers: [String: AnswerValue] = [:]
                var files: [String: String] = [:]
                try FormAsker(prompter: prompter).ask(asked, answers: &answers, files: &files)
                return answers
            }
            #expect(terminal.waitFor("Before you start"))
            #expect(terminal.waitFor("Incidents are answered within one working day."))
            #expect(terminal.waitFor("❯ ◯ I searched the existing tickets"))
            #expect(!terminal.text.contains("**"))
            terminal.send(Self.enter)
            #expect(terminal.waitFor("must include 'I searched the existing tickets'"))
            terminal.send(" ")
            #expect(terminal.waitFor("❯ ◉ I searched the existing tickets"))
            terminal.send(Self.enter)
            #expect(terminal.waitFor("I agree to the terms of service"))
            terminal.send("n")
            #expect(terminal.waitFor("'I agree to the terms of service' must be accepted"))
            terminal.send("y")
            #expect(try #require(outcome.wait()) == .success(["checks": .choices(["searched"]), "agree": .boolean(true)]))
        }
    }
}
