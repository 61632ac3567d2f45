@testable import FormrunnerPrompt
import Testing

extension PromptSuites {
    @Suite("Line and multiline editors")
    struct EditorTests {
        @Test("the line editor inserts at the cursor, erases and ignores control characters")
        func lineEditor() {
            var editor = LineEditor("helo")
            editor.apply(.left)
            editor.apply(.character("l"))
            #expect(editor.text == "hello")
            #expect(editor.cursor == 4)
            editor.apply(.end)
            editor.apply(.character(" "))
            for character in "world" { editor.apply(.character(character)) }
            editor.apply(.eraseWord)
            #expect(editor.text == "hello ")
            editor.apply(.home)
            editor.apply(.delete)
            editor.apply(.character("\u{1B}"))
            #expect(editor.text == "ello ")
            editor.apply(.end)
            editor.apply(.eraseLine)
            #expect(editor.text.isEmpty)
        }

        @Test("the multiline editor splits and joins lines and finishes on '.' or Ctrl-D")
        func multilineEditor() {
            var editor = MultilineEditor()
            for character in "onetwo" { _ = editor.apply(.character(character)) }
            for _ in 0..<3 { _ = editor.apply(.left) }
            #expect(editor.apply(.enter) == .editing)
            #expect(editor.lines.map(\.text) == ["one", "two"])
            #expect(editor.row == 1 && editor.column == 0)
            _ = editor.apply(.backspace)
            #expect(editor.lines.map(\.text) == ["onetwo"])
            #expect(editor.column == 3)
            _ = editor.apply(.end)
            _ = editor.apply(.enter)
            _ = editor.apply(.character("."))
            #expect(editor.apply(.enter) == .finished)
            #expect(editor.text == "onetwo")

            var prefilled = MultilineEditor("a\nbcd")
            _ = prefilled.apply(.up)
            #expect(prefilled.row == 0 && prefilled.column == 1)
            #expect(prefilled.apply(.endOfTransmission) == .finished)
            #expect(prefilled.text == "a\nbcd")
        }
    }
}
