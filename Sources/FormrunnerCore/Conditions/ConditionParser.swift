/// A recursive-descent parser for conditions.
///
/// ```
/// condition  := or END
/// or         := and ("or" and)*
/// and        := not ("and" not)*
/// not        := "not" not | comparison
/// comparison := operand [ ("==" | "!=" | "<" | "<=" | ">" | ">=" | "contains") operand
///                       | ["not"] "in" list ]
/// operand    := literal | field | ("empty" | "answered" | "count") "(" field ")" | "(" or ")"
/// literal    := string | number | "true" | "false" | "date" "(" string ")"
/// list       := "[" [ literal ("," literal)* ] "]"
/// ```
///
/// Comparisons do not chain. Parentheses and `not`s together nest at most
/// ``Condition/maximumDepth`` levels, which bounds the recursion here and in every later walk.
struct ConditionParser {
    private let tokens: [ConditionToken]
    private var index = 0
    private var depth = 0

    init(tokens: [ConditionToken]) {
        precondition(!tokens.isEmpty, "the lexer always ends with an end token")
        self.tokens = tokens
    }

    /// Parses the whole token list as one condition.
    mutating func parseCondition() throws(ConditionError) -> ConditionExpression {
        if case .end = current.kind {
            throw ConditionError(message: "the condition is empty", offset: 0, length: current.span.offset)
        }
        let expression = try parseOr()
        switch current.kind {
        case .end:
            return expression
        case .rightParen:
            throw current.span.error("')' has no matching '('")
        default:
            throw unexpected(current, expected: "'and' or 'or'")
        }
    }

    // MARK: - Tokens

    private var current: ConditionToken { tokens[index] }

    private var following: ConditionToken { tokens[min(index + 1, tokens.count - 1)] }

