import Foundation
import FormrunnerCore
import Testing

/// Answers files get the same strict reader as definitions, with messages that speak of answers.
@Suite("Hostile answers files")
struct HostileAnswersFileTests {
    func messages(_ data: Data) -> [String] {
        switch AnswersFile.read(data, path: "answers.yaml") {
        case .success(let answers): return ["read \(answers.count) answer(s)"]
        case .failure(let error): return error.diagnostics.map(\.description)
        }
    }

    @Test("an alias bomb is refused at its first anchor, in answers-file words")
    func aliasBomb() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1..<30 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        #expect(messages(Data(lines.joined(separator: "\n").utf8))
                == ["answers.yaml:1:5: error: anchors and aliases are not allowed in answers files; write each answer out in full"])
    }

    @Test("10,000 levels of nesting, not UTF-8, UTF-16, tags, two documents, nothing at all")
    func otherRefusals() {
        let deep = "title: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        #expect(messages(Data(deep.utf8)) == ["answers.yaml:1:9: error: nesting is too deep (more than 32 levels)"])
        #expect(messages(Data("title: ok\ndescription: Caf".utf8) + Data([0xE9]) + Data("\n".utf8))
                == ["answers.yaml:2:17: error: file is not valid UTF-8 (byte 0xE9 at offset 26); answers files must be saved as UTF-8"])
        #expect(messages(Data([0xFF, 0xFE, 0x74, 0x00])) == ["answers.yaml:1:1: error: file is UTF-16; answers files must be saved as UTF-8"])
        #expect(messages(Data("title: !!binary aGk=\n".utf8))
                == ["answers.yaml:1:8: error: YAML tags such as 'tag:yaml.org,2002:binary' are not allowed in answers files; write the value plainly"])
        #expect(messages(Data("title: a\n---\ntitle: b\n".utf8))
                == ["answers.yaml:2:1: error: an answers file holds one document; remove the '---' that starts another"])
        #expect(messages(Data()) == ["answers.yaml:1:1: error: file is empty; expected answers, a mapping from field id to answer"])
    }

    @Test("a 20,000-character line is shown cut around the caret")
    func longLineExcerpt() throws {
        let deep = "title: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        guard case .failure(let error) = AnswersFile.read(Data(deep.utf8), path: "answers.yaml") else {
            Issue.record("read")
            return
        }
        let lines = DiagnosticRenderer(sources: ["answers.yaml": deep]).render(error.diagnostics).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1] == " 1 | title: " + String(repeating: "[", count: 193) + "…")
        #expect(lines[2] == "   |         ^")
        let far = DiagnosticRenderer(sources: ["a": String(repeating: "x", count: 500)])
            .render(.error("e", at: SourceLocation(file: "a", line: 1, column: 300))).split(separator: "\n")
        #expect(far[1] == " 1 | …" + String(repeating: "x", count: 200) + "…")
        #expect(far[2] == "   | " + String(repeating: " ", count: 81) + "^")
    }

    @Test("a requester address with a Unicode line break, NEL or other space is not an address",
          arguments: ["ana@example.com\u{85}", "ana@exa\u{2028}mple.com", "ana\u{A0}@example.com", "ana@example.com\u{9B}"])
    func oddAddresses(_ address: String) {
        #expect(!AnswerParser.isEmail(address))
        #expect(AnswerParser.isEmail("josé@exemplo.com.br"))
    }
}
