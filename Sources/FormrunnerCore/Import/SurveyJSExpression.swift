import Foundation

/// The part of SurveyJS's expression language an importer can carry into a formrunner condition:
/// `{q} = 'x'`, `{q} > 3`, `{q} anyof ['a', 'b']`, `{q} contains 'x'`, `{q} notempty`, `and`, `or`,
/// `!`, parentheses. Anything else (functions, arithmetic, `{panel.q}`) is refused with the reason.
indirect enum SurveyJSExpression: Equatable {
    /// A comparison operator.
    enum Operator: String {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case contains, notContains = "notcontains", anyOf = "anyof", allOf = "allof", noneOf = "noneof"

        /// The operator with its sides swapped (`3 < {q}` is `{q} > 3`), if it has one.
        var mirrored: Operator? {
            switch self {
            case .less: return .greater
            case .lessOrEqual: return .greaterOrEqual
            case .greater: return .less
            case .greaterOrEqual: return .lessOrEqual
            case .equal, .notEqual: return self
            default: return nil
            }
        }
    }

    /// A side of a comparison.
    enum Operand: Equatable {
        case variable(String)
        case string(String)
        case number(Double, String)
        case boolean(Bool)
        case list([Operand])
    }

    case and(SurveyJSExpression, SurveyJSExpression)
    case or(SurveyJSExpression, SurveyJSExpression)
    case not(SurveyJSExpression)
    case compare(Operand, Operator, Operand)
    case empty(Operand)
    case notEmpty(Operand)
    case value(Operand)

    /// Why an expression cannot be carried over.
    struct Refusal: Error, Equatable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// Parses `text`, refusing what is outside the subset.
    static func parse(_ text: String) throws(Refusal) -> SurveyJSExpression {
        var parser = SurveyJSExpressionParser(tokens: try SurveyJSExpressionLexer.tokens(of: text))
        let expression = try parser.disjunction()
        if let extra = parser.peek { throw Refusal("unexpected '\(extra.text)'") }
        return expression
    }
}
