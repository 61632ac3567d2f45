import Foundation
import FormrunnerCore
import FormrunnerPrompt
import Testing

extension PromptSuites {
    @Suite("Form asker, line by line")
    struct FormAskerTests {
        private let form = Catalogs.everything

        /// Answers every field of `test.everything`, with one wrong answer for most of them.
        private func script(evidence: String, bigFile: String) -> String {
            [
                "abc", "Printer on fire",               // title: too short, then fine
                "Line one", "Line two", ".",            // details
                "not-an-email", "ana@example.com",      // contact
                "42", "3",                              // quantity: out of range, then fine
                "2025-13-01", "2025-06-30",             // due
                "y",                                    // urgent
                "3",                                    // reason: other
                "Toner",                                // other_reason, shown by the reason
                "", "1, 3",                             // channels: at least one
                bigFile, evidence,                      // evidence: too big, then fine
                "abc", "hunter22",                      // token: too short, then fine
                "store-1",                              // store
                "",                                     // notes: skipped
            ].joined(separator: "\n") + "\n"
        }

        private func askAll() -> (answers: [String: AnswerValue], files: [String: String], output: String, evidence: String, temporary: TemporaryFiles) {
            let temporary = TemporaryFiles()
            let evidence = temporary.file("printer.log", size: 100)
            let big = temporary.file("big.txt", size: 2048)
            var answers: [String: AnswerValue] = [:]
            var files: [String: String] = [:]
            let run = ScriptedLines.run(script(evidence: evidence, bigFile: big)) { prompter throws(PromptInterruption) in
                try FormAsker(prompter: prompter).ask(form, answers: &answers, files: &files)
            }
            #expect(run.result.succeeded)
            if ProcessInfo.processInfo.environment["PROMPT_PEEK"] != nil { print(run.output) }
            return (answers, files, run.output, evidence, temporary)
        }

        @Test("every field type is asked, checked and typed")
        func everyFieldType() throws {
            let (answers, files, output, evidence, _) = askAll()
            #expect(output.hasPrefix("Everything\nOne field of every type.\n"))
            #expect(answers["title"] == .text("Printer on fire"))
            #expect(answers["details"] == .text("Line one\nLine two"))
            #expect(answers["contact"] == .text("ana@example.com"))
            #expect(answers["quantity"] == .number(3))
            #expect(answers["due"] == .date(try #require(LocalDate(iso: "2025-06-30"))))
            #expect(answers["urgent"] == .boolean(true))
            #expect(answers["reason"] == .choice("other"))
            #expect(answers["other_reason"] == .text("Toner"))
            #expect(answers["channels"] == .choices(["email", "phone"]))
            #expect(answers["token"] == .text("hunter22"))
            #expect(answers["store"] == .text("store-1"))
            #expect(answers["notes"] == nil)
            guard case .files(let refs)? = answers["evidence"] else {
                Issue.record("no evidence")
                return
            }
            #expect(refs.map(\.name) == ["printer.log"])
            #expect(refs.first?.size == 100)
            #expect(files == [refs[0].sha256: evidence])
        }

        @Test("invalid answers are re-asked with the validator's reason")
        func reasons() {
            let output = askAll().output
            #expect(output.contains("error: must be at least 5 characters, got 3"))
            #expect(output.contains("error: 'not-an-email' is not an e-mail address (name@example.com)"))
            #expect(output.contains("error: must be at most 10, got 42"))
            #expect(output.contains("error: '2025-13-01' is not a date; write YYYY-MM-DD"))
            #expect(output.contains("error: choose at least one option"))
            #expect(output.contains("error: 'big.txt' is 2 KB; the limit is 1 KB"))
            #expect(output.contains("error: must be at least 4 characters, got 3"))
        }

        @Test("help shows the field's help and what the answer must look like; secrets are not echoed")
        func help() {
            let output = askAll().output
            #expect(output.contains("Title\n  A short summary.\n  at least 5 characters\n> "))
            #expect(output.contains("  a number from 1 to 10\n"))
            #expect(output.contains("  a date: YYYY-MM-DD\n"))
            #expect(output.contains("file paths separated by commas; up to 2 file(s) of at most 1 KB each; types: text/plain, .log"))
            #expect(output.contains("Notes\n  optional: press Enter to skip\n"))
            #expect(!output.contains("hunter22"))
        }

        @Test("existing answers are the defaults: empty answers keep them all")
        func defaultsKept() {
            var (answers, files, _, evidence, temporary) = askAll()
            let before = answers
            // The multiline field ends at once with '.', every other field takes its default with Enter.
            let script = "\n.\n" + String(repeating: "\n", count: 11)
            let run = ScriptedLines.run(script) { prompter throws(PromptInterruption) in
                try FormAsker(prompter: prompter).ask(form, answers: &answers, files: &files)
            }
            #expect(run.result.succeeded)
            #expect(answers == before)
            #expect(files.values.sorted() == [evidence])
            #expect(run.output.contains("(default: Printer on fire)"))
            #expect(run.output.contains("(default: ••••)"))
            #expect(run.output.contains("(default: " + evidence + ")"))
            #expect(run.output.contains("default: 3)"))
            #expect(!run.output.contains("hunter22"))
            withExtendedLifetime(temporary) {}
        }

