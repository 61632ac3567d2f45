import FormrunnerCore
import Testing

@Suite("Ticket search words")
struct TicketSearchTests {
    @Test("words are folded and split at everything but letters, marks and digits")
    func words() {
        #expect(TicketSearch.words(in: "São PAULO, café-au-lait; 2024/17 ÉCOLE école") ==
            ["sao", "paulo", "cafe", "au", "lait", "2024", "17", "ecole"])
        #expect(TicketSearch.words(in: "'; DROP TABLE ticket; --") == ["drop", "table", "ticket"])
        #expect(TicketSearch.words(in: "NEAR( \" * ^ - ") == ["near"])
        #expect(TicketSearch.words(in: "ＡＢＣ") == ["abc"])
    }

    @Test("numbers")
    func numbers() {
        #expect(TicketSearch.number(in: " 42 ") == 42)
        #expect(TicketSearch.number(in: "#7") == 7)
        #expect(TicketSearch.number(in: "0") == nil)
        #expect(TicketSearch.number(in: "4 2") == nil)
        #expect(TicketSearch.number(in: "99999999999999999999") == nil)
        #expect(TicketSearch.number(in: "-3") == nil)
    }

    @Test("every query word must begin some word")
    func matching() {
        let words = TicketSearch.words(in: "Printer jam on floor 2")
        #expect(TicketSearch.matches(queryWords: ["print", "floor"], words: words))
        #expect(!TicketSearch.matches(queryWords: ["rint"], words: words))
        #expect(!TicketSearch.matches(queryWords: ["printer", "roof"], words: words))
    }
}
