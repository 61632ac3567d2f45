/// The kinds of question a form can ask.
public enum FieldType: String, CaseIterable, Hashable, Sendable, Codable {
    case text
    case multiline
    case email
    case number
    case date
    /// A day and a time of day, in the zone of the form's calendar.
    case datetime
    case boolean
    case choice
    case multichoice
    case files
    case secret
    /// One of the accounts (stores) the signed-in user may act for.
    case account
    /// Markdown text shown between questions: never asked, never stored.
    case note

    /// Whether the field's answers are option ids from `options`.
    public var hasOptions: Bool { self == .choice || self == .multichoice }

    /// Whether the field is a question (everything but a `note`).
    public var isQuestion: Bool { self != .note }

    /// Whether the answer is free text.
    public var isTextual: Bool { [.text, .multiline, .email, .secret].contains(self) }

    /// How a `when:` condition sees this field.
    public func conditionType(options: [String]) -> ConditionFieldType {
        switch self {
        case .text, .multiline, .email, .secret: return .text
        case .number: return .number
        case .date: return .date
        case .datetime: return .dateTime
        case .boolean: return .boolean
        case .choice: return .choice(options: options)
        case .account: return .text
        case .multichoice: return .multichoice(options: options)
        case .files, .note: return .files
        }
    }
}