        @Test("an optional answer is cleared with '-', and an unused attachment is forgotten")
        func optionalCleared() {
            var (answers, files, _, _, temporary) = askAll()
            answers["notes"] = .text("remember")
            let run = ScriptedLines.run("-\n-\n") { prompter throws(PromptInterruption) in
                try FormAsker(prompter: prompter).ask(form, answers: &answers, files: &files, only: ["notes", "evidence"])
            }
            #expect(run.result.succeeded)
            #expect(answers["notes"] == nil)
            #expect(answers["evidence"] == nil)
            #expect(files.isEmpty)
            #expect(run.output.contains("Enter keeps the default; type - to clear it"))
            withExtendedLifetime(temporary) {}
        }

        @Test("a hidden field is not asked, and its answer is dropped when an edit hides it")
        func hiddenDropped() {
            var (answers, files, _, _, temporary) = askAll()
            #expect(answers["other_reason"] != nil)
            let run = ScriptedLines.run("billing\n") { prompter throws(PromptInterruption) in
                try FormAsker(prompter: prompter).ask(form, answers: &answers, files: &files, only: ["reason"])
            }
            #expect(run.result.succeeded)
            #expect(answers["reason"] == .choice("billing"))
            #expect(answers["other_reason"] == nil)
            #expect(!run.output.contains("Other reason"))
            #expect(!run.output.contains("Everything"))

            // Choosing "other" again shows the field, which is then asked although not named in `only`.
            let again = ScriptedLines.run("other\nPaper jam\n") { prompter throws(PromptInterruption) in
                try FormAsker(prompter: prompter).ask(form, answers: &answers, files: &files, only: ["reason"])
            }
            #expect(again.result.succeeded)
            #expect(answers["other_reason"] == .text("Paper jam"))
            withExtendedLifetime(temporary) {}
        }

        @Test("review lists every shown answer, secrets masked; edit then send")
        func reviewEditSend() {
            var (answers, files, _, _, temporary) = askAll()
            let asker = { (prompter: LinePrompter) in FormAsker(prompter: prompter) }
            let first = ScriptedLines.run("2\nquantity\n") { prompter throws(PromptInterruption) in
                try asker(prompter).review(form, answers: answers)
            }
            #expect(first.result == .success(.edit("quantity")))
            #expect(first.output.contains("Review: Everything\n"))
            #expect(first.output.contains("Details:\n    Line one\n    Line two\n"))
            #expect(first.output.contains("Quantity: 3\n"))
            #expect(first.output.contains("Urgent?: yes\n"))
            #expect(first.output.contains("Reason: Something else\n"))
            #expect(first.output.contains("Channels: E-mail, Phone\n"))
            #expect(first.output.contains("Evidence: printer.log (100 bytes)\n"))
            #expect(first.output.contains("API token: ••••\n"))
            #expect(first.output.contains("Notes: —\n"))
            #expect(!first.output.contains("hunter22"))

            let edit = ScriptedLines.run("11\n5\n") { prompter throws(PromptInterruption) in
                try asker(prompter).ask(form, answers: &answers, files: &files, only: ["quantity"])
            }
            #expect(edit.result.succeeded)
            #expect(edit.output.contains("error: must be at most 10, got 11"))
            #expect(answers["quantity"] == .number(5))

            let second = ScriptedLines.run("\n") { prompter throws(PromptInterruption) in
                try asker(prompter).review(form, answers: answers)
            }
            #expect(second.result == .success(.send))
            #expect(second.output.contains("Quantity: 5\n"))

            let cancel = ScriptedLines.run("cancel\n") { prompter throws(PromptInterruption) in
                try asker(prompter).review(form, answers: answers)
            }
            #expect(cancel.result == .success(.cancel))
            withExtendedLifetime(temporary) {}
        }

        @Test("the end of the input interrupts, keeping the answers given so far")
        func endOfInput() {
            var answers: [String: AnswerValue] = [:]
            var files: [String: String] = [:]
            let run = ScriptedLines.run("Printer on fire\nOnly line\n.\n") { prompter throws(PromptInterruption) in
                try FormAsker(prompter: prompter).ask(form, answers: &answers, files: &files)
            }
            #expect(run.result.interruption == .endOfInput)
            #expect(answers == ["title": .text("Printer on fire"), "details": .text("Only line")])
        }

        @Test("labels are shown in the asked language, with English as the fallback")
        func language() {
            var answers: [String: AnswerValue] = [:]
            var files: [String: String] = [:]
            let run = ScriptedLines.run("Impressora\n") { prompter throws(PromptInterruption) in
                try FormAsker(prompter: prompter, language: "pt").ask(form, answers: &answers, files: &files)
            }
            #expect(run.output.contains("Título\n"))
            #expect(run.output.contains("Details\n"))
        }
    }
}
