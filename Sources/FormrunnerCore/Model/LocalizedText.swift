/// Text shown to people, in English and optionally in other languages.
///
/// Written in YAML either as plain text or as `{en: …, pt: …, es: …}`. English is required and is
/// the fallback for any language that has no translation.
public struct LocalizedText: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The languages a label may be translated into.
    public static let supportedLanguages = ["en", "pt", "es"]

    /// Translations by language code; always holds `en`.
    public var translations: [String: String]

    /// A label with English text only.
    public init(_ english: String) {
        translations = ["en": english]
    }

    /// A label from a map that holds at least `en`.
    public init(translations: [String: String]) {
        self.translations = translations
    }

    /// The English text.
    public var english: String { translations["en"] ?? translations.values.sorted().first ?? "" }

    /// The text in `language`, falling back to English.
    public func text(in language: String) -> String {
        translations[language] ?? english
    }

    public var description: String { english }

    /// Whether the text is prose that a language needs its own version of: it has letters. A format
    /// example such as `05/2025` or `00.000.000/0000-00` reads the same in every language.
    public var needsTranslation: Bool { english.contains { $0.isLetter } }

    /// The languages among `languages` that have no text of their own (English never lacks one).
    public func missingLanguages(of languages: [String]) -> [String] {
        languages.filter { $0 != "en" && translations[$0] == nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.init(text)
        } else {
            self.init(translations: try container.decode([String: String].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if translations.count == 1 {
            try container.encode(english)
        } else {
            try container.encode(translations)
        }
    }
}
