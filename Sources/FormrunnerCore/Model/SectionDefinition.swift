/// A `sections:` entry of a form: a titled part with its own help and `when:`, holding fields.
/// Its fields are shown only while its condition holds (and their own).
public struct SectionDefinition: Hashable, Sendable {
    /// The heading (a legend on the web).
    public var title: LocalizedText
    /// Shown under the heading.
    public var help: LocalizedText?
    /// `when:`: the section's fields are shown only while it holds; where its text starts.
    public var condition: Condition?
    public var conditionLocation: SourceLocation?
    /// Its entries among the form's `items` (fields and group references, before expansion).
    public var items: Range<Int> = 0..<0
    /// The ids of its fields, in order (groups expanded; filled by the linker).
    public var fieldIDs: [String] = []
    public var location: SourceLocation

    public init(title: LocalizedText, help: LocalizedText?, location: SourceLocation) {
        self.title = title
        self.help = help
        self.location = location
    }
}
