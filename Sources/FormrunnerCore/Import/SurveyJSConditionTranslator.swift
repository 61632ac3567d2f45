import Foundation

/// Writes a ``SurveyJSExpression`` in formrunner's condition language, given the questions already
/// imported (a condition may only read earlier fields). Choice values become option ids.
struct SurveyJSConditionTranslator {
    /// What the translator knows of an imported question.
    struct Question {
        /// How a condition may read it.
        enum Kind {
            case text, number, date, dateTime, boolean, files
            /// SurveyJS values (as text) to option ids.
            case choice([(value: String, id: String)])
            case multichoice([(value: String, id: String)])
        }

        var id: String
        var kind: Kind
    }

    /// The questions imported so far, by SurveyJS name.
    var questions: [String: Question]

    typealias Refusal = SurveyJSExpression.Refusal

    /// The formrunner condition for the SurveyJS expression `text`.
    func translate(_ text: String) throws(Refusal) -> String {
        try write(try SurveyJSExpression.parse(text), parent: 0)
    }

    /// Precedence: 1 or, 2 and, 3 not, 4 comparison.
    private func write(_ expression: SurveyJSExpression, parent: Int) throws(Refusal) -> String {
        func wrap(_ text: String, _ level: Int) -> String { level < parent ? "(\(text))" : text }
        switch expression {
        case .or(let left, let right): return wrap(try write(left, parent: 1) + " or " + write(right, parent: 1), 1)
        case .and(let left, let right): return wrap(try write(left, parent: 2) + " and " + write(right, parent: 2), 2)
        case .not(let inner): return wrap("not " + (try write(inner, parent: 3)), 3)
        case .empty(let operand): return "empty(\(try question(operand).id))"
        case .notEmpty(let operand): return "answered(\(try question(operand).id))"
        case .value(let operand):
            let question = try question(operand)
            guard case .boolean = question.kind else { throw Refusal("'{\(Self.name(operand))}' alone is not true or false") }
            return question.id
        case .compare(let left, let op, let right):
            if case .variable = left { return try compare(try question(left), op, right) }
            guard case .variable = right, let mirrored = op.mirrored else {
                throw Refusal("a comparison must read a question")
            }
            return try compare(try question(right), mirrored, left)
        }
    }

    private static func name(_ operand: SurveyJSExpression.Operand) -> String {
        if case .variable(let name) = operand { return name }
        return ""
    }

    private func question(_ operand: SurveyJSExpression.Operand) throws(Refusal) -> Question {
        guard case .variable(let name) = operand else { throw Refusal("a value stands where a question is expected") }
        guard let question = questions[name] else {
            throw Refusal("it reads '{\(name)}', which is not a question imported before it")
        }
        return question
    }

