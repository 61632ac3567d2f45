import Foundation

/// A token of a SurveyJS expression.
struct SurveyJSExpressionToken: Equatable {
    enum Kind: Equatable { case variable, string, number, word, symbol }
    var kind: Kind
    var text: String
}

/// Splits a SurveyJS expression into tokens.
enum SurveyJSExpressionLexer {
    static func tokens(of text: String) throws(SurveyJSExpression.Refusal) -> [SurveyJSExpressionToken] {
        var tokens: [SurveyJSExpressionToken] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func take(while predicate: (Unicode.Scalar) -> Bool) -> String {
            var out = String.UnicodeScalarView()
            while index < scalars.count, predicate(scalars[index]) { out.append(scalars[index]); index += 1 }
            return String(out)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace { index += 1; continue }
            switch scalar {
            case "{":
                index += 1
                let name = take { $0 != "}" }
                guard index < scalars.count else { throw .init("a '{' is not closed") }
                index += 1
                tokens.append(.init(kind: .variable, text: name.trimmingCharacters(in: .whitespaces)))
            case "'", "\"":
                index += 1
                let body = take { $0 != scalar }
                guard index < scalars.count else { throw .init("a string is not closed") }
                index += 1
                tokens.append(.init(kind: .string, text: body))
            case "0"..."9":
                tokens.append(.init(kind: .number, text: take { ("0"..."9").contains($0) || $0 == "." }))
            case "a"..."z", "A"..."Z", "_":
                tokens.append(.init(kind: .word, text: take { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }))
            default:
                let two = index + 1 < scalars.count ? String(scalar) + String(scalars[index + 1]) : ""
                if ["==", "!=", "<>", ">=", "<=", "&&", "||"].contains(two) {
                    tokens.append(.init(kind: .symbol, text: two))
                    index += 2
                } else {
                    tokens.append(.init(kind: .symbol, text: String(scalar)))
                    index += 1
                }
            }
        }
        return tokens
    }
}
