import FormrunnerCore
@testable import FormrunnerWeb
import Testing

@Suite("The portal's own words")
struct PageTextTests {
    @Test("every text of the portal exists in English, Portuguese and Spanish, with the same placeholders")
    func everyTextInThreeLanguages() {
        expectThreeLanguages(PageText.allCases)
    }

    @Test("every text of the agents' pages exists in English, Portuguese and Spanish, with the same placeholders")
    func everyDeskTextInThreeLanguages() {
        expectThreeLanguages(DeskText.allCases)
    }

    @Test("an SLA due instant in the agents' words of each language")
    func dueWords() {
        #expect(DeskText.due(.dueIn(2 * 3600 + 600), "en") == "in 2 h 10 min")
        #expect(DeskText.due(.dueIn(2 * 3600 + 600), "pt") == "em 2 h 10 min")
        #expect(DeskText.due(.breached(35 * 60), "pt") == "estourado há 35 min")
        #expect(DeskText.due(.breached(35 * 60), "es") == "incumplido hace 35 min")
        #expect(DeskText.due(.paused, "es") == "en pausa")
        #expect(DeskText.due(.answered, "pt") == "respondido")
        #expect(DeskText.due(.none, "pt") == "—")
    }

    private func expectThreeLanguages<Text: Phrasebook>(_ texts: [Text]) {
        for text in texts {
            let english = text.text("en")
            #expect(!english.isEmpty, "\(text) has no English text")
            for language in ["pt", "es"] {
                let translated = text.text(language)
                #expect(!translated.isEmpty, "\(text) has no \(language) text")
                for placeholder in ["%1", "%2", "%3", "%4"] where english.contains(placeholder) {
                    #expect(translated.contains(placeholder), "\(text) in \(language) lacks \(placeholder)")
                }
            }
        }
    }
}
