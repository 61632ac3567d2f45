import Foundation
import FormrunnerCore
import Testing

/// `QuickTrim` trims exactly as Foundation does, with or without its shortcut.
@Suite("Quick trimming")
struct QuickTrimTests {
    static let texts = [
        "", " ", "\t\n", "plain", " padded ", "\tTab", "line\n", "a b", "x\u{00A0}", "\u{2003}em\u{2003}", "\u{2028}sep",
        "é", " é ", "!", "~x~", "\u{7F}del", "ctrl\u{1}", "\r\n", "São Paulo", "👩‍💻 ", "e\u{301}", "\u{85}next",
    ]

    @Test("the same as trimmingCharacters", arguments: texts)
    func sameAsFoundation(text: String) {
        #expect(QuickTrim.whitespaces(text) == text.trimmingCharacters(in: .whitespaces))
        #expect(QuickTrim.whitespacesAndNewlines(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(QuickTrim.isBlank(text) == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }
}
