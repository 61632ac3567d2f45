/// An answer as a person or a script gave it, before it is checked against its field: text, or a
/// list of texts (for multichoice and files), or the items of a `group` (each a map from the group's
/// field ids to answers).
public enum RawAnswer: Hashable, Sendable {
    case single(String)
    case list([String])
    case group([[String: RawAnswer]])

    /// The items: a single answer is a list of one; a group has no plain items.
    public var items: [String] {
        switch self {
        case .single(let text): return [text]
        case .list(let items): return items
        case .group: return []
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

/// Every problem found in a set of answers.
public struct AnswerProblems: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [AnswerProblem]

    public init(_ problems: [AnswerProblem]) {
        self.problems = problems
    }

    /// One `field: message` line per problem.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
