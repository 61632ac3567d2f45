/// A form an importer built, ready to be written as a formrunner definition.
public struct ImportedForm: Sendable, Hashable {
    /// A text with its translations, English first (the other languages in the order given).
    public struct Text: Sendable, Hashable {
        public var translations: [(language: String, text: String)]

        public init(_ english: String) { translations = [("en", english)] }

        public init(translations: [(language: String, text: String)]) { self.translations = translations }

        public var english: String { translations.first { $0.language == "en" }?.text ?? "" }

        var yaml: ImportedYAML {
            translations.count == 1 ? .text(english)
                : .flow(translations.map { ImportedYAML.Entry($0.language, .text($0.text)) })
        }

        public static func == (lhs: Text, rhs: Text) -> Bool {
            lhs.translations.map(\.language) == rhs.translations.map(\.language) && lhs.translations.map(\.text) == rhs.translations.map(\.text)
        }

        public func hash(into hasher: inout Hasher) {
            for (language, text) in translations { hasher.combine(language); hasher.combine(text) }
        }
    }

    /// An option of a choice or multichoice field.
    public struct Option: Sendable, Hashable {
        public var id: String
        public var label: Text
        public var required = false
        /// The value the imported file gives the option (what its conditions compare with); not written.
        public var sourceValue: String?

        public init(id: String, label: Text, required: Bool = false, sourceValue: String? = nil) {
            self.id = id
            self.label = label
            self.required = required
            self.sourceValue = sourceValue
        }
    }

    /// A field (or a note) in the order of the language's field keys.
    public struct Field: Sendable, Hashable {
        public var id: String?
        public var label: Text?
        public var type: FieldType
        public var help: Text?
        public var placeholder: Text?
        public var required: Bool?
        public var defaultValue: ImportedYAML?
        public var when: String?
        public var options: [Option] = []
        public var minimum: ImportedYAML?
        public var maximum: ImportedYAML?
        public var minimumLength: Int?
        public var maximumLength: Int?
        public var pattern: String?
        public var patternMessage: Text?
        public var format: String?
        public var mustBe: Bool?
        public var limits: [ImportedYAML.Entry] = []
        /// The Markdown of a note.
        public var text: Text?

        public init(id: String?, label: Text?, type: FieldType) {
            self.id = id
            self.label = label
            self.type = type
        }

        var yaml: ImportedYAML {
            var entries: [ImportedYAML.Entry] = []
            func add(_ key: String, _ value: ImportedYAML?) { if let value { entries.append(.init(key, value)) } }
            if type == .note {
                add("type", .raw("note"))
                add("id", id.map(ImportedYAML.raw))
                add("text", text?.yaml)
                add("when", when.map(ImportedYAML.text))
                return .mapping(entries)
            }
            add("id", id.map(ImportedYAML.raw))
            add("label", label?.yaml)
            add("type", .raw(type.rawValue))
            add("help", help?.yaml)
            add("placeholder", placeholder?.yaml)
            // A field with `when:` is required while shown by default, and may not say so.
            add("required", required == true && when != nil ? nil : required.map { .raw(String($0)) })
            add("when", when.map(ImportedYAML.text))
            if !options.isEmpty {
                add("options", .sequence(options.map { option in
                    var entries = [ImportedYAML.Entry("id", .raw(option.id)), .init("label", option.label.yaml)]
                    if option.required { entries.append(.init("required", .raw("true"))) }
                    return option.label.translations.count == 1 ? .flow(entries) : .mapping(entries)
                }))
            }
            add("default", defaultValue)
            add("min", minimum)
            add("max", maximum)
            add("min_length", minimumLength.map { .raw(String($0)) })
            add("max_length", maximumLength.map { .raw(String($0)) })
            add("pattern", pattern.map(ImportedYAML.text))
            add("pattern_message", patternMessage?.yaml)
            add("format", format.map(ImportedYAML.raw))
            add("must_be", mustBe.map { .raw(String($0)) })
            if !limits.isEmpty { add("limits", .flow(limits)) }
            return .mapping(entries)
        }
    }

    /// A section: a title and its fields.
    public struct Section: Sendable, Hashable {
        public var title: Text
        public var help: Text?
        public var when: String?
        public var fields: [Field]

        public init(title: Text, help: Text? = nil, when: String? = nil, fields: [Field] = []) {
            self.title = title
            self.help = help
            self.when = when
            self.fields = fields
        }
    }

    /// A form rule: a condition the answers must satisfy and its message.
    public struct Rule: Sendable, Hashable {
        public var check: String
        public var message: Text
        public var field: String?

        public init(check: String, message: Text, field: String?) {
            self.check = check
            self.message = message
            self.field = field
        }
    }

    public var id: String
    public var title: Text
    public var team: String
    public var description: Text?
    /// The fields, when the form has no sections.
    public var fields: [Field] = []
    /// The sections; when there are any, ``fields`` is empty.
    public var sections: [Section] = []
    public var rules: [Rule] = []
    /// The comment lines written above the definition.
    public var comments: [String] = []

    public init(id: String, title: Text, team: String, description: Text? = nil) {
        self.id = id
        self.title = title
        self.team = team
        self.description = description
    }

    /// The definition's YAML text.
    public var yaml: String {
        var entries: [ImportedYAML.Entry] = [.init("form", .raw(id)), .init("version", .raw("1")),
                                             .init("title", title.yaml), .init("team", .raw(team))]
        if let description { entries.append(.init("description", description.yaml)) }
        if sections.isEmpty {
            entries.append(.init("fields", .sequence(fields.map(\.yaml))))
        } else {
            entries.append(.init("sections", .sequence(sections.map { section in
                var entries: [ImportedYAML.Entry] = [.init("title", section.title.yaml)]
                if let help = section.help { entries.append(.init("help", help.yaml)) }
                if let when = section.when { entries.append(.init("when", .text(when))) }
                entries.append(.init("fields", .sequence(section.fields.map(\.yaml))))
                return .mapping(entries)
            })))
        }
        if !rules.isEmpty {
            entries.append(.init("rules", .sequence(rules.map { rule in
                var entries: [ImportedYAML.Entry] = [.init("check", .text(rule.check)), .init("message", rule.message.yaml)]
                if let field = rule.field { entries.append(.init("field", .raw(field))) }
                return .mapping(entries)
            })))
        }
        return comments.map { "# " + $0 + "\n" }.joined() + ImportedYAML.mapping(entries).text
    }
}
