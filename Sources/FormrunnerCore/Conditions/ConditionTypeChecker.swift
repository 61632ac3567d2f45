/// Checks a parsed condition against the fields it may see, collecting every type error.
///
/// An operand that is already wrong (an unknown field) takes part in no further checks, so one
/// mistake gives one message.
struct ConditionTypeChecker {
    private let fields: [String: ConditionFieldType]
    private let scalars: [Unicode.Scalar]
    private(set) var errors: [ConditionError] = []

    init(fields: [String: ConditionFieldType], source: String) {
        self.fields = fields
        self.scalars = Array(source.unicodeScalars)
    }

    /// Checks `expression` as a whole condition: it must be true or false.
    mutating func checkCondition(_ expression: ConditionExpression) {
        requireBoolean(expression)
    }

    // MARK: - Operands

    /// What an operand is, as far as the rules and the messages need to know.
    private struct Operand {
        enum Kind {
            case text, number, boolean, date, dateTime, files
            case choice([String])
            case multichoice([String])
            /// Already reported; checks involving it are skipped.
            case unknown
        }

        var kind: Kind
        var span: ConditionSpan
        /// The field id when the operand is a plain field reference.
        var field: String?
        /// The literal when the operand is one.
        var literal: ConditionLiteral?

        var isTextual: Bool {
            switch kind {
            case .text, .choice: return true
            default: return false
            }
        }

        var isOrderable: Bool {
            switch kind {
            case .number, .date, .dateTime: return true
            default: return false
            }
        }

        var isUnknown: Bool {
            if case .unknown = kind { return true }
            return false
        }

        /// Whether both operands have the same kind (options aside).
        func hasSameKind(as other: Operand) -> Bool {
            switch (kind, other.kind) {
            case (.text, .text), (.number, .number), (.boolean, .boolean), (.date, .date), (.dateTime, .dateTime), (.files, .files),
                 (.choice, .choice), (.multichoice, .multichoice), (.unknown, .unknown):
                return true
            default:
                return false
            }
        }
    }

    private func text(of span: ConditionSpan) -> String {
        var view = String.UnicodeScalarView()
        let end = min(span.end, scalars.count)
        view.append(contentsOf: scalars[min(span.offset, end)..<end])
        let text = String(view)
        return text.unicodeScalars.count > 24 ? String(text.unicodeScalars.prefix(20)) + "…" : text
    }

    /// `'amount'` for a field, otherwise the operand as written: `count(evidence)`, `"abc"`, `3`.
    private func named(_ operand: Operand) -> String {
        operand.field.map { "'\($0)'" } ?? text(of: operand.span)
    }

    /// The operand's kind after "is": `text`, `a number`, `a choice field`.
    private func kindPhrase(_ operand: Operand) -> String {
        switch operand.kind {
        case .text: return "text"
        case .number: return "a number"
        case .boolean: return "a boolean"
        case .date: return "a date"
        case .dateTime: return "a date and time"
        case .files: return "a files field"
        case .choice: return "a choice field"
        case .multichoice: return "a multichoice field"
        case .unknown: return "unknown"
        }
    }

    /// `number field 'amount'` for a field, otherwise its kind: `text`, `a number`.
    private func comparand(_ operand: Operand) -> String {
        if let field = operand.field, let type = fields[field] {
            return "\(type.name) field '\(field)'"
        }
        return kindPhrase(operand)
    }

    private mutating func report(_ span: ConditionSpan, _ message: String) {
        errors.append(span.error(message))
    }

    /// The operand's kind, reporting errors inside it.
    private mutating func operand(_ expression: ConditionExpression) -> Operand {
        let span = expression.span
        switch expression.kind {
        case .literal(let literal):
            return Self.operand(literal, span: span)
        case .field(let id):
            return Operand(kind: lookUp(id, at: span), span: span, field: id)
        case .empty(let id, let fieldSpan):
            _ = lookUp(id, at: fieldSpan)
            return Operand(kind: .boolean, span: span)
        case .count(let id, let fieldSpan):
            let kind = lookUp(id, at: fieldSpan)
            switch kind {
            case .multichoice, .files, .unknown:
                break
            default:
                let field = Operand(kind: kind, span: fieldSpan, field: id)
                report(fieldSpan, "count() applies to multichoice and files fields, and '\(id)' is \(kindPhrase(field))")
            }
            return Operand(kind: .number, span: span)
        case .not(let inner):
            requireBoolean(inner)
        case .and(let operands), .or(let operands):
            for inner in operands { requireBoolean(inner) }
        case .comparison(let op, let lhs, let rhs, _):
            checkComparison(op, operand(lhs), operand(rhs))
        case .membership(let lhs, let items, let negated, _):
            checkMembership(operand(lhs), items, name: negated ? "not in" : "in")
        case .contains(let lhs, let rhs, _):
            checkContains(operand(lhs), operand(rhs))
        }
        return Operand(kind: .boolean, span: span)
    }

    private static func operand(_ literal: ConditionLiteral, span: ConditionSpan) -> Operand {
        let kind: Operand.Kind
        switch literal {
        case .text: kind = .text
        case .number: kind = .number
        case .boolean: kind = .boolean
        case .date: kind = .date
        }
        return Operand(kind: kind, span: span, literal: literal)
    }

