import Testing
@testable import FormrunnerCore

/// One condition that must not parse, with the exact error.
struct ParseErrorCase: CustomTestStringConvertible, Sendable {
    var source: String
    var message: String
    var offset: Int
    var length: Int

    init(_ source: String, _ message: String, at offset: Int, _ length: Int = 1) {
        self.source = source
        self.message = message
        self.offset = offset
        self.length = length
    }

    var testDescription: String { source }
}

@Suite("Condition parse errors")
struct ConditionParseErrorTests {
    static let cases: [ParseErrorCase] = [
        // Operators from other languages.
        .init(#"problem_type = "setup""#, "unknown operator '='; use '==' to compare", at: 13),
        .init("a && b", "unknown operator '&&'; use 'and'", at: 2, 2),
        .init("a || b", "unknown operator '||'; use 'or'", at: 2, 2),
        .init("a & b", "unknown operator '&'; use 'and'", at: 2),
        .init("!urgent", "unknown operator '!'; use 'not'", at: 0),
        .init("a =< 3", "unknown operator '=<'; use '<='", at: 2, 2),
        .init("a => 3", "unknown operator '=>'; use '>='", at: 2, 2),
        .init("a <> 3", "unknown operator '<>'; use '!='", at: 2, 2),
        .init("a === 3", "unknown operator '==='; use '=='", at: 2, 3),
        // Characters and literals.
        .init("amount # 3", "unknown character '#'", at: 7),
        .init("a - 3", "unknown character '-'; '-' only starts a negative number, like -3", at: 2),
        .init("amount > .5", "unknown character '.'; write numbers with a leading digit, like 0.5", at: 9),
        .init("name == \u{201C}x\u{201D}", "unknown character '\u{201C}'; use straight quotes \" or '", at: 8),
        .init("a == 1\u{7}", "unknown character U+0007", at: 6),
        .init(#"name == "abc"#, "unterminated string; add the closing \"", at: 8, 4),
        .init("name == 'abc", "unterminated string; add the closing '", at: 8, 4),
        .init(#"name == "abc\"#, "unterminated string; add the closing \"", at: 8, 5),
        .init(#"name == "a\qb""#, #"unknown escape '\q'; write '\\' for a backslash"#, at: 10, 2),
        .init("amount > 1.", "malformed number '1.'", at: 9, 2),
        .init("amount > 12abc", "malformed number '12abc'", at: 9, 5),
        .init("amount > 1.2.3", "malformed number '1.2.3'", at: 9, 5),
        .init("amount > " + String(repeating: "9", count: 400), "number '" + String(repeating: "9", count: 400) + "' is too large", at: 9, 400),
        // Missing and unexpected tokens.
        .init("", "the condition is empty", at: 0),
        .init("   ", "the condition is empty", at: 0, 3),
        .init("a == ", "unexpected end of condition; expected a value", at: 5),
        .init("a and", "unexpected end of condition; expected a value", at: 5),
        .init("a and and b", "expected a value but found 'and'", at: 6, 3),
        .init("a == == 1", "expected a value but found '=='", at: 5, 2),
        .init("()", "expected a value but found ')'", at: 1),
        .init("a == not b", "expected a value but found 'not'", at: 5, 3),
        .init("amount 1000", "expected an operator but found '1000'", at: 7, 4),
        .init(#"name "x""#, #"expected an operator but found "x""#, at: 5, 3),
        .init("a == 1 b == 2", "expected 'and' or 'or' but found 'b'", at: 7),
        .init("a == 1 AND b == 2", "expected 'and' or 'or' but found 'AND'; write keywords in lower case: 'and'", at: 7, 3),
        .init("a OR b", "expected an operator but found 'OR'; write keywords in lower case: 'or'", at: 2, 2),
        .init("(a == 1 b)", "expected 'and', 'or' or ')' but found 'b'", at: 8),
        .init(#"a not contains "x""#, "expected 'in' after 'not' but found 'contains'", at: 6, 8),
        .init("a not", "unexpected end of condition; expected 'in' after 'not'", at: 5),
        // Brackets.
        .init("(a == 1", "'(' is never closed", at: 0),
        .init("((a == 1) or b", "'(' is never closed", at: 0),
        .init("a == 1)", "')' has no matching '('", at: 6),
        .init("count(evidence", "'(' is never closed", at: 5),
        .init("count(evidence > 0", "expected ')' but found '>'", at: 15),
        // Chains.
        .init("1 < a < 3", "comparisons do not chain; join them with 'and'", at: 6),
        .init("a == b == c", "comparisons do not chain; join them with 'and'", at: 7, 2),
        .init(#"a == 1 not in ["x"]"#, "comparisons do not chain; join them with 'and'", at: 7, 6),
        .init(#"a contains "x" in ["y"]"#, "comparisons do not chain; join them with 'and'", at: 15, 2),
        // Lists.
        .init(#"a in "x""#, #"expected a list like ["a", "b"] but found "x""#, at: 5, 3),
        .init(#"a in ["x" "y"]"#, #"expected ',' or ']' but found "y""#, at: 10, 3),
        .init("a in [x]", #"expected a literal but found 'x'; put option ids in quotes, like "x""#, at: 6),
        .init(#"a in ["x",]"#, "expected a literal but found ']'", at: 10),
        .init(#"a in ["x""#, "'[' is never closed", at: 5),
        .init(#"a in ["x","#, "'[' is never closed", at: 5),
        .init(#"a == ["x"]"#, "a list can only follow 'in'", at: 5),
        // Functions.
        .init(#"due > date("2025-02-30")"#, "invalid date '2025-02-30'; there is no such day", at: 11, 12),
        .init(#"due > date("31/01/2025")"#, "invalid date '31/01/2025'; write YYYY-MM-DD", at: 11, 12),
        .init("due > date(today)", #"expected a date like "2025-01-31" but found 'today'"#, at: 11, 5),
        .init(#"due > date("2025-01-31""#, "'(' is never closed", at: 10),
        .init("size(evidence) > 0", "unknown function 'size'; use empty(), answered(), count() or date()", at: 0, 4),
        .init("coutn(evidence) > 0", "unknown function 'coutn'; did you mean 'count'?", at: 0, 5),
        .init(#"empty("agency")"#, #"expected a field id but found "agency""#, at: 6, 8),
        .init("empty()", "expected a field id but found ')'", at: 6),
        // Offsets count Unicode scalars: "👍🏽" is two scalars.
        .init("name == \"👍🏽\" )", "')' has no matching '('", at: 13),
        .init("name == \"日本\" = x", "unknown operator '='; use '==' to compare", at: 13),
        // The first problem in the text wins, whether the lexer or the parser finds it.
        .init("a == == #", "expected a value but found '=='", at: 5, 2),
        .init("a == 1 and # == ==", "unknown character '#'", at: 11),
    ]

    @Test(arguments: cases)
    func reportsTheExactError(_ example: ParseErrorCase) {
        #expect(throws: ConditionError(message: example.message, offset: example.offset, length: example.length)) {
            try Condition.parse(example.source)
        }
    }

    @Test(arguments: [
        "urgent",
        "not urgent",
        #"problem_type == "setup""#,
        #"impact in ["important", "critical"] and environment == "production""#,
        "not empty(agency)",
        "count(evidence) > 0",
        #"channels contains "sms""#,
        "amount >= 1000 or urgent",
        #"due <= date("2025-01-31")"#,
        "amount > -3.5",
        "amount>-3",
        #"name == 'it\'s' or name == "say \"hi\"\n""#,
        #"impact not in ["minor"]"#,
        "a in []",
        #"a in [1, -2.5, true, date("2024-02-29"), "x"]"#,
        "((a))",
        "not not not a",
        "desired-day == 1 and _x == 2",
        "count == 3 and empty == true and date == 1",
        "a\n\tand\r\nb",
    ])
    func parses(_ source: String) throws {
        let condition = try Condition.parse(source)
        #expect(condition.source == source)
    }
}
