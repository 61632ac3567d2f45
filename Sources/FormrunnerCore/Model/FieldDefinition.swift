/// One question of a form, fully resolved: shared options and groups are already expanded.
public struct FieldDefinition: Hashable, Sendable {
    public var id: String
    public var label: LocalizedText
    public var type: FieldType
    public var help: LocalizedText?
    public var placeholder: LocalizedText?
    /// Whether an answer is needed while the field is shown. A hidden field is never required.
    public var required: Bool
    /// Whether `required` was written in the file (rather than taken by default).
    public var requiredWasWritten: Bool
    public var defaultValue: AnswerValue?
    /// The `when:` condition, if any, and where its text starts.
    public var condition: Condition?
    public var conditionLocation: SourceLocation?
    /// Options of a `choice` or `multichoice` field.
    public var options: [OptionDefinition]
    /// The shared option list the options come from, if any.
    public var optionListID: String?
    /// Where the shared option list is named.
    public var optionListLocation: SourceLocation?
    public var minimum: Double?
    public var maximum: Double?
    public var minimumLength: Int?
    public var maximumLength: Int?
    /// The fewest words a text answer must have (`min_words`), e.g. 2 for a first and last name.
    public var minimumWords: Int?
    /// Limits of a `files` field.
    public var fileLimits: FileLimits?
    /// The shared field group this field was included from, if any.
    public var groupID: String?
    /// Where the form includes that group (`- group: identity`).
    public var groupLocation: SourceLocation?
    public var location: SourceLocation

    public init(id: String, label: LocalizedText, type: FieldType, location: SourceLocation) {
        self.id = id
        self.label = label
        self.type = type
        self.required = true
        self.requiredWasWritten = false
        self.options = []
        self.location = location
    }

    /// The option with this id.
    public func option(_ id: String) -> OptionDefinition? {
        options.first { $0.id == id }
    }

    /// Whether the field is asked, given the answers so far.
    public func isShown(given answers: [String: AnswerValue]) -> Bool {
        condition?.evaluate(answers) ?? true
    }
}

/// An entry of a form's `fields` list before groups are expanded.
public enum FieldItem: Hashable, Sendable {
    case field(FieldDefinition)
    case group(id: String, location: SourceLocation)
}

/// A shared `field_group` document.
public struct FieldGroup: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText?
    public var items: [FieldItem]
    public var location: SourceLocation
}
