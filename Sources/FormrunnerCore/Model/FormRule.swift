/// A form-level `rules:` entry: a condition the answers must satisfy, the message shown when they
/// do not, and the field the message is shown at.
///
/// A rule whose condition is unknown (it reads a field that is unanswered or hidden) does not
/// apply; only a condition that is false refuses the answers.
public struct FormRule: Hashable, Sendable {
    /// `check:`, and where its text starts.
    public var check: Condition
    public var checkLocation: SourceLocation
    /// `message:`, shown at `field` when the condition is false.
    public var message: LocalizedText
    /// The field the message is attached to: `field:`, else the last field of the form it reads.
    public var field: String
    /// Whether `field:` was written, and where.
    public var fieldLocation: SourceLocation?
    public var location: SourceLocation

    public init(check: Condition, checkLocation: SourceLocation, message: LocalizedText, field: String,
                fieldLocation: SourceLocation?, location: SourceLocation) {
        self.check = check
        self.checkLocation = checkLocation
        self.message = message
        self.field = field
        self.fieldLocation = fieldLocation
        self.location = location
    }
}
