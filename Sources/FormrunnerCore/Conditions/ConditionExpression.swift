/// `==`, `!=`, `<`, `<=`, `>` and `>=`.
enum ComparisonOperator: String, Hashable, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// Whether the operator orders its operands (and so needs numbers or dates).
    var isOrdering: Bool { self != .equal && self != .notEqual }
}

/// A literal value written in a condition.
enum ConditionLiteral: Hashable, Sendable {
    case text(String)
    case number(Double)
    case boolean(Bool)
    case date(LocalDate)
}

/// A parsed condition: the syntax tree the type checker and the evaluator walk.
///
/// `and` and `or` keep their operands in flat lists, so the tree is only as deep as the
/// parentheses and `not`s in the text, which the parser limits.
struct ConditionExpression: Hashable, Sendable {
    indirect enum Kind: Hashable, Sendable {
        case literal(ConditionLiteral)
        /// A field id, as written at `span`.
        case field(String)
        /// `empty(field)`; `fieldSpan` locates the field id.
        case empty(field: String, fieldSpan: ConditionSpan)
        /// `count(field)`; `fieldSpan` locates the field id.
        case count(field: String, fieldSpan: ConditionSpan)
        case not(ConditionExpression)
        case and([ConditionExpression])
        case or([ConditionExpression])
        /// `lhs op rhs`; `operatorSpan` locates the operator.
        case comparison(ComparisonOperator, ConditionExpression, ConditionExpression, operatorSpan: ConditionSpan)
        /// `lhs in [...]` or `lhs not in [...]`; each item keeps its span.
        case membership(ConditionExpression, [ListItem], negated: Bool, operatorSpan: ConditionSpan)
        /// `lhs contains rhs`.
        case contains(ConditionExpression, ConditionExpression, operatorSpan: ConditionSpan)
    }

    /// One literal of a `[...]` list.
    struct ListItem: Hashable, Sendable {
        var literal: ConditionLiteral
        var span: ConditionSpan
    }

    var kind: Kind
    /// The text the expression was parsed from (without enclosing parentheses).
    var span: ConditionSpan

    /// Field ids in order of first appearance, each once.
    var referencedFields: [String] {
        var seen: Set<String> = []
        var ordered: [String] = []
        visitFields { id in
            if seen.insert(id).inserted { ordered.append(id) }
        }
        return ordered
    }

    /// Calls `body` with every field id, left to right.
    func visitFields(_ body: (String) -> Void) {
        switch kind {
        case .literal:
            break
        case .field(let id), .empty(let id, _), .count(let id, _):
            body(id)
        case .not(let operand):
            operand.visitFields(body)
        case .and(let operands), .or(let operands):
            for operand in operands { operand.visitFields(body) }
        case .comparison(_, let lhs, let rhs, _), .contains(let lhs, let rhs, _):
            lhs.visitFields(body)
            rhs.visitFields(body)
        case .membership(let lhs, _, _, _):
            lhs.visitFields(body)
        }
    }
}
