import Testing
@testable import FormrunnerCore

/// One condition, the answers it sees, and whether it holds.
struct EvaluationCase: CustomTestStringConvertible, Sendable {
    var source: String
    var answers: [String: AnswerValue]
    var expected: Bool

    init(_ source: String, _ answers: [String: AnswerValue], _ expected: Bool) {
        self.source = source
        self.answers = answers
        self.expected = expected
    }

    var testDescription: String { "\(source) with \(answers.isEmpty ? "no answers" : "\(answers)") is \(expected)" }
}

private func evaluate(_ source: String, _ answers: [String: AnswerValue]) throws -> Bool {
    let condition = try Condition.parse(source)
    #expect(condition.typeCheck(fields: sampleFields) == [], "test conditions must type-check")
    return condition.evaluate(answers)
}

private let file = AttachmentRef(name: "a.pdf", size: 10, mediaType: "application/pdf", sha256: "00")
private let none: [String: AnswerValue] = [:]

@Suite("Condition evaluation")
struct ConditionEvaluationTests {
    @Test(arguments: [
        EvaluationCase(#"name == "abc""#, ["name": .text("abc")], true),
        EvaluationCase(#"name == "abc""#, ["name": .text("Abc")], false),
        EvaluationCase(#"name == "abc""#, none, false),
        EvaluationCase(#"name != "abc""#, ["name": .text("abc")], false),
        EvaluationCase(#"name != "abc""#, ["name": .text("x")], true),
        EvaluationCase(#"name != "abc""#, none, false),
        EvaluationCase(#"name == """#, none, false),
        EvaluationCase(#"name == """#, ["name": .text("")], true),
        EvaluationCase(#"name != """#, none, false),
        EvaluationCase(#"name in ["a", "b"]"#, ["name": .text("b")], true),
        EvaluationCase(#"name in ["a", "b"]"#, ["name": .text("c")], false),
        EvaluationCase(#"name in ["a", "b"]"#, none, false),
        EvaluationCase(#"name not in ["a", "b"]"#, none, false),
        EvaluationCase(#"name not in ["a", "b"]"#, ["name": .text("a")], false),
        EvaluationCase(#"name contains "err""#, ["name": .text("an error")], true),
        EvaluationCase(#"name contains "err""#, ["name": .text("an ERROR")], false),
        EvaluationCase(#"name contains "err""#, none, false),
        EvaluationCase(#"name contains """#, ["name": .text("x")], true),
        EvaluationCase(#"name contains """#, none, false),
        EvaluationCase("empty(name)", none, true),
        EvaluationCase("empty(name)", ["name": .text("")], true),
        EvaluationCase("empty(name)", ["name": .text(" ")], false),
        EvaluationCase("not empty(name)", ["name": .text("x")], true),
        EvaluationCase("name == \"caf\u{E9}\"", ["name": .text("cafe\u{301}")], true),
    ])
    func text(_ example: EvaluationCase) throws {
        #expect(try evaluate(example.source, example.answers) == example.expected)
    }

    @Test(arguments: [
        EvaluationCase("amount == 10", ["amount": .number(10)], true),
        EvaluationCase("amount == 10", ["amount": .number(10.5)], false),
        EvaluationCase("amount == 10", none, false),
        EvaluationCase("amount != 10", none, false),
        EvaluationCase("amount != 10", ["amount": .number(10)], false),
        EvaluationCase("amount < 10", ["amount": .number(9.99)], true),
        EvaluationCase("amount < 10", ["amount": .number(10)], false),
        EvaluationCase("amount < 10", none, false),
        EvaluationCase("amount <= 10", ["amount": .number(10)], true),
        EvaluationCase("amount <= 10", none, false),
        EvaluationCase("amount > -3", ["amount": .number(-2)], true),
        EvaluationCase("amount > -3", ["amount": .number(-3)], false),
        EvaluationCase("amount > -3", none, false),
        EvaluationCase("amount >= 4.5", ["amount": .number(4.5)], true),
        EvaluationCase("amount >= 4.5", none, false),
        EvaluationCase("not (amount >= 4.5)", none, false),
        EvaluationCase("amount in [1, 2]", ["amount": .number(2)], true),
        EvaluationCase("amount in [1, 2]", none, false),
        EvaluationCase("amount not in [1, 2]", none, false),
        EvaluationCase("empty(amount)", none, true),
        EvaluationCase("empty(amount)", ["amount": .number(0)], false),
    ])
    func number(_ example: EvaluationCase) throws {
        #expect(try evaluate(example.source, example.answers) == example.expected)
    }

    @Test(arguments: [
        EvaluationCase("urgent", ["urgent": .boolean(true)], true),
        EvaluationCase("urgent", ["urgent": .boolean(false)], false),
        EvaluationCase("urgent", none, false),
        EvaluationCase("not urgent", ["urgent": .boolean(true)], false),
        EvaluationCase("not urgent", ["urgent": .boolean(false)], true),
        EvaluationCase("not urgent", none, false),
        EvaluationCase("urgent == true", ["urgent": .boolean(true)], true),
        EvaluationCase("urgent == false", ["urgent": .boolean(false)], true),
        EvaluationCase("urgent == false", none, false),
        EvaluationCase("urgent != true", none, false),
        EvaluationCase("empty(urgent)", none, true),
        EvaluationCase("empty(urgent)", ["urgent": .boolean(false)], false),
    ])
    func boolean(_ example: EvaluationCase) throws {
        #expect(try evaluate(example.source, example.answers) == example.expected)
    }

    @Test(arguments: [
        EvaluationCase(#"due == date("2025-01-31")"#, ["due": .date(LocalDate(year: 2025, month: 1, day: 31)!)], true),
        EvaluationCase(#"due == date("2025-01-31")"#, none, false),
        EvaluationCase(#"due != date("2025-01-31")"#, none, false),
        EvaluationCase(#"due < date("2025-01-31")"#, ["due": .date(LocalDate(year: 2024, month: 12, day: 31)!)], true),
        EvaluationCase(#"due < date("2025-01-31")"#, ["due": .date(LocalDate(year: 2025, month: 1, day: 31)!)], false),
        EvaluationCase(#"due <= date("2025-01-31")"#, ["due": .date(LocalDate(year: 2025, month: 1, day: 31)!)], true),
        EvaluationCase(#"due > date("2025-01-31")"#, ["due": .date(LocalDate(year: 2025, month: 2, day: 1)!)], true),
        EvaluationCase(#"due >= date("2025-01-31")"#, none, false),
        EvaluationCase(#"due in [date("2025-12-25")]"#, ["due": .date(LocalDate(year: 2025, month: 12, day: 25)!)], true),
        EvaluationCase("empty(due)", none, true),
    ])
    func date(_ example: EvaluationCase) throws {
        #expect(try evaluate(example.source, example.answers) == example.expected)
    }

    @Test(arguments: [
        EvaluationCase(#"impact == "minor""#, ["impact": .choice("minor")], true),
        EvaluationCase(#"impact == "minor""#, ["impact": .choice("critical")], false),
        EvaluationCase(#"impact == "minor""#, none, false),
        EvaluationCase(#"impact != "minor""#, none, false),
        EvaluationCase(#"impact != "minor""#, ["impact": .choice("minor")], false),
        EvaluationCase(#"impact in ["important", "critical"]"#, ["impact": .choice("critical")], true),
        EvaluationCase(#"impact in ["important", "critical"]"#, ["impact": .choice("minor")], false),
        EvaluationCase(#"impact in ["important", "critical"]"#, none, false),
        EvaluationCase(#"impact not in ["important", "critical"]"#, none, false),
        EvaluationCase(#""critical" == impact"#, ["impact": .choice("critical")], true),
        EvaluationCase("impact == name", ["impact": .choice("x"), "name": .text("x")], true),
        EvaluationCase("empty(impact)", none, true),
        EvaluationCase("empty(impact)", ["impact": .choice("minor")], false),
    ])
    func choice(_ example: EvaluationCase) throws {
        #expect(try evaluate(example.source, example.answers) == example.expected)
    }

    @Test(arguments: [
        EvaluationCase(#"channels contains "sms""#, ["channels": .choices(["email", "sms"])], true),
        EvaluationCase(#"channels contains "sms""#, ["channels": .choices(["email"])], false),
        EvaluationCase(#"channels contains "sms""#, ["channels": .choices([])], false),
        EvaluationCase(#"channels contains "sms""#, none, false),
        EvaluationCase(#"not channels contains "sms""#, none, false),
        EvaluationCase("channels contains impact", ["channels": .choices(["sms"]), "impact": .choice("sms")], true),
        EvaluationCase("empty(channels)", none, true),
        EvaluationCase("empty(channels)", ["channels": .choices([])], true),
        EvaluationCase("empty(channels)", ["channels": .choices(["sms"])], false),
        EvaluationCase("count(channels) == 2", ["channels": .choices(["sms", "email"])], true),
        EvaluationCase("count(channels) == 0", none, true),
        EvaluationCase("count(channels) > 0", none, false),
    ])
    func multichoice(_ example: EvaluationCase) throws {
        #expect(try evaluate(example.source, example.answers) == example.expected)
    }

    @Test(arguments: [
        EvaluationCase("count(evidence) > 0", ["evidence": .files([file])], true),
        EvaluationCase("count(evidence) > 0", ["evidence": .files([])], false),
        EvaluationCase("count(evidence) > 0", none, false),
        EvaluationCase("count(evidence) == 0", none, true),
        EvaluationCase("count(evidence) >= 2", ["evidence": .files([file, file])], true),
        EvaluationCase("empty(evidence)", none, true),
        EvaluationCase("empty(evidence)", ["evidence": .files([])], true),
        EvaluationCase("not empty(evidence)", ["evidence": .files([file])], true),
    ])
    func files(_ example: EvaluationCase) throws {
        #expect(try evaluate(example.source, example.answers) == example.expected)
    }

    @Test(arguments: [
        EvaluationCase("urgent and amount > 1", ["urgent": .boolean(true), "amount": .number(2)], true),
        EvaluationCase("urgent and amount > 1", ["urgent": .boolean(true)], false),
        EvaluationCase("urgent or amount > 1", ["amount": .number(2)], true),
        EvaluationCase("urgent or amount > 1", none, false),
        // `and` binds tighter than `or`: true or (false and false).
        EvaluationCase("urgent or amount > 1 and amount < 0", ["urgent": .boolean(true), "amount": .number(5)], true),
        EvaluationCase("(urgent or amount > 1) and amount < 0", ["urgent": .boolean(true), "amount": .number(5)], false),
        // `not` binds looser than a comparison and tighter than `and`.
        EvaluationCase("not amount > 1 and urgent", ["amount": .number(0), "urgent": .boolean(true)], true),
        EvaluationCase("not not urgent", ["urgent": .boolean(true)], true),
        EvaluationCase("(amount > 1) == urgent", ["amount": .number(5), "urgent": .boolean(true)], true),
        EvaluationCase("empty(name) == true", none, true),
        EvaluationCase("true", none, true),
        EvaluationCase("not false and 1 < 2", none, true),
    ])
    func logic(_ example: EvaluationCase) throws {
        #expect(try evaluate(example.source, example.answers) == example.expected)
    }

    @Test func answersOfTheWrongKindCompareLikeMissingOnes() throws {
        // Possible only when a condition is evaluated against answers it was not checked with.
        let answers: [String: AnswerValue] = ["amount": .text("10"), "urgent": .number(1), "name": .choices(["a"])]
        #expect(try Condition.parse("amount == 10").evaluate(answers) == false)
        #expect(try Condition.parse("amount != 10").evaluate(answers) == true)
        #expect(try Condition.parse("amount > 1").evaluate(answers) == false)
        #expect(try Condition.parse("urgent").evaluate(answers) == false)
        #expect(try Condition.parse("count(amount) == 0").evaluate(answers) == true)
        #expect(try Condition.parse(#"name contains "a""#).evaluate(answers) == true)
        #expect(try Condition.parse(#"amount contains "1""#).evaluate(answers) == true)
        #expect(try Condition.parse("missing").evaluate([:]) == false)
        #expect(try Condition.parse("3").evaluate([:]) == false)
    }

    @Test func twoAbsentAnswersAreNeitherEqualNorDifferent() throws {
        #expect(try Condition.parse("name == impact").evaluate([:]) == false)
        #expect(try Condition.parse("name != impact").evaluate([:]) == false)
    }
}
