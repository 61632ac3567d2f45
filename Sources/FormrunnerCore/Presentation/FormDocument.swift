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

        enum CodingKeys: String, CodingKey {
            case id, label, type, required, help, placeholder, when, options, `default`, min, max
            case minLength = "min_length", maxLength = "max_length", minWords = "min_words", limits, group
        }
    }

    /// An option of a choice field.
    public struct Option: Encodable, Sendable {
        public var id: String
        public var label: LocalizedText
        public var help: LocalizedText?
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
        options = field.type.hasOptions ? field.options.map { .init(id: $0.id, label: $0.label, help: $0.help) } : nil
        self.default = field.defaultValue?.plainText
        min = field.minimum
        max = field.maximum
        minLength = field.minimumLength
        maxLength = field.maximumLength
        minWords = field.minimumWords
        limits = field.fileLimits.map { .init(count: $0.count, size: $0.size, types: $0.types) }
        group = field.groupID
    }
}