    static func literal(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func text(_ operand: SurveyJSExpression.Operand) -> String? {
        switch operand {
        case .string(let text): return text
        case .number(_, let written): return written
        case .boolean(let value): return String(value)
        default: return nil
        }
    }

    private static let symbols: [SurveyJSExpression.Operator: String] = [
        .equal: "==", .notEqual: "!=", .less: "<", .lessOrEqual: "<=", .greater: ">", .greaterOrEqual: ">=",
    ]

    private func compare(_ question: Question, _ op: SurveyJSExpression.Operator, _ right: SurveyJSExpression.Operand) throws(Refusal) -> String {
        let id = question.id
        let unsupported = Refusal("'\(op.rawValue)' on this question has no formrunner equivalent")
        if case .variable = right, let symbol = Self.symbols[op] {
            return "\(id) \(symbol) \(try self.question(right).id)"
        }
        let items: [SurveyJSExpression.Operand] = if case .list(let list) = right { list } else { [right] }
        switch question.kind {
        case .boolean:
            guard [.equal, .notEqual].contains(op), case .boolean(let value)? = items.first.map(Self.asBoolean) else { throw unsupported }
            return "\(id) \(Self.symbols[op]!) \(value)"
        case .number:
            let numbers = items.compactMap { item -> String? in
                if case .number(let value, _) = item { return ValueReader.format(value) }
                if case .string(let text) = item, let value = Double(text) { return ValueReader.format(value) }
                return nil
            }
            guard numbers.count == items.count, !numbers.isEmpty else { throw Refusal("it compares a number with text") }
            return try membership(id, op, numbers, symbol: numbers[0], unsupported: unsupported)
        case .date:
            let dates = items.compactMap(Self.text).filter { LocalDate(iso: $0) != nil }.map { "date(\(Self.literal($0)))" }
            guard dates.count == items.count, !dates.isEmpty else { throw Refusal("it compares a date with something that is not a date (YYYY-MM-DD)") }
            return try membership(id, op, dates, symbol: dates[0], unsupported: unsupported)
        case .text:
            let texts = items.compactMap(Self.text)
            guard texts.count == items.count, !texts.isEmpty else { throw unsupported }
            if op == .contains { return "\(id) contains \(Self.literal(texts[0]))" }
            if op == .notContains { return "not \(id) contains \(Self.literal(texts[0]))" }
            return try membership(id, op, texts.map(Self.literal), symbol: Self.literal(texts[0]), unsupported: unsupported)
        case .choice(let values):
            if [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(op) {
                return "\(id) in [" + (try ordered(op, items, values)).joined(separator: ", ") + "]"
            }
            let ids = try optionIDs(items, values)
            return try membership(id, op, ids, symbol: ids[0], unsupported: unsupported)
        case .multichoice(let values):
            let ids = try optionIDs(items, values)
            let contains = ids.map { "\(id) contains \($0)" }
            switch op {
            case .contains, .anyOf: return contains.count == 1 ? contains[0] : "(" + contains.joined(separator: " or ") + ")"
            case .allOf: return contains.count == 1 ? contains[0] : "(" + contains.joined(separator: " and ") + ")"
            case .notContains, .noneOf: return "not " + (contains.count == 1 ? contains[0] : "(" + contains.joined(separator: " or ") + ")")
            default: throw unsupported
            }
        case .dateTime, .files:
            throw unsupported
        }
    }

    private static func asBoolean(_ operand: SurveyJSExpression.Operand) -> SurveyJSExpression.Operand {
        if case .string(let text) = operand, let value = Bool(text) { return .boolean(value) }
        return operand
    }

    /// `==`, `!=`, ordering, `anyof` → `in`, `noneof` → `not in`.
    private func membership(_ id: String, _ op: SurveyJSExpression.Operator, _ values: [String], symbol: String,
                            unsupported: Refusal) throws(Refusal) -> String {
        switch op {
        case .anyOf: return "\(id) in [" + values.joined(separator: ", ") + "]"
        case .noneOf: return "\(id) not in [" + values.joined(separator: ", ") + "]"
        default:
            guard let written = Self.symbols[op], values.count == 1 else { throw unsupported }
            return "\(id) \(written) \(symbol)"
        }
    }

    private func optionIDs(_ items: [SurveyJSExpression.Operand], _ values: [(value: String, id: String)]) throws(Refusal) -> [String] {
        var ids: [String] = []
        for item in items {
            guard let text = Self.text(item), let option = values.first(where: { Self.sameValue($0.value, text) }) else {
                throw Refusal("\(Self.text(item).map { "'\($0)'" } ?? "the value") is not one of the question's choices")
            }
            ids.append(Self.literal(option.id))
        }
        guard !ids.isEmpty else { throw Refusal("it compares with an empty list") }
        return ids
    }

    /// SurveyJS compares text without case, and `1` with `'1'`.
    static func sameValue(_ left: String, _ right: String) -> Bool {
        if let a = Double(left), let b = Double(right) { return a == b }
        return left.lowercased() == right.lowercased()
    }

    /// `{rating} > 3` on numeric choices: the options whose value is greater.
    private func ordered(_ op: SurveyJSExpression.Operator, _ items: [SurveyJSExpression.Operand],
                         _ values: [(value: String, id: String)]) throws(Refusal) -> [String] {
        guard items.count == 1, let bound = Self.text(items[0]).flatMap(Double.init),
              values.allSatisfy({ Double($0.value) != nil }) else {
            throw Refusal("'\(op.rawValue)' orders choices that are not all numbers")
        }
        let kept = values.filter { option in
            let value = Double(option.value)!
            switch op {
            case .less: return value < bound
            case .lessOrEqual: return value <= bound
            case .greater: return value > bound
            default: return value >= bound
            }
        }
        guard !kept.isEmpty else { throw Refusal("no choice is \(op.rawValue) \(ValueReader.format(bound))") }
        return kept.map { Self.literal($0.id) }
    }
}
