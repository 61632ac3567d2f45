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

    @Test("the portal's words the desk publishes in pt and es (shared/seed/translations-and-service-levels.md), word for word")
    func publishedWords() {
        #expect(PageText.requestHistory.text("pt") == "Histórico de solicitações")
        #expect(PageText.requestHistory.text("es") == "Historial de solicitudes")
        #expect(PageText.searchByID.text("pt").hasSuffix("ID do chamado"))
        #expect(PageText.searchByID.text("es").hasSuffix("ID del ticket"))
        #expect(PageText.continueButton.text("pt") == "Continuar")
        #expect(PageText.continueButton.text("es") == "Seguir")
        #expect(PageText.send.text("pt") == "Enviar")
        #expect(PageText.send.text("es") == "Enviar")
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
