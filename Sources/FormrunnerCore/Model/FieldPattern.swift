/// The `pattern:` of a text field: a regular expression the whole answer must match, with the
/// message shown when it does not (`pattern_message:`).
public struct FieldPattern: Hashable, Sendable {
    /// The expression as written (ICU syntax, matched against the whole answer).
    public var source: String
    public var message: LocalizedText?
    public var location: SourceLocation

    public init(source: String, message: LocalizedText?, location: SourceLocation) {
        self.source = source
        self.message = message
        self.location = location
    }
}