    @discardableResult
    private mutating func advance() -> ConditionToken {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    /// "expected X but found Y", or the lexer's own error when Y is unreadable text.
    private func unexpected(_ token: ConditionToken, expected: String) -> ConditionError {
        switch token.kind {
        case .invalid(let error):
            return error
        case .end:
            return token.span.error("unexpected end of condition; expected \(expected)")
        case .identifier(let word):
            let lowered = word.lowercased()
            var message = "expected \(expected) but found \(token.quoted)"
            if lowered != word, ConditionToken.keywords[lowered] != nil {
                message += "; write keywords in lower case: '\(lowered)'"
            }
            return token.span.error(message)
        default:
            return token.span.error("expected \(expected) but found \(token.quoted)")
        }
    }

    private mutating func enter(_ token: ConditionToken) throws(ConditionError) {
        depth += 1
        if depth > Condition.maximumDepth {
            throw token.span.error("the condition nests too deeply (more than \(Condition.maximumDepth) levels)")
        }
    }

    private mutating func leave() {
        depth -= 1
    }

    // MARK: - Logic

    private mutating func parseOr() throws(ConditionError) -> ConditionExpression {
        var operands = [try parseAnd()]
        while case .or = current.kind {
            advance()
            operands.append(try parseAnd())
        }
        return Self.combine(operands, ConditionExpression.Kind.or)
    }

    private mutating func parseAnd() throws(ConditionError) -> ConditionExpression {
        var operands = [try parseNot()]
        while case .and = current.kind {
            advance()
            operands.append(try parseNot())
        }
        return Self.combine(operands, ConditionExpression.Kind.and)
    }

    private static func combine(_ operands: [ConditionExpression],
                                _ kind: ([ConditionExpression]) -> ConditionExpression.Kind) -> ConditionExpression {
        guard let first = operands.first, let last = operands.last, operands.count > 1 else { return operands[0] }
        return ConditionExpression(kind: kind(operands), span: first.span.through(last.span))
    }

    private mutating func parseNot() throws(ConditionError) -> ConditionExpression {
        guard case .not = current.kind else { return try parseComparison() }
        let notToken = current
        try enter(notToken)
        advance()
        let operand = try parseNot()
        leave()
        return ConditionExpression(kind: .not(operand), span: notToken.span.through(operand.span))
    }

    // MARK: - Comparisons

    private mutating func parseComparison() throws(ConditionError) -> ConditionExpression {
        let lhs = try parseOperand()
        let result: ConditionExpression
        switch current.kind {
        case .comparison(let op):
            let operatorSpan = advance().span
            let rhs = try parseOperand()
            result = ConditionExpression(kind: .comparison(op, lhs, rhs, operatorSpan: operatorSpan),
                                         span: lhs.span.through(rhs.span))
        case .contains:
            let operatorSpan = advance().span
            let rhs = try parseOperand()
            result = ConditionExpression(kind: .contains(lhs, rhs, operatorSpan: operatorSpan),
                                         span: lhs.span.through(rhs.span))
        case .in:
            let operatorSpan = advance().span
            let (items, close) = try parseList()
            result = ConditionExpression(kind: .membership(lhs, items, negated: false, operatorSpan: operatorSpan),
                                         span: lhs.span.through(close))
        case .not:
            let notSpan = advance().span
            guard case .in = current.kind else { throw unexpected(current, expected: "'in' after 'not'") }
            let operatorSpan = notSpan.through(advance().span)
            let (items, close) = try parseList()
            result = ConditionExpression(kind: .membership(lhs, items, negated: true, operatorSpan: operatorSpan),
                                         span: lhs.span.through(close))
        case .and, .or, .rightParen, .end:
            return lhs
        default:
            throw unexpected(current, expected: "an operator")
        }
        switch current.kind {
        case .comparison, .in, .contains:
            throw current.span.error("comparisons do not chain; join them with 'and'")
        case .not:
            if case .in = following.kind {
                throw current.span.through(following.span).error("comparisons do not chain; join them with 'and'")
            }
            return result
        default:
            return result
        }
    }

    /// `[literal, ...]` after `in`; returns the items and the span of the closing `]`.
    private mutating func parseList() throws(ConditionError) -> ([ConditionExpression.ListItem], ConditionSpan) {
        guard case .leftBracket = current.kind else {
            throw unexpected(current, expected: "a list like [\"a\", \"b\"]")
        }
        let open = advance()
        var items: [ConditionExpression.ListItem] = []
        if case .rightBracket = current.kind {
            return (items, advance().span)
        }
        while true {
            items.append(try parseListItem(open: open))
            switch current.kind {
            case .comma:
                advance()
            case .rightBracket:
                return (items, advance().span)
            case .end:
                throw open.span.error("'[' is never closed")
            default:
                throw unexpected(current, expected: "',' or ']'")
            }
        }
    }

    private mutating func parseListItem(open: ConditionToken) throws(ConditionError) -> ConditionExpression.ListItem {
        let token = current
        switch token.kind {
        case .text, .number, .boolean:
            let literal = try parseOperand()
            guard case .literal(let value) = literal.kind else { preconditionFailure("a literal token parses as a literal") }
            return .init(literal: value, span: literal.span)
        case .identifier(let name):
            if name == "date", case .leftParen = following.kind {
                let literal = try parseOperand()
                if case .literal(let value) = literal.kind { return .init(literal: value, span: literal.span) }
            }
            let error = unexpected(token, expected: "a literal")
            throw ConditionError(message: error.message + "; put option ids in quotes, like \"\(name)\"",
                                 offset: error.offset, length: error.length)
        case .end:
            throw open.span.error("'[' is never closed")
        default:
            throw unexpected(token, expected: "a literal")
        }
    }

    // MARK: - Operands

    private mutating func parseOperand() throws(ConditionError) -> ConditionExpression {
        let token = current
        switch token.kind {
        case .identifier(let name):
            if case .leftParen = following.kind { return try parseCall(name) }
            advance()
            return ConditionExpression(kind: .field(name), span: token.span)
        case .text(let value):
            advance()
            return ConditionExpression(kind: .literal(.text(value)), span: token.span)
        case .number(let value):
            advance()
            return ConditionExpression(kind: .literal(.number(value)), span: token.span)
        case .boolean(let value):
            advance()
            return ConditionExpression(kind: .literal(.boolean(value)), span: token.span)
        case .leftParen:
            try enter(token)
            advance()
            let inner = try parseOr()
            switch current.kind {
            case .rightParen:
                advance()
                leave()
                return inner
            case .end:
                throw token.span.error("'(' is never closed")
            default:
                throw unexpected(current, expected: "'and', 'or' or ')'")
            }
        case .leftBracket:
            throw token.span.error("a list can only follow 'in'")
        default:
            throw unexpected(token, expected: "a value")
        }
    }

    /// `empty(field)`, `answered(field)` (which is `not empty(field)`), `count(field)` or
    /// `date("YYYY-MM-DD")`; the current token is the name.
    private mutating func parseCall(_ name: String) throws(ConditionError) -> ConditionExpression {
        let nameToken = current
        let functions = ["empty", "answered", "count", "date"]
        guard functions.contains(name) else {
            let hint = Suggestion.hint(for: name, in: functions)
            throw nameToken.span.error("unknown function '\(name)'"
                                       + (hint.isEmpty ? "; use empty(), answered(), count() or date()" : hint))
        }
        advance()
        let open = advance()
        if name == "date" {
            guard case .text(let value) = current.kind else {
                throw unexpected(current, expected: "a date like \"2025-01-31\"")
            }
            let valueToken = advance()
            guard let date = LocalDate(iso: value) else {
                let shaped = value.unicodeScalars.count == 10
                    && value.unicodeScalars.enumerated().allSatisfy { index, scalar in
                        index == 4 || index == 7 ? scalar == "-" : ("0"..."9").contains(scalar)
                    }
                throw valueToken.span.error("invalid date '\(value)'; "
                                            + (shaped ? "there is no such day" : "write YYYY-MM-DD"))
            }
            let close = try expectClose(open)
            return ConditionExpression(kind: .literal(.date(date)), span: nameToken.span.through(close))
        }
        guard case .identifier(let field) = current.kind else {
            throw unexpected(current, expected: "a field id")
        }
        let fieldSpan = advance().span
        let close = try expectClose(open)
        let span = nameToken.span.through(close)
        switch name {
        case "empty":
            return ConditionExpression(kind: .empty(field: field, fieldSpan: fieldSpan), span: span)
        case "answered":
            let empty = ConditionExpression(kind: .empty(field: field, fieldSpan: fieldSpan), span: span)
            return ConditionExpression(kind: .not(empty), span: span)
        default:
            return ConditionExpression(kind: .count(field: field, fieldSpan: fieldSpan), span: span)
        }
    }

    private mutating func expectClose(_ open: ConditionToken) throws(ConditionError) -> ConditionSpan {
        switch current.kind {
        case .rightParen:
            return advance().span
        case .end:
            throw open.span.error("'(' is never closed")
        default:
            throw unexpected(current, expected: "')'")
        }
    }
}
