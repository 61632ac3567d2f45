/// The stable JSON shape of a form (`formrunner forms show ID --json`): everything a script needs
/// to know to send answers with `--answers`.
public struct FormDocument: Encodable, Sendable {
    /// One field, after groups and shared option lists are expanded.
    public struct Field: Encodable, Sendable {
        public var id: String
        public var label: LocalizedText
        public var type: String
        public var required: Bool
        public var help: LocalizedText?
        public var placeholder: LocalizedText?
        public var when: String?
        public var options: [Option]?
        public var `default`: String?
        public var min: Double?
        public var max: Double?
        public var minLength: Int?
        public var maxLength: Int?
        public var minWords: Int?
        public var limits: Limits?
        public var group: String?
        /// A note's Markdown.
        public var text: LocalizedText?
        public var pattern: String?
        public var patternMessage: LocalizedText?
        public var format: String?
        /// A date or datetime field's bounds as written (`today+30d`).
        public var earliest: String?
        public var latest: String?
        public var mustBe: Bool?
        public var timeZone: String?
        /// The 1-based index of the field's section in `sections`.
        public var section: Int?

        enum CodingKeys: String, CodingKey {
            case id, label, type, required, help, placeholder, when, options, `default`, min, max
            case minLength = "min_length", maxLength = "max_length", minWords = "min_words", limits, group
            case text, pattern, patternMessage = "pattern_message", format, earliest = "min_date", latest = "max_date"
            case mustBe = "must_be", timeZone = "time_zone", section
        }
    }

    /// An option of a choice field.
    public struct Option: Encodable, Sendable {
        public var id: String
        public var label: LocalizedText
        public var help: LocalizedText?
        /// Whether a multichoice answer must include it.
        public var required: Bool?
    }

    /// A section: its title, help and condition, and its fields' ids.
    public struct Section: Encodable, Sendable {
        public var title: LocalizedText
        public var help: LocalizedText?
        public var when: String?
        public var fields: [String]
    }

    /// A form-level rule.
    public struct Rule: Encodable, Sendable {
        public var check: String
        public var message: LocalizedText
        public var field: String
    }

    /// The limits of a files field; `size` in bytes.
    public struct Limits: Encodable, Sendable {
        public var count: Int
        public var size: Int64
        public var types: [String]
    }

    public var id: String
    public var version: Int
    public var title: LocalizedText
    public var team: String
    public var description: LocalizedText?
    public var lifecycle: String?
    public var file: String
    public var fields: [Field]
    public var sections: [Section]?
    public var rules: [Rule]?
    /// The language the texts are in, when the form was shown in one (`forms show --lang`).
    public var language: String?

    public init(_ form: FormDefinition, lifecycle: String?) {
        id = form.id
        version = form.version
        title = form.title
        team = form.team
        description = form.description
        self.lifecycle = lifecycle
        file = form.file
        fields = form.fields.map(Field.init)
        sections = form.sections.isEmpty ? nil : form.sections.map {
            Section(title: $0.title, help: $0.help, when: $0.condition?.source, fields: $0.fieldIDs)
        }
        rules = form.rules.isEmpty ? nil : form.rules.map { Rule(check: $0.check.source, message: $0.message, field: $0.field) }
    }
}

extension FormDocument.Field {
    init(_ field: FieldDefinition) {
        id = field.id
        label = field.label
        type = field.type.rawValue
        required = field.required
        help = field.help
        placeholder = field.placeholder
        when = field.condition?.source
        options = field.type.hasOptions
            ? field.options.map { .init(id: $0.id, label: $0.label, help: $0.help, required: $0.required ? true : nil) } : nil
        self.default = field.defaultValue?.plainText
        min = field.minimum
        max = field.maximum
        minLength = field.minimumLength
        maxLength = field.maximumLength
        minWords = field.minimumWords
        limits = field.fileLimits.map { .init(count: $0.count, size: $0.size, types: $0.types) }
        group = field.groupID
        text = field.text
        pattern = field.pattern?.source
        patternMessage = field.pattern?.message
        format = field.format?.rawValue
        earliest = field.earliest?.description
        latest = field.latest?.description
        mustBe = field.mustBe
        timeZone = field.type == .datetime ? field.timeZone?.identifier : nil
        section = field.section.map { $0 + 1 }
    }
}
