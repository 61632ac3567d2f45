/// A stretch of condition text: a 0-based offset and a length, both in Unicode scalars.
struct ConditionSpan: Hashable, Sendable {
    var offset: Int
    var length: Int

    /// The offset just past the last scalar.
    var end: Int { offset + length }

    /// The smallest span covering both `self` and `other`.
    func through(_ other: ConditionSpan) -> ConditionSpan {
        let start = min(offset, other.offset)
        return ConditionSpan(offset: start, length: max(end, other.end) - start)
    }

    /// An error located at this span.
    func error(_ message: String) -> ConditionError {
        ConditionError(message: message, offset: offset, length: length)
    }
}

/// One token of a condition, as the lexer produces it.
struct ConditionToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case identifier(String)
        case text(String)
        case number(Double)
        case boolean(Bool)
        case and, or, not, `in`, contains
        case leftParen, rightParen, leftBracket, rightBracket, comma
        case comparison(ComparisonOperator)
        /// The end of the condition text.
        case end
        /// Text the lexer could not read; the parser reports `error` when it reaches it.
        case invalid(ConditionError)
    }

    var kind: Kind
    var span: ConditionSpan
    /// The token exactly as written, for messages.
    var text: String

    /// The reserved words, which can never be field ids.
    static let keywords: [String: Kind] = [
        "and": .and, "or": .or, "not": .not, "in": .in, "contains": .contains,
        "true": .boolean(true), "false": .boolean(false),
    ]

    /// The token as messages name it: `'and'`, `"setup"` (strings keep their own quotes),
    /// or `end of condition`. Long tokens are shortened.
    var quoted: String {
        switch kind {
        case .end: return "end of condition"
        case .text: return Self.shortened(text)
        default: return "'\(Self.shortened(text))'"
        }
    }

    private static func shortened(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > 24 else { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(20))
        return String(view) + "…"
    }
}
