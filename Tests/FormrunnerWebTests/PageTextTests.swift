@testable import FormrunnerWeb
import Testing

@Suite("The portal's own words")
struct PageTextTests {
    @Test("every text of the portal exists in English, Portuguese and Spanish, with the same placeholders")
    func everyTextInThreeLanguages() {
        for text in PageText.allCases {
            let english = text.text("en")
            #expect(!english.isEmpty, "\(text) has no English text")
            for language in ["pt", "es"] {
                let translated = text.text(language)
                #expect(!translated.isEmpty, "\(text) has no \(language) text")
                for placeholder in ["%1", "%2"] where english.contains(placeholder) {
                    #expect(translated.contains(placeholder), "\(text) in \(language) lacks \(placeholder)")
                }
            }
        }
    }
}
