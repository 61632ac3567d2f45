/// Evaluates a parsed condition against answers, in three-valued logic.
///
/// A missing answer (unanswered, or hidden by its own condition) is *absent*. Any comparison
/// (`==` `!=` `<` `<=` `>` `>=` `in` `not in` `contains`) that reads an absent answer, and an
/// absent boolean on its own, is *unknown*; `not` of unknown is unknown; `and` is false when one
/// side is false, else unknown when one is; `or` is true when one side is true, else unknown when
/// one is. A condition that ends unknown does not hold, so `x != "a"` and `not urgent` are false
/// while `x` or `urgent` is absent. `empty(x)`, `answered(x)` and `count(x)` are never unknown:
/// an absent answer is empty, not answered and counts 0. Values of the wrong kind (possible only
/// when the condition was not type-checked against these answers) are never equal and never ordered.
struct ConditionEvaluator {
    let answers: [String: AnswerValue]

    /// A run-time value.
    private enum Value {
        case text(String)
        case number(Double)
        case boolean(Bool)
        case date(LocalDate)
        case dateTime(LocalDateTime)
        case options([String])
        case files(Int)
        case missing
    }

    func isTrue(_ expression: ConditionExpression) -> Bool {
        truth(of: expression) == true
    }

    /// True, false, or nil when it is unknown (it reads an absent answer).
    func truth(of expression: ConditionExpression) -> Bool? {
        switch value(of: expression) {
        case .boolean(let flag): return flag
        case .missing: return nil
        default: return false
        }
    }

    private func value(of expression: ConditionExpression) -> Value {
        switch expression.kind {
        case .literal(let literal):
            switch literal {
            case .text(let text): return .text(text)
            case .number(let number): return .number(number)
            case .boolean(let flag): return .boolean(flag)
            case .date(let date): return .date(date)
            }
        case .field(let id):
            return answer(id)
        case .empty(let id, _):
            return .boolean(isEmpty(answer(id)))
        case .count(let id, _):
            switch answer(id) {
            case .options(let ids): return .number(Double(ids.count))
            case .files(let count): return .number(Double(count))
            default: return .number(0)
            }
        case .not(let operand):
            return truth(of: operand).map { .boolean(!$0) } ?? .missing
        case .and(let operands):
            let truths = operands.map(truth(of:))
            if truths.contains(false) { return .boolean(false) }
            return truths.contains(nil) ? .missing : .boolean(true)
        case .or(let operands):
            let truths = operands.map(truth(of:))
            if truths.contains(true) { return .boolean(true) }
            return truths.contains(nil) ? .missing : .boolean(false)
        case .comparison(let op, let lhs, let rhs, _):
            let left = value(of: lhs), right = value(of: rhs)
            if case .missing = left { return .missing }
            if case .missing = right { return .missing }
            return .boolean(compare(op, left, right))
        case .membership(let lhs, let items, let negated, _):
            let left = value(of: lhs)
            if case .missing = left { return .missing }
            let found = items.contains { item in
                Self.equal(left, value(of: ConditionExpression(kind: .literal(item.literal), span: item.span)))
            }
            return .boolean(found != negated)
        case .contains(let lhs, let rhs, _):
            switch (value(of: lhs), value(of: rhs)) {
            case (.missing, _), (_, .missing):
                return .missing
            case (.text(let haystack), .text(let needle)):
                return .boolean(needle.isEmpty || haystack.contains(needle))
            case (.options(let ids), .text(let id)):
                return .boolean(ids.contains(id))
            default:
                return .boolean(false)
            }
        }
    }

    private func answer(_ id: String) -> Value {
        switch answers[id] {
        case nil: return .missing
        case .text(let text)?: return .text(text)
        case .choice(let option)?: return .text(option)
        case .number(let number)?: return .number(number)
        case .boolean(let flag)?: return .boolean(flag)
        case .date(let date)?: return .date(date)
        case .dateTime(let time)?: return .dateTime(time)
        case .choices(let ids)?: return .options(ids)
        case .files(let files)?: return .files(files.count)
        }
    }

    private func isEmpty(_ value: Value) -> Bool {
        switch value {
        case .missing: return true
        case .text(let text): return text.isEmpty
        case .options(let ids): return ids.isEmpty
        case .files(let count): return count == 0
        case .number, .boolean, .date, .dateTime: return false
        }
    }

    private func compare(_ op: ComparisonOperator, _ lhs: Value, _ rhs: Value) -> Bool {
        switch op {
        case .equal: return Self.equal(lhs, rhs)
        case .notEqual: return !Self.equal(lhs, rhs)
        case .less: return Self.order(lhs, rhs) == .some(.less)
        case .lessOrEqual: return Self.order(lhs, rhs).map { $0 != .greater } ?? false
        case .greater: return Self.order(lhs, rhs) == .some(.greater)
        case .greaterOrEqual: return Self.order(lhs, rhs).map { $0 != .less } ?? false
        }
    }

    /// Equality of two present values of the same kind.
    private static func equal(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.text(let a), .text(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.date(let a), .date(let b)): return a == b
        case (.dateTime(let a), .dateTime(let b)): return a == b
        default: return false
        }
    }

    private enum Order { case less, same, greater }

    /// The order of two numbers or two dates; `nil` for anything else.
    private static func order(_ lhs: Value, _ rhs: Value) -> Order? {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)):
            return a < b ? .less : a > b ? .greater : .same
        case (.date(let a), .date(let b)):
            return a < b ? .less : a > b ? .greater : .same
        case (.dateTime(let a), .dateTime(let b)):
            return a < b ? .less : a > b ? .greater : .same
        default:
            return nil
        }
    }
}
