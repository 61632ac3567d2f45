@testable import FormrunnerCore
import Testing

/// The ASCII shortcut of `TicketSearch.allWords` finds exactly the words Foundation's folding finds.
@Suite("Ticket search words of ASCII text")
struct TicketSearchASCIITests {
    static let texts = [
        "",
        (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }.joined(),
        "Printer JAM on floor 2, room 2B; error_code=E42 (again!) -- 'quoted' \"double\" a/b c\\d ^caret `tick` ~tilde",
        "MiXeD CaSe\r\nnext line\ttab  1.5 3,000 x86_64 ab-cd",
        "   ",
    ]

    @Test("the same words as Foundation's folding", arguments: texts)
    func sameWords(text: String) throws {
        let ascii = try #require(TicketSearch.asciiWords(in: text))
        #expect(ascii == TicketSearch.foldedWords(in: text))
    }

    @Test("text that is not all ASCII goes through Foundation")
    func otherText() {
        #expect(TicketSearch.asciiWords(in: "São Paulo") == nil)
        #expect(TicketSearch.allWords(in: "São PAULO café") == ["sao", "paulo", "cafe"])
        #expect(TicketSearch.allWords(in: "ＡＢＣ def") == ["abc", "def"])
    }
}