    private mutating func lookUp(_ id: String, at span: ConditionSpan) -> Operand.Kind {
        guard let type = fields[id] else {
            let lowered = id.lowercased()
            let hint = lowered == "true" || lowered == "false"
                ? "; did you mean '\(lowered)'?"
                : Suggestion.hint(for: id, in: fields.keys.sorted())
            report(span, "unknown field '\(id)'" + hint)
            return .unknown
        }
        switch type {
        case .text: return .text
        case .number: return .number
        case .boolean: return .boolean
        case .date: return .date
        case .dateTime: return .dateTime
        case .files: return .files
        case .choice(let options): return .choice(options)
        case .multichoice(let options): return .multichoice(options)
        }
    }

    // MARK: - Rules

    private mutating func requireBoolean(_ expression: ConditionExpression) {
        let checked = operand(expression)
        switch checked.kind {
        case .boolean, .unknown:
            return
        default:
            if let field = checked.field {
                report(checked.span, "'\(field)' is \(kindPhrase(checked)), not true or false; "
                                     + "write answered(\(field)) to test for an answer")
            } else {
                report(checked.span, "\(named(checked)) is \(kindPhrase(checked)), not true or false")
            }
        }
    }

    private mutating func checkComparison(_ op: ComparisonOperator, _ lhs: Operand, _ rhs: Operand) {
        guard !lhs.isUnknown, !rhs.isUnknown else { return }
        if op.isOrdering {
            for side in [lhs, rhs] where !side.isOrderable {
                report(side.span, "ordering ('\(op.rawValue)') applies to numbers and dates, "
                                  + "and \(named(side)) is \(kindPhrase(side))")
                return
            }
            if !lhs.hasSameKind(as: rhs) { mismatch(lhs, rhs) }
            return
        }
        guard rejectCollections(lhs, operatorName: op.rawValue), rejectCollections(rhs, operatorName: op.rawValue) else {
            return
        }
        checkEquatable(lhs, rhs)
    }

    private mutating func checkMembership(_ lhs: Operand, _ items: [ConditionExpression.ListItem], name: String) {
        guard !lhs.isUnknown, rejectCollections(lhs, operatorName: name) else { return }
        for item in items {
            checkEquatable(lhs, Self.operand(item.literal, span: item.span))
        }
    }

    private mutating func checkContains(_ lhs: Operand, _ rhs: Operand) {
        guard !lhs.isUnknown, !rhs.isUnknown else { return }
        switch lhs.kind {
        case .text:
            if !rhs.isTextual { report(rhs.span, "cannot look for \(comparand(rhs)) in \(comparand(lhs))") }
        case .multichoice(let options):
            guard rhs.isTextual else {
                report(rhs.span, "cannot look for \(comparand(rhs)) in \(comparand(lhs))")
                return
            }
            if case .text(let value)? = rhs.literal, let field = lhs.field {
                checkOption(value, options: options, field: field, at: rhs.span)
            }
        default:
            var message = "'contains' applies to text and multichoice fields, and \(named(lhs)) is \(kindPhrase(lhs))"
            if case .choice = lhs.kind { message += "; use '==' or 'in'" }
            report(lhs.span, message)
        }
    }

    /// Reports `==`, `!=`, `in` or `not in` on a multichoice or files field; returns whether it was fine.
    private mutating func rejectCollections(_ side: Operand, operatorName: String) -> Bool {
        switch side.kind {
        case .multichoice:
            report(side.span, "'\(operatorName)' does not apply to \(comparand(side)); use 'contains'")
            return false
        case .files:
            report(side.span, "'\(operatorName)' does not apply to \(comparand(side)); use empty() or count()")
            return false
        default:
            return true
        }
    }

    /// `==`-style compatibility, and option ids for choice fields.
    private mutating func checkEquatable(_ lhs: Operand, _ rhs: Operand) {
        guard !lhs.isUnknown, !rhs.isUnknown else { return }
        if lhs.isTextual && rhs.isTextual {
            for (choice, other) in [(lhs, rhs), (rhs, lhs)] {
                if case .choice(let options) = choice.kind, let field = choice.field,
                   case .text(let value)? = other.literal {
                    checkOption(value, options: options, field: field, at: other.span)
                }
            }
            return
        }
        if !lhs.hasSameKind(as: rhs) { mismatch(lhs, rhs) }
    }

    private mutating func checkOption(_ value: String, options: [String], field: String, at span: ConditionSpan) {
        // An empty list means the options are unknown (an unresolved option list, reported elsewhere).
        guard !options.isEmpty, !options.contains(value) else { return }
        report(span, "'\(value)' is not an option of '\(field)'" + Suggestion.hint(for: value, in: options))
    }

    /// "cannot compare number field 'amount' with text", located at the side that is not the field.
    private mutating func mismatch(_ lhs: Operand, _ rhs: Operand) {
        let (subject, other) = lhs.field != nil || rhs.field == nil ? (lhs, rhs) : (rhs, lhs)
        var message = "cannot compare \(comparand(subject)) with \(comparand(other))"
        if case .date = subject.kind, case .text(let value)? = other.literal, LocalDate(iso: value) != nil {
            message += "; write date(\"\(value)\")"
        }
        report(other.span, message)
    }
}
