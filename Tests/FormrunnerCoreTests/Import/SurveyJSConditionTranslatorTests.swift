@testable import FormrunnerCore
import Testing

/// SurveyJS expressions in formrunner's condition language, and the ones refused with their reason.
@Suite("SurveyJS conditions")
struct SurveyJSConditionTranslatorTests {
    static let translator = SurveyJSConditionTranslator(questions: [
        "name": .init(id: "name", kind: .text),
        "age": .init(id: "age", kind: .number),
        "day": .init(id: "day", kind: .date),
        "ok": .init(id: "ok", kind: .boolean),
        "kind": .init(id: "kind", kind: .choice([("Web", "web"), ("in store", "in_store")])),
        "nps": .init(id: "nps", kind: .choice([("1", "1"), ("2", "2"), ("3", "3")])),
        "tags": .init(id: "tags", kind: .multichoice([("a", "a"), ("b", "b")])),
        "at": .init(id: "at", kind: .dateTime),
    ])

    @Test("the supported subset is written in formrunner's syntax", arguments: [
        ("{name} = 'Ana'", "name == \"Ana\""),
        ("{name} <> \"Ana\"", "name != \"Ana\""),
        ("{name} contains 'an'", "name contains \"an\""),
        ("{name} notcontains 'x'", "not name contains \"x\""),
        ("{age} > 3", "age > 3"),
        ("18 <= {age}", "age >= 18"),
        ("{age} anyof [1, 2]", "age in [1, 2]"),
        ("{day} < '2024-01-31'", "day < date(\"2024-01-31\")"),
        ("{ok} = true", "ok == true"),
        ("{ok}", "ok"),
        ("!{ok}", "not ok"),
        ("{kind} = 'web'", "kind == \"web\""),
        ("{kind} noneof ['In Store']", "kind not in [\"in_store\"]"),
        ("{nps} > 1", "nps in [\"2\", \"3\"]"),
        ("{tags} contains 'a'", "tags contains \"a\""),
        ("{tags} anyof ['a', 'b']", "(tags contains \"a\" or tags contains \"b\")"),
        ("{tags} allof ['a', 'b']", "(tags contains \"a\" and tags contains \"b\")"),
        ("{tags} noneof ['a']", "not tags contains \"a\""),
        ("{name} notempty and ({age} > 1 or {ok} = false)", "answered(name) and (age > 1 or ok == false)"),
        ("{name} empty || {age} == 2 && {ok}", "empty(name) or age == 2 and ok"),
        ("not ({age} > 1 or {ok})", "not (age > 1 or ok)"),
        ("{age} >= {nps}", "age >= nps"),
    ])
    func translates(_ source: String, _ expected: String) throws {
        #expect(try Self.translator.translate(source) == expected)
    }

    @Test("what has no equivalent is refused with the reason", arguments: [
        ("age({day}) > 30", "the function 'age()' has no formrunner equivalent"),
        ("{age} + 1 > 3", "arithmetic ('+') has no formrunner equivalent"),
        ("{later} = 1", "it reads '{later}', which is not a question imported before it"),
        ("{kind} = 'phone'", "'phone' is not one of the question's choices"),
        ("{kind} > 1", "'>' orders choices that are not all numbers"),
        ("{at} = '2024-01-01T10:00'", "'=' on this question has no formrunner equivalent"),
        ("{age} = 'many'", "it compares a number with text"),
        ("{name}", "'{name}' alone is not true or false"),
        ("({age} > 1", "a '(' is not closed"),
        ("{age", "a '{' is not closed"),
    ])
    func refuses(_ source: String, _ reason: String) {
        #expect(throws: SurveyJSExpression.Refusal(reason)) { try Self.translator.translate(source) }
    }
}
