@testable import FormrunnerKnowledge
import Testing

/// The plain text read from bytes is the plain text read Character by Character.
@Suite("Knowledge base: plain text from bytes as from Characters")
struct MarkdownPlainTests {
    static let tricky = [
        "", "\n", "   ", "# ", "#", "####### seven", "#no space", "##  Two  \u{A0}", "1. one\n2. two\n- three\n* four",
        "1234. not a list", "12.no space", "- item\n  continued **bold\n  still** more\ntext", "```\n  code *kept*\n", "```swift\na\n```\n```",
        "**strong** *em* _em_ `code` [link](kb:x) [no link] [a](b", "**unclosed *x* __", "** **", "a**b**c", "*a", "**", "``", "_ _",
        "x_y_z snake_case_word", "[a]( b ) c) [d](e)(f)", "\u{A0}\u{2003}indented\u{202F}\t",
        "Fatura — “aspas” … € 10 → ok", "não, ação, ñandú, ÇÃO", "para\ngraph\n\nnext\n- list\npara after list",
        "- a\n1. b\n2. c\n- d", "  - indented item\n    deeper", "\t# tabbed heading", "`a\nb`",
    ]

    /// Texts `plain(_:)` must refuse (a scalar that can join its neighbour in a Character, a control
    /// character other than tab and line feed, a scalar outside the blocks it reads) and leave to the slow way.
    static let refused = ["e\u{301}cole *x*", "a\r\nb", "flag 🇧🇷", "👩‍💻 **dev**", "tab\u{0B}", "line\u{2028}separator"]

    @Test("the plain text of every desk article, tricky Markdown and 3,000 random texts is the same from bytes")
    func sameAsCharacters() {
        let base = KnowledgeLoader(root: KnowledgeSearchQualityTests.repository).load()
        #expect(!base.articles.isEmpty)
        for article in base.articles {
            let fast = MarkdownPlain.plain(article.body)
            #expect(fast != nil, "\(article.path) is read the slow way")
            #expect(fast == MarkdownText.readPlain(article.body), "\(article.path)")
        }
        for text in Self.tricky {
            #expect(MarkdownPlain.plain(text) == MarkdownText.readPlain(text), "\(text.debugDescription)")
        }
        let pieces = ["*", "**", "_", "`", "```", "[", "]", "(", ")", "](", "#", "# ", "- ", "* ", "1. ", "12. ", "\n", "\n\n",
                      "  ", " ", "\t", "\u{A0}", "a", "word", "é", "ção", "—", ".", ". ", "9"]
        var seed: UInt64 = 17
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<(Int(seed >> 33) % 40) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            #expect(MarkdownPlain.plain(text) == MarkdownText.readPlain(text), "\(text.debugDescription)")
        }
    }

    @Test("a text with a combining mark, a carriage return, a flag, a joiner or another control character is read Character by Character")
    func refusesJoinedScalars() {
        for text in Self.refused {
            #expect(MarkdownPlain.plain(text) == nil, "\(text.debugDescription)")
            #expect(MarkdownText.plain(text) == MarkdownText.readPlain(text))
        }
    }
}
