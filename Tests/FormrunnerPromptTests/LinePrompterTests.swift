import FormrunnerPrompt
import Testing

extension PromptSuites {
    @Suite("Line prompter")
    struct LinePrompterTests {
        private let colours = [PromptOption(id: "red", label: "Red"), PromptOption(id: "green", label: "Green", help: "Like grass"),
                               PromptOption(id: "blue", label: "Blue")]

        @Test("text is re-asked with the check's reason until it passes")
        func textReasked() {
            let run = ScriptedLines.run("ab\nabcdef\n") { prompter throws(PromptInterruption) in
                try prompter.askText("Name", help: "Your name.", default: nil, masked: false, multiline: false) {
                    $0.count < 3 ? "too short" : nil
                }
            }
            #expect(run.result == .success("abcdef"))
            #expect(run.output.contains("Name\n  Your name.\n> ab\n  error: too short\n> abcdef\n"))
            #expect(run.output.contains("error: too short"))
        }

        @Test("an empty answer takes the default, which is shown")
        func defaultTaken() {
            let run = ScriptedLines.run("\n") { prompter throws(PromptInterruption) in
                try prompter.askText("City", help: nil, default: "Porto", masked: false, multiline: false) { _ in nil }
            }
            #expect(run.result == .success("Porto"))
            #expect(run.output.contains("default: Porto"))
        }

        @Test("a masked default is never shown")
        func maskedDefault() {
            let run = ScriptedLines.run("\n") { prompter throws(PromptInterruption) in
                try prompter.askText("Token", help: nil, default: "s3cr3t", masked: true, multiline: false) { _ in nil }
            }
            #expect(run.result == .success("s3cr3t"))
            #expect(!run.output.contains("s3cr3t"))
            #expect(run.output.contains("default: ••••"))
        }

        @Test("multiline text ends with a line holding a single dot")
        func multiline() {
            let run = ScriptedLines.run("first\nsecond\n.\n") { prompter throws(PromptInterruption) in
                try prompter.askText("Story", help: nil, default: nil, masked: false, multiline: true) { _ in nil }
            }
            #expect(run.result == .success("first\nsecond"))
            #expect(run.output.contains("finish with a line holding a single '.'"))
        }

        @Test("a choice takes a number, an id or a label; a wrong one is re-asked")
        func choice() {
            for (typed, expected) in [("2", "green"), ("blue", "blue"), ("RED", "red"), ("green ", "green")] {
                let run = ScriptedLines.run(typed + "\n") { prompter throws(PromptInterruption) in
                    try prompter.askChoice("Colour", help: nil, options: colours, default: nil)
                }
                #expect(run.result == .success(expected), "typed \(typed)")
            }
            let run = ScriptedLines.run("7\ngren\n\n1\n") { prompter throws(PromptInterruption) in
                try prompter.askChoice("Colour", help: nil, options: colours, default: nil)
            }
            #expect(run.result == .success("red"))
            #expect(run.output.contains("1) Red\n  2) Green\n     Like grass\n  3) Blue"))
            #expect(run.output.contains("error: 7 is not in the list; type a number from 1 to 3"))
            #expect(run.output.contains("error: 'gren' is not an option; did you mean 'green'?"))
            #expect(run.output.contains("error: choose one of the options"))
        }

        @Test("a choice's default is shown by number and taken by an empty answer")
        func choiceDefault() {
            let run = ScriptedLines.run("\n") { prompter throws(PromptInterruption) in
                try prompter.askChoice("Colour", help: nil, options: colours, default: "blue")
            }
            #expect(run.result == .success("blue"))
            #expect(run.output.contains("default: 3"))
        }

        @Test("a multiple choice takes numbers, ids and labels, keeps defaults, and is checked")
        func multiChoice() {
            let run = ScriptedLines.run("3, red\n") { prompter throws(PromptInterruption) in
                try prompter.askMultiChoice("Colours", help: nil, options: colours, defaults: [], check: { _ in nil })
            }
            #expect(run.result == .success(["red", "blue"]))

            let kept = ScriptedLines.run("\n") { prompter throws(PromptInterruption) in
                try prompter.askMultiChoice("Colours", help: nil, options: colours, defaults: ["green"], check: { _ in nil })
            }
            #expect(kept.result == .success(["green"]))

            let checked = ScriptedLines.run("-\n2\n") { prompter throws(PromptInterruption) in
                try prompter.askMultiChoice("Colours", help: nil, options: colours, defaults: ["green"]) {
                    $0.isEmpty ? "choose at least one option" : nil
                }
            }
            #expect(checked.result == .success(["green"]))
            #expect(checked.output.contains("error: choose at least one option"))
        }

        @Test("yes/no answers use the boolean field's words and messages")
        func yesNo() {
            let run = ScriptedLines.run("maybe\n\ny\n") { prompter throws(PromptInterruption) in
                try prompter.askYesNo("Urgent?", help: nil, default: nil, skippable: false)
            }
            #expect(run.result == .success(true))
            #expect(run.output.contains("Urgent? [y/n]"))
            #expect(run.output.contains("error: answer yes or no, got 'maybe'"))
            #expect(run.output.contains("error: answer yes or no\n"))

            let confirm = ScriptedLines.run("\n") { prompter throws(PromptInterruption) in
                try prompter.askConfirm("Send?", default: false)
            }
            #expect(confirm.result == .success(false))
            #expect(confirm.output.contains("Send? [y/N]"))

            let skipped = ScriptedLines.run("-\n") { prompter throws(PromptInterruption) in
                try prompter.askYesNo("Urgent?", help: nil, default: true, skippable: true)
            }
            #expect(skipped.result == .success(nil))
        }

        @Test("the end of the input is an interruption of its own")
        func endOfInput() {
            let text = ScriptedLines.run("") { prompter throws(PromptInterruption) in
                try prompter.askText("Name", help: nil, default: "x", masked: false, multiline: false) { _ in nil }
            }
            #expect(text.result == .failure(.endOfInput))
            let multiline = ScriptedLines.run("one line, never finished\n") { prompter throws(PromptInterruption) in
                try prompter.askText("Story", help: nil, default: nil, masked: false, multiline: true) { _ in nil }
            }
            #expect(multiline.result == .failure(.endOfInput))
            let choice = ScriptedLines.run("9\n") { prompter throws(PromptInterruption) in
                try prompter.askChoice("Colour", help: nil, options: colours, default: nil)
            }
            #expect(choice.result == .failure(.endOfInput))
        }

        @Test("text from definitions and people cannot drive the terminal")
        func terminalSafe() {
            let run = ScriptedLines.run("\n\u{1B}]0;pwned\u{07}\nok\n") { prompter throws(PromptInterruption) in
                prompter.say("Title \u{1B}[31mred", style: .title)
                let options = [PromptOption(id: "a", label: "A\u{1B}[2J")]
                _ = try prompter.askChoice("Pick\u{07}", help: "help\u{1B}[1A", options: options, default: "a")
                return try prompter.askText("Name", help: nil, default: nil, masked: false, multiline: false) {
                    $0 == "ok" ? nil : "not ok: \($0)"
                }
            }
            #expect(run.result == .success("ok"))
            for injected in ["\u{1B}]0;", "\u{07}", "\u{1B}[2J", "\u{1B}[1A", "\u{1B}[31m"] {
                #expect(!run.raw.contains(injected))
            }
            #expect(run.output.contains("not ok: ?]0;pwned?"))
        }
    }
}
