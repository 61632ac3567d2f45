/// A form: the questions of one request type.
public struct FormDefinition: Hashable, Sendable {
    public var id: String
    public var version: Int
    public var title: LocalizedText
    public var team: String
    public var description: LocalizedText?
    /// The life cycle its tickets follow, if the form names one (flows may name it instead).
    public var lifecycleID: String?
    /// The fields as written, with `group:` references.
    public var items: [FieldItem]
    /// The fields with groups expanded and shared option lists resolved (filled by the linker).
    public var fields: [FieldDefinition]
    /// `sections:`, when the form is written in sections (their fields are in `items`).
    public var sections: [SectionDefinition] = []
    /// `rules:`: conditions across fields that the answers must satisfy.
    public var rules: [FormRule] = []
    /// The file the form was read from.
    public var file: String
    public var location: SourceLocation
    /// Where `team:` is written, for located errors about the team.
    public var teamLocation: SourceLocation? = nil

    /// The field with this id.
    public func field(_ id: String) -> FieldDefinition? {
        fields.first { $0.id == id }
    }

    /// The fields that are questions (notes left out).
    public var questions: [FieldDefinition] { fields.filter(\.type.isQuestion) }
}
