import Foundation

/// Splits condition text into tokens.
///
/// Lexing stops at the first unreadable text: the token list then ends with one `.invalid`
/// token (carrying the error) followed by `.end`, so the parser reports whichever problem
/// comes first in the text.
struct ConditionLexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// All tokens, ending with `.end`.
    static func tokens(of scalars: [Unicode.Scalar]) -> [ConditionToken] {
        var lexer = ConditionLexer(scalars: scalars)
        var tokens: [ConditionToken] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            switch token.kind {
            case .end:
                return tokens
            case .invalid:
                tokens.append(lexer.token(.end, from: scalars.count, to: scalars.count))
                return tokens
            default:
                continue
            }
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private func text(from start: Int, to end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    private func token(_ kind: ConditionToken.Kind, from start: Int, to end: Int) -> ConditionToken {
        ConditionToken(kind: kind, span: ConditionSpan(offset: start, length: end - start),
                       text: text(from: start, to: end))
    }

    private func invalid(_ message: String, from start: Int, length: Int) -> ConditionToken {
        let error = ConditionError(message: message, offset: start, length: length)
        return token(.invalid(error), from: start, to: start + max(1, length))
    }

    private mutating func next() -> ConditionToken {
        while let scalar = peek(), scalar.properties.isWhitespace {
            position += 1
        }
        let start = position
        guard let scalar = peek() else {
            return token(.end, from: start, to: start)
        }
        if Self.isIdentifierStart(scalar) {
            return identifier()
        }
        if Self.isDigit(scalar) || (scalar == "-" && peek(1).map(Self.isDigit) == true) {
            return number()
        }
        switch scalar {
        case "\"", "'":
            return string(quote: scalar)
        case "(": return single(.leftParen)
        case ")": return single(.rightParen)
        case "[": return single(.leftBracket)
        case "]": return single(.rightBracket)
        case ",": return single(.comma)
        case "=", "!", "<", ">", "&", "|":
            return symbol()
        default:
            return unknownCharacter(scalar)
        }
    }

    private mutating func single(_ kind: ConditionToken.Kind) -> ConditionToken {
        position += 1
        return token(kind, from: position - 1, to: position)
    }

    private mutating func identifier() -> ConditionToken {
        let start = position
        while let scalar = peek(), Self.isIdentifierStart(scalar) || Self.isDigit(scalar) || scalar == "-" {
            position += 1
        }
        let word = text(from: start, to: position)
        return token(ConditionToken.keywords[word] ?? .identifier(word), from: start, to: position)
    }

    /// `-?[0-9]+(\.[0-9]+)?`, and not glued to letters, digits, `_` or `.`.
    private mutating func number() -> ConditionToken {
        let start = position
        if peek() == "-" { position += 1 }
        while let scalar = peek(), Self.isDigit(scalar) { position += 1 }
        var wellFormed = true
        if peek() == "." {
            position += 1
            if let scalar = peek(), Self.isDigit(scalar) {
                while let scalar = peek(), Self.isDigit(scalar) { position += 1 }
            } else {
                wellFormed = false
            }
        }
        while let scalar = peek(), Self.isIdentifierStart(scalar) || Self.isDigit(scalar) || scalar == "." {
            wellFormed = false
            position += 1
        }
        let literal = text(from: start, to: position)
        guard wellFormed else {
            return invalid("malformed number '\(literal)'", from: start, length: position - start)
        }
        guard let value = Double(literal), value.isFinite else {
            return invalid("number '\(literal)' is too large", from: start, length: position - start)
        }
        return token(.number(value), from: start, to: position)
    }

    /// A quoted string with `\"`, `\'`, `\\`, `\n` and `\t` escapes.
    private mutating func string(quote: Unicode.Scalar) -> ConditionToken {
        let start = position
        position += 1
        var value = String.UnicodeScalarView()
        while let scalar = peek() {
            if scalar == quote {
                position += 1
                return token(.text(String(value)), from: start, to: position)
            }
            if scalar == "\\" {
                guard let escaped = peek(1) else { break }
                switch escaped {
                case "\"", "'", "\\": value.append(escaped)
                case "n": value.append("\n")
                case "t": value.append("\t")
                default:
                    return invalid("unknown escape '\\\(escaped)'; write '\\\\' for a backslash",
                                   from: position, length: 2)
                }
                position += 2
                continue
            }
            value.append(scalar)
            position += 1
        }
        return invalid("unterminated string; add the closing \(quote)", from: start, length: scalars.count - start)
    }

    /// Comparison operators, and the operators of other languages with a hint.
    private mutating func symbol() -> ConditionToken {
        let start = position
        let pairs: [(String, ConditionToken.Kind?, String?)] = [
            ("===", nil, "use '=='"), ("!==", nil, "use '!='"),
            ("==", .comparison(.equal), nil), ("!=", .comparison(.notEqual), nil),
            ("<=", .comparison(.lessOrEqual), nil), (">=", .comparison(.greaterOrEqual), nil),
            ("=<", nil, "use '<='"), ("=>", nil, "use '>='"), ("<>", nil, "use '!='"),
            ("&&", nil, "use 'and'"), ("||", nil, "use 'or'"),
            ("<", .comparison(.less), nil), (">", .comparison(.greater), nil),
            ("=", nil, "use '==' to compare"), ("!", nil, "use 'not'"),
            ("&", nil, "use 'and'"), ("|", nil, "use 'or'"),
        ]
        for (spelling, kind, hint) in pairs where matches(spelling) {
            let length = spelling.unicodeScalars.count
            if let kind {
                position += length
                return token(kind, from: start, to: position)
            }
            return invalid("unknown operator '\(spelling)'; \(hint ?? "")", from: start, length: length)
        }
        return unknownCharacter(scalars[start])
    }

    private func matches(_ spelling: String) -> Bool {
        for (index, scalar) in spelling.unicodeScalars.enumerated() where peek(index) != scalar {
            return false
        }
        return true
    }

    private func unknownCharacter(_ scalar: Unicode.Scalar) -> ConditionToken {
        let shown = scalar.properties.generalCategory.isVisible
            ? "'\(scalar)'"
            : "U+" + String(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))
        var message = "unknown character \(shown)"
        switch scalar {
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2018}", "\u{2019}", "\u{00AB}", "\u{00BB}":
            message += "; use straight quotes \" or '"
        case ".":
            if peek(1).map(Self.isDigit) == true { message += "; write numbers with a leading digit, like 0.5" }
        case "-":
            message += "; '-' only starts a negative number, like -3"
        case "{", "}":
            message += "; fields are named without braces and compared with '==': " + Self.withoutBraces(scalars)
        default:
            break
        }
        return invalid(message, from: position, length: 1)
    }

    /// A condition written in SurveyJS's style (`{kind} = 'setup'`) rewritten in formrunner's
    /// (`kind == 'setup'`): braces dropped outside quotes, a lone `=` doubled and `<>` made `!=`.
    static func withoutBraces(_ scalars: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        var quote: Unicode.Scalar?
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            let previous = index > 0 ? scalars[index - 1] : nil
            if let open = quote {
                out.append(scalar)
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
                out.append(scalar)
            } else if scalar == "<", next == ">" {
                out.append(contentsOf: "!=".unicodeScalars)
                index += 1
            } else if scalar == "=", next != "=", previous.map({ !"=<>!".unicodeScalars.contains($0) }) ?? true {
                out.append(contentsOf: "==".unicodeScalars)
            } else if scalar != "{" && scalar != "}" {
                out.append(scalar)
            }
            index += 1
        }
        return String(out)
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }
}

private extension Unicode.GeneralCategory {
    /// Whether a scalar of this category shows up as a visible mark when quoted.
    var isVisible: Bool {
        switch self {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .nonspacingMark, .enclosingMark, .spacingMark:
            return false
        default:
            return true
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
