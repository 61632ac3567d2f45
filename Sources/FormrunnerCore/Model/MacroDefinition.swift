/// A canned reply agents send or note with `--macro ID` (`Workflows/macros.yaml`): a label and a
/// body per language, each body a Mustache template rendered with the ticket's values.
public struct MacroDefinition: Hashable, Sendable {
    /// One language's body as written: its text and where that text starts in its file.
    public struct Body: Hashable, Sendable {
        public var language: String
        public var text: String
        /// Where the text starts: the scalar's first character, or for a block scalar (`|`, `>`)
        /// its indicator (the text starts on the next line).
        public var location: SourceLocation
        /// Whether the text is a block scalar (`|` or `>`), whose text starts on the line after ``location``.
        public var isBlock: Bool

        public init(language: String, text: String, location: SourceLocation, isBlock: Bool) {
            self.language = language
            self.text = text
            self.location = location
            self.isBlock = isBlock
        }
    }

    public var id: String
    public var label: LocalizedText
    /// The bodies by language; `en` is always there and is the fallback.
    public var bodies: [Body]
    public var location: SourceLocation

    public init(id: String, label: LocalizedText, bodies: [Body], location: SourceLocation) {
        self.id = id
        self.label = label
        self.bodies = bodies
        self.location = location
    }

    /// The body as a localized text (for translation checks).
    public var body: LocalizedText {
        LocalizedText(translations: Dictionary(bodies.map { ($0.language, $0.text) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The body in `language`, falling back to English.
    public func body(in language: String) -> Body? {
        bodies.first { $0.language == language } ?? bodies.first { $0.language == "en" }
    }
}
