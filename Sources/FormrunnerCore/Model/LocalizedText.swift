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
