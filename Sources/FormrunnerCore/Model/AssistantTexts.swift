/// The words of an assistant step around its answers from the knowledge base: the catalog's
/// (`suggestions`, `no_match`, `read`, `answered`, `ask_again`, `other_words`, `back`, `closing`,
/// `find_answers` on the step), each defaulting to the desk's own wording in en, pt and es.
public struct AssistantTexts: Hashable, Sendable {
    /// The heading of the articles found ("Articles that may answer your question").
    public var suggestions: LocalizedText
    /// Said when no article matches.
    public var noMatch: LocalizedText
    /// Before an article's title, to open it ("Read").
    public var read: LocalizedText
    /// The choice that ends the run without a ticket.
    public var answered: LocalizedText
    /// The choice to search again.
    public var askAgain: LocalizedText
    /// The question asking for other words.
    public var otherWords: LocalizedText
    /// The way back from an article to the suggestions (web).
    public var back: LocalizedText
    /// The friendly closing message of an answered question.
    public var closing: LocalizedText
    /// The button that searches the articles after the guidance (web).
    public var findAnswers: LocalizedText

    /// The keys in a step, with each text.
    public var all: [(key: String, text: LocalizedText)] {
        [("suggestions", suggestions), ("no_match", noMatch), ("read", read), ("answered", answered),
         ("ask_again", askAgain), ("other_words", otherWords), ("back", back), ("closing", closing),
         ("find_answers", findAnswers)]
    }

    /// The desk's own wording.
    public static let standard = AssistantTexts(
        suggestions: t("Articles that may answer your question", "Artigos que podem responder à sua dúvida",
                       "Artículos que pueden responder a tu duda"),
        noMatch: t("No article matches your words. Try other words, or talk to a person.",
                   "Nenhum artigo corresponde às suas palavras. Tente outras palavras ou fale com uma pessoa.",
                   "Ningún artículo coincide con tus palabras. Prueba con otras palabras o habla con una persona."),
        read: t("Read", "Ler", "Leer"),
        answered: t("My question is answered", "Minha dúvida foi respondida", "Mi duda fue respondida"),
        askAgain: t("Ask again with other words", "Perguntar de novo com outras palavras", "Preguntar de nuevo con otras palabras"),
        otherWords: t("Your question in other words", "Sua dúvida com outras palavras", "Tu duda con otras palabras"),
        back: t("Back to the suggestions", "Voltar às sugestões", "Volver a las sugerencias"),
        closing: t("Glad that helped! No ticket was filed. Come back any time.",
                   "Que bom que ajudou! Nenhum chamado foi aberto. Volte quando precisar.",
                   "¡Qué bueno que ayudó! No se abrió ningún ticket. Vuelve cuando lo necesites."),
        findAnswers: t("Find answers", "Buscar respostas", "Buscar respuestas"))

    private static func t(_ en: String, _ pt: String, _ es: String) -> LocalizedText {
        LocalizedText(translations: ["en": en, "pt": pt, "es": es])
    }
}
