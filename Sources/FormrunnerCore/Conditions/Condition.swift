/// A parsed `when:` condition: a small expression language over the answers given so far.
///
/// ```
/// impact in ["important", "critical"] and environment == "production"
/// not empty(agency)
/// count(evidence) > 0 or urgent
/// ```
///
/// A condition is parsed once, type-checked against the fields visible to it, and evaluated
/// by walking its syntax tree — never run as code. Parsing bounds the text's length and nesting,
/// so no input can exhaust the stack.
///
/// Two conditions are equal when their source text is.
public struct Condition: Hashable, Sendable, CustomStringConvertible {
    /// The longest condition text accepted, in Unicode scalars.
    public static let maximumLength = 2000
    /// The deepest nesting of parentheses and `not`s accepted.
    public static let maximumDepth = 64

    /// The condition as written.
    public private(set) var source: String
    let expression: ConditionExpression
    private let fieldIDs: [String]

    private init(source: String, expression: ConditionExpression) {
        self.source = source
        self.expression = expression
        self.fieldIDs = expression.referencedFields
    }

    /// Parses `source`, throwing the first syntax error, located in the text.
    public static func parse(_ source: String) throws(ConditionError) -> Condition {
        let scalars = Array(source.unicodeScalars)
        guard scalars.count <= maximumLength else {
            throw ConditionError(message: "the condition is too long (\(scalars.count) characters; "
                                          + "the limit is \(maximumLength))",
                                 offset: maximumLength, length: scalars.count - maximumLength)
        }
        var parser = ConditionParser(tokens: ConditionLexer.tokens(of: scalars))
        return Condition(source: source, expression: try parser.parseCondition())
    }

    /// Type errors; `fields` are the fields visible to the condition (defined earlier in the form).
    ///
    /// Returns every error, in the order the type checker meets them (left to right, inner
    /// before outer); empty when the condition is sound.
    public func typeCheck(fields: [String: ConditionFieldType]) -> [ConditionError] {
        var checker = ConditionTypeChecker(fields: fields, source: source)
        checker.checkCondition(expression)
        return checker.errors
    }

    /// The field ids the condition reads, in order of first appearance, each once.
    public var referencedFields: [String] { fieldIDs }

    /// Whether the condition holds for `answers`, keyed by field id.
    ///
    /// A missing answer (unanswered or hidden) is absent: every comparison that reads it is
    /// unknown, and so is `not` of an unknown; a condition that ends unknown does not hold (so
    /// `x != "a"` and `not urgent` are false while `x` or `urgent` is absent). `empty(x)` and
    /// `answered(x)` test for an answer and are never unknown.
    public func evaluate(_ answers: [String: AnswerValue]) -> Bool {
        ConditionEvaluator(answers: answers).isTrue(expression)
    }

    /// True, false, or nil when the condition is unknown because it reads an absent answer: what a
    /// form's `rules:` need (a rule refuses answers only when its condition is false).
    public func truth(_ answers: [String: AnswerValue]) -> Bool? {
        ConditionEvaluator(answers: answers).truth(of: expression)
    }

    /// The source text.
    public var description: String { source }

    public static func == (lhs: Condition, rhs: Condition) -> Bool {
        lhs.source == rhs.source
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
    }
}
