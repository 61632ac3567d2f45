import Foundation
@testable import FormrunnerPrompt
import Testing

extension PromptSuites {
    @Suite("Frames, keys and paths")
    struct RenderingTests {
        @Test("the renderer goes back to the top of the previous frame, counting wrapped rows")
        func renderer() {
            var renderer = FrameRenderer()
            var frame = Frame(lines: [StyledLine("? Question"), StyledLine(String(repeating: "x", count: 25)), StyledLine("› ab")])
            frame.cursor = (2, 3)
            let first = renderer.draw(frame, columns: 10)
            #expect(first.hasPrefix("\r\u{1B}[J? Question\r\nxxxxxxxxxxxxxxxxxxxxxxxxx\r\n› ab"))
            #expect(first.hasSuffix("\r\u{1B}[3C"))
            // "? Question" takes 1 row, 25 x's take 3, so the cursor is on row 4 of the frame.
            let second = renderer.draw(Frame(lines: [StyledLine("done")]), columns: 10)
            #expect(second.hasPrefix("\r\u{1B}[4A\u{1B}[J"))
            let last = renderer.finish(Frame(lines: [StyledLine("✔ done")]), columns: 10)
            #expect(last == "\r\u{1B}[J✔ done\r\n")
        }

        @Test("styled lines are made safe and flattened")
        func safeLines() {
            let line = StyledLine("a\u{1B}[2Jb\nc")
            #expect(line.text == "a?[2Jb c")
            #expect(line.width == 8)
        }

        @Test("key bytes decode to keys: control bytes, escape sequences and UTF-8")
        func keys() throws {
            let pipe = Pipe()
            pipe.fileHandleForWriting.write(Data("a\u{1B}[A\u{1B}[B\u{1B}OC\u{1B}[3~\r\u{7F}\u{03}\u{04}é❯\u{1B}".utf8))
            try pipe.fileHandleForWriting.close()
            var decoder = KeyDecoder(source: ByteSource(descriptor: pipe.fileHandleForReading.fileDescriptor))
            var keys: [Key] = []
            while let key = decoder.next() { keys.append(key) }
            #expect(keys == [.character("a"), .up, .down, .right, .delete, .enter, .backspace, .interrupt,
                             .endOfTransmission, .character("é"), .character("❯"), .escape])
        }

        @Test("file paths split on commas and newlines, lose quotes and escapes, and expand ~")
        func filePaths() {
            #expect(FilePaths.split("a.log, 'b c.png',\n\"d.pdf\" , my\\ file.txt,, ") == ["a.log", "b c.png", "d.pdf", "my file.txt"])
            #expect(FilePaths.split("~/x.log") == [NSHomeDirectory() + "/x.log"])
        }

        @Test("plain lines are used when asked, off a terminal, or on a dumb one")
        func factory() {
            #expect(PrompterFactory.usesPlainLines(plain: true, onTerminal: true, term: "xterm"))
            #expect(PrompterFactory.usesPlainLines(plain: false, onTerminal: false, term: "xterm"))
            #expect(PrompterFactory.usesPlainLines(plain: false, onTerminal: true, term: "dumb"))
            #expect(!PrompterFactory.usesPlainLines(plain: false, onTerminal: true, term: "xterm-256color"))
        }
    }
}
