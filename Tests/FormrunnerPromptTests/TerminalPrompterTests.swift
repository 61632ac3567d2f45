import FormrunnerCore
import FormrunnerPrompt
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension PromptSuites {
    /// The raw-mode prompter driven through a real pseudo-terminal: keys are typed on the master
    /// side, and the drawing is read back from it.
    @Suite("Terminal prompter")
    struct TerminalPrompterTests {
        private static let down = "\u{1B}[B"
        private static let up = "\u{1B}[A"
        private static let enter = "\r"
        private static let controlC = "\u{03}"
        private static let controlD = "\u{04}"
        private static let backspace = "\u{7F}"

        private let colours = [PromptOption(id: "red", label: "Red"), PromptOption(id: "green", label: "Green", help: "Like grass"),
                               PromptOption(id: "blue", label: "Blue")]

        @Test("arrow keys move through a choice and Enter chooses")
        func arrowChoice() throws {
            let terminal = PseudoTerminal()
            defer { terminal.close() }
            let options = colours
            let outcome = terminal.run { prompter throws(PromptInterruption) in
                try prompter.askChoice("Colour", help: "Pick one.", options: options, default: nil)
            }
            #expect(terminal.waitFor("❯ Red"))
            #expect(terminal.text.contains("Pick one."))
            terminal.send(Self.down)
            #expect(terminal.waitFor("❯ Green"))
            #expect(terminal.raw.lastFrame.contains("Like grass"))
            terminal.send(Self.down + Self.down + Self.up)
            #expect(terminal.waitFor("❯ Blue", count: 2))
            terminal.send(Self.enter)
            #expect(try #require(outcome.wait()) == .success("blue"))
            #expect(terminal.waitFor("✔ Colour · Blue"))
        }

        @Test("typing narrows the 13 financial subjects, Backspace widens them again")
        func typeToFilter() throws {
            let subjects = Catalogs.financialSubjects.map { PromptOption(id: $0.id, label: $0.label.english) }
            #expect(subjects.count == 13)
            let terminal = PseudoTerminal(columns: 120, rows: 40)
            defer { terminal.close() }
            let outcome = terminal.run { prompter throws(PromptInterruption) in
                try prompter.askChoice("Request subject", help: nil, options: subjects, default: nil)
            }
            #expect(terminal.waitFor("❯ Admin blocked"))
            #expect(terminal.raw.lastFrame.contains("VTEX platform SLA"))

            terminal.send("contract")
            #expect(terminal.waitForFrame { $0.contains("filter: contract") && $0.contains("Contract termination") })
            var frame = terminal.raw.lastFrame
            #expect(frame.contains("❯ Contract model migration"))
            #expect(frame.contains("Contractual liability transfer"))
            #expect(frame.contains("Contract termination"))
            #expect(!frame.contains("Admin blocked"))

            terminal.send(" term")
            #expect(terminal.waitForFrame { $0.contains("filter: contract term") && $0.contains("Contract termination") })
            frame = terminal.raw.lastFrame
            #expect(frame.contains("❯ Contract termination"))
            #expect(!frame.contains("Contract model migration"))

            terminal.send("zz")
            #expect(terminal.waitFor("no option matches 'contract termzz'"))
            terminal.send(String(repeating: Self.backspace, count: 7))
            #expect(terminal.waitForFrame { $0.contains("filter: contract") && !$0.contains("filter: contract ") && $0.contains("Contract model migration") })
            frame = terminal.raw.lastFrame
            #expect(frame.contains("Contract model migration"))
            #expect(frame.contains("❯ Contract termination"))

            terminal.send(Self.up + Self.enter)
            #expect(try #require(outcome.wait()) == .success("liability_transfer"))
        }

        @Test("a masked secret never shows what is typed")
        func maskedSecret() throws {
            let terminal = PseudoTerminal()
            defer { terminal.close() }
            let outcome = terminal.run { prompter throws(PromptInterruption) in
                try prompter.askText("API token", help: nil, default: nil, masked: true, multiline: false) {
                    $0.count < 8 ? "must be at least 8 characters, got \($0.count)" : nil
                }
            }
            #expect(terminal.waitFor("API token"))
            terminal.send("hunter2" + Self.enter)
            #expect(terminal.waitFor("must be at least 8 characters, got 7"))
            terminal.send("2" + Self.enter)
            #expect(try #require(outcome.wait()) == .success("hunter22"))
            #expect(terminal.waitFor("✔ API token · ••••"))
            #expect(terminal.text.contains("••••••••"))
            for leak in ["hunter", "unter2", "h\u{1B}"] {
                #expect(!terminal.raw.contains(leak))
            }
        }

        @Test("Ctrl-C cancels and the terminal mode is restored")
        func controlCCancels() throws {
            let terminal = PseudoTerminal()
            defer { terminal.close() }
            let before = terminal.localFlags
            #expect(before & tcflag_t(ICANON) != 0)
            let outcome = terminal.run { prompter throws(PromptInterruption) in
                try prompter.askText("Name", help: nil, default: nil, masked: false, multiline: false) { _ in nil }
            }
            #expect(terminal.waitFor("Name"))
            #expect(terminal.localFlags & tcflag_t(ICANON | ECHO | ISIG) == 0)
            terminal.send("Ana" + Self.controlC)
            #expect(try #require(outcome.wait()) == .failure(.cancelled))
            #expect(terminal.waitFor("✗ Name · cancelled"))
            #expect(terminal.localFlags == before)
        }

        @Test("Ctrl-C in a choice list cancels too, restoring the mode and the cursor")
        func controlCInList() throws {
            let terminal = PseudoTerminal()
            defer { terminal.close() }
            let before = terminal.localFlags
            let options = colours
            let outcome = terminal.run { prompter throws(PromptInterruption) in
                try prompter.askChoice("Colour", help: nil, options: options, default: "green")
            }
            #expect(terminal.waitFor("❯ Green"))
            terminal.send(Self.controlC)
            #expect(try #require(outcome.wait()) == .failure(.cancelled))
            #expect(terminal.localFlags == before)
            #expect(terminal.waitFor("✗ Colour · cancelled"))
            #expect(terminal.waitForFrame { _ in terminal.raw.hasSuffix("\u{1B}[?25h") })
        }

        @Test("Ctrl-D on an empty line ends the input")
        func endOfInput() throws {
            let terminal = PseudoTerminal()
            defer { terminal.close() }
            let outcome = terminal.run { prompter throws(PromptInterruption) in
                try prompter.askText("Name", help: nil, default: nil, masked: false, multiline: false) { _ in nil }
            }
            #expect(terminal.waitFor("Name"))
            terminal.send(Self.controlD)
            #expect(try #require(outcome.wait()) == .failure(.endOfInput))
        }

        @Test("the multiline editor finishes with Ctrl-D or a line holding a single dot")
        func multiline() throws {
            let terminal = PseudoTerminal()
            defer { terminal.close() }
            let outcome = terminal.run { prompter throws(PromptInterruption) in
                let first = try prompter.askText("Story", help: nil, default: nil, masked: false, multiline: true) { _ in nil }
                let second = try prompter.askText("Again", help: nil, default: "kept", masked: false, multiline: true) { _ in nil }
                return [first, second]
            }
            #expect(terminal.waitFor("Ctrl-D or a line holding a single '.'"))
            terminal.send("one" + Self.enter + "two" + Self.enter + "." + Self.enter)
            #expect(terminal.waitFor("✔ Story · one (+1 lines)"))
            #expect(terminal.waitFor("│ kept"))
            terminal.send(" too" + Self.controlD)
            #expect(try #require(outcome.wait()) == .success(["one\ntwo", "kept too"]))
        }

        @Test("Space toggles options of a multiple choice; the check can refuse")
        func multiChoice() throws {
            let terminal = PseudoTerminal()
            defer { terminal.close() }
            let options = colours
            let outcome = terminal.run { prompter throws(PromptInterruption) in
                try prompter.askMultiChoice("Colours", help: nil, options: options, defaults: ["red"]) {
                    $0.count < 2 ? "choose at least 2" : nil
                }
            }
            #expect(terminal.waitFor("❯ ◉ Red"))
            terminal.send(Self.enter)
            #expect(terminal.waitFor("choose at least 2"))
            terminal.send(Self.down + Self.down + " ")
            #expect(terminal.waitFor("❯ ◉ Blue"))
            terminal.send(Self.enter)
            #expect(try #require(outcome.wait()) == .success(["red", "blue"]))
            #expect(terminal.waitFor("✔ Colours · Red, Blue"))
        }

        @Test("yes/no takes single keys and Enter for the default")
        func yesNo() throws {
            let terminal = PseudoTerminal()
            defer { terminal.close() }
            let outcome = terminal.run { prompter throws(PromptInterruption) in
                [try prompter.askConfirm("Send?", default: true),
                 try prompter.askYesNo("Urgent?", help: nil, default: nil, skippable: false) ?? false]
            }
            #expect(terminal.waitFor("Send?  [Y/n]"))
            terminal.send(Self.enter)
            #expect(terminal.waitFor("Urgent?  [y/n]"))
            terminal.send(Self.enter)
            #expect(terminal.waitFor("answer yes or no"))
            terminal.send("n")
            #expect(try #require(outcome.wait()) == .success([true, false]))
        }

        @Test("a whole form through the terminal, with a wrong e-mail re-asked")
        func formInTerminal() throws {
            let terminal = PseudoTerminal()
            defer { terminal.close() }
            let form = Catalogs.form("commercial.master-admin-change")
            let outcome = terminal.run { prompter throws(PromptInterruption) in
                var answers: [String: AnswerValue] = [:]
                var files: [String: String] = [:]
                try FormAsker(prompter: prompter).ask(form, answers: &answers, files: &files, only: [form.fields[0].id])
                return answers
            }
            let field = form.fields[0]
            #expect(field.type == .email)
            #expect(terminal.waitFor(field.label.english))
            terminal.send("nobody" + Self.enter)
            #expect(terminal.waitFor("'nobody' is not an e-mail address"))
            terminal.send(String(repeating: Self.backspace, count: 6) + "ana@example.com" + Self.enter)
            #expect(try #require(outcome.wait()) == .success([field.id: .text("ana@example.com")]))
        }

        @Test("SIGINT from outside while raw cancels like Ctrl-C and restores the mode")
        func signalWhileRaw() throws {
            let terminal = PseudoTerminal()
            defer { terminal.close() }
            let ignored = signal(SIGINT, SIG_IGN)
            defer { signal(SIGINT, ignored) }
            let before = terminal.localFlags
            let options = colours
            let outcome = terminal.run { prompter throws(PromptInterruption) in
                try prompter.askChoice("Colour", help: nil, options: options, default: nil)
            }
            #expect(terminal.waitFor("❯ Red"))
            kill(getpid(), SIGINT)
            #expect(try #require(outcome.wait()) == .failure(.cancelled))
            #expect(terminal.localFlags == before)
        }

        @Test("SIGINT while a line prompter waits cancels")
        func signalWhileReadingLines() throws {
            let ignored = signal(SIGINT, SIG_IGN)
            defer { signal(SIGINT, ignored) }
            let input = Pipe()
            let output = Pipe()
            let outcome = PseudoTerminal.Outcome<String>()
            let reading = input.fileHandleForReading
            let writing = output.fileHandleForWriting
            Thread.detachNewThread {
                let prompter = LinePrompter(input: reading, output: writing)
                do throws(PromptInterruption) {
                    outcome.set(.success(try prompter.askText("Name", help: nil, default: nil, masked: false,
                                                              multiline: false) { _ in nil }))
                } catch {
                    outcome.set(.failure(error))
                }
            }
            // Keep signalling until the prompter, once armed, takes one.
            var result: Result<String, PromptInterruption>?
            for _ in 0..<50 where result == nil {
                kill(getpid(), SIGINT)
                result = outcome.wait(timeout: 0.1)
            }
            #expect(result == .failure(.cancelled))
            try input.fileHandleForWriting.close()
        }
    }
}
