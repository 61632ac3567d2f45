/// An answer as a person or a script gave it, before it is checked against its field: text, or a
/// list of texts (for multichoice and files).
public enum RawAnswer: Hashable, Sendable {
    case single(String)
    case list([String])

    /// The items: a single answer is a list of one.
    public var items: [String] {
        switch self {
        case .single(let text): return [text]
        case .list(let items): return items
        }
    }
}

/// One problem with one answer.
public struct AnswerProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field id the problem is about.
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}
