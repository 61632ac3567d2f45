import Foundation

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
    /// `pattern:` of a text field: the whole answer must match it.
    public var pattern: FieldPattern?
    /// `format:` of a text field.
    public var format: TextFormat?
    /// `min:`/`max:` of a `date` or `datetime` field.
    public var earliest: DateBound?
    public var latest: DateBound?
    /// `must_be:` of a boolean field: the only answer accepted (an "I agree" box).
    public var mustBe: Bool?
    /// The zone `datetime` answers and `today` are read in: the form's calendar's (filled by the linker).
    public var timeZone: TimeZone?
    /// The Markdown of a `note`.
    public var text: LocalizedText?
    /// The index in the form's `sections` of the section holding the field, if any.
    public var section: Int?
    /// The `when:` of that section: the field is shown only while it holds too.
    public var sectionCondition: Condition?
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
        (sectionCondition?.evaluate(answers) ?? true) && (condition?.evaluate(answers) ?? true)
    }

    /// The condition under which the field is shown, as one text: its section's `when:` and its
    /// own, joined with `and` (what the web page's script evaluates).
    public var shownWhen: String? {
        switch (sectionCondition, condition) {
        case let (section?, own?): return "(\(section.source)) and (\(own.source))"
        case let (section?, nil): return section.source
        case let (nil, own): return own?.source
        }
    }

    /// The options that must be chosen (`required: true` on an option of a multichoice).
    public var requiredOptions: [OptionDefinition] { options.filter(\.required) }
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
