/// Evaluates a parsed condition against answers.
///
/// Total: any expression over any answers gives true or false. A missing answer is *empty*:
/// it equals only `""`, orders nothing, contains nothing, counts 0 and is `empty()`. `!=` and
/// `not in` are the exact negations of `==` and `in`. Values of the wrong kind (possible only
/// when the condition was not type-checked against these answers) compare like missing ones.
struct ConditionEvaluator {
    let answers: [String: AnswerValue]

    /// A run-time value.
    private enum Value {
        case text(String)
        case number(Double)
        case boolean(Bool)
        case date(LocalDate)
        case options([String])
        case files(Int)
        case missing
    }

    func isTrue(_ expression: ConditionExpression) -> Bool {
        if case .boolean(true) = value(of: expression) { return true }
        return false
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
            return .boolean(!isTrue(operand))
        case .and(let operands):
            return .boolean(operands.allSatisfy(isTrue))
        case .or(let operands):
            return .boolean(operands.contains(where: isTrue))
        case .comparison(let op, let lhs, let rhs, _):
            return .boolean(compare(op, value(of: lhs), value(of: rhs)))
        case .membership(let lhs, let items, let negated, _):
            let left = value(of: lhs)
            let found = items.contains { item in
                Self.equal(left, value(of: ConditionExpression(kind: .literal(item.literal), span: item.span)))
            }
            return .boolean(found != negated)
        case .contains(let lhs, let rhs, _):
            switch (value(of: lhs), value(of: rhs)) {
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
        case .number, .boolean, .date: return false
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

    /// Equality; a missing answer equals only the empty text.
    private static func equal(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.text(let a), .text(let b)): return a == b
        case (.missing, .text(let text)), (.text(let text), .missing): return text.isEmpty
        case (.number(let a), .number(let b)): return a == b
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.date(let a), .date(let b)): return a == b
        default: return false
        }
    }

    private enum Order { case less, same, greater }

    /// The order of two numbers or two dates; `nil` for anything else, including missing answers.
    private static func order(_ lhs: Value, _ rhs: Value) -> Order? {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)):
            return a < b ? .less : a > b ? .greater : .same
        case (.date(let a), .date(let b)):
            return a < b ? .less : a > b ? .greater : .same
        default:
            return nil
        }
    }
}
