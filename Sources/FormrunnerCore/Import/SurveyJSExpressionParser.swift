/// A recursive-descent parser over the tokens: `or` < `and` < `!` < comparison.
struct SurveyJSExpressionParser {
    var tokens: [SurveyJSExpressionToken]
    var position = 0

    var peek: SurveyJSExpressionToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func next() -> SurveyJSExpressionToken? {
        defer { position += 1 }
        return peek
    }

    private func isWord(_ words: Set<String>) -> Bool {
        guard let token = peek else { return false }
        return (token.kind == .word || token.kind == .symbol) && words.contains(token.text.lowercased())
    }

    mutating func disjunction() throws(SurveyJSExpression.Refusal) -> SurveyJSExpression {
        var left = try conjunction()
        while isWord(["or", "||"]) {
            position += 1
            left = .or(left, try conjunction())
        }
        return left
    }

    private mutating func conjunction() throws(SurveyJSExpression.Refusal) -> SurveyJSExpression {
        var left = try negation()
        while isWord(["and", "&&"]) {
            position += 1
            left = .and(left, try negation())
        }
        return left
    }

    private mutating func negation() throws(SurveyJSExpression.Refusal) -> SurveyJSExpression {
        if isWord(["!", "not"]) {
            position += 1
            return .not(try negation())
        }
        return try comparison()
    }

    static let operators: [String: SurveyJSExpression.Operator] = [
        "=": .equal, "==": .equal, "equal": .equal, "!=": .notEqual, "<>": .notEqual, "notequal": .notEqual,
        "<": .less, "less": .less, "<=": .lessOrEqual, "lessorequal": .lessOrEqual, ">": .greater, "greater": .greater,
        ">=": .greaterOrEqual, "greaterorequal": .greaterOrEqual, "contains": .contains, "notcontains": .notContains,
        "anyof": .anyOf, "allof": .allOf, "noneof": .noneOf,
    ]

    private mutating func comparison() throws(SurveyJSExpression.Refusal) -> SurveyJSExpression {
        if peek?.text == "(" {
            position += 1
            let inner = try disjunction()
            guard next()?.text == ")" else { throw .init("a '(' is not closed") }
            return inner
        }
        let left = try operand()
        if isWord(["empty"]) { position += 1; return .empty(left) }
        if isWord(["notempty"]) { position += 1; return .notEmpty(left) }
        guard let token = peek, let op = Self.operators[token.text.lowercased()] else {
            if let token = peek, ["+", "-", "*", "/", "%", "^"].contains(token.text) {
                throw .init("arithmetic ('\(token.text)') has no formrunner equivalent")
            }
            return .value(left)
        }
        position += 1
        return .compare(left, op, try operand())
    }

    private mutating func operand() throws(SurveyJSExpression.Refusal) -> SurveyJSExpression.Operand {
        guard let token = next() else { throw .init("it ends where a value is expected") }
        switch token.kind {
        case .variable: return .variable(token.text)
        case .string: return .string(token.text)
        case .number:
            guard let value = Double(token.text) else { throw .init("'\(token.text)' is not a number") }
            return .number(value, token.text)
        case .word:
            switch token.text.lowercased() {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default:
                if peek?.text == "(" { throw .init("the function '\(token.text)()' has no formrunner equivalent") }
                throw .init("unexpected word '\(token.text)'")
            }
        case .symbol:
            if token.text == "-", let number = peek, number.kind == .number, let value = Double(number.text) {
                position += 1
                return .number(-value, "-" + number.text)
            }
            guard token.text == "[" else { throw .init("unexpected '\(token.text)'") }
            var items: [SurveyJSExpression.Operand] = []
            while peek?.text != "]" {
                items.append(try operand())
                if peek?.text == "," { position += 1 }
                else if peek?.text != "]" { throw .init("a '[' is not closed") }
            }
            position += 1
            return .list(items)
        }
    }
}
