import FormrunnerCore
import Testing

/// The meaning of a condition that reads an absent answer (a field unanswered, or hidden by its own
/// condition): any comparison with it is unknown, `not` keeps unknown, `and`/`or` follow Kleene's
/// three-valued logic, and a condition that ends unknown does not hold. `empty()` and `answered()`
/// are never unknown.
@Suite struct ConditionTruthTableTests {
    static let fields: [String: ConditionFieldType] = [
        "b": .boolean, "c": .boolean, "x": .choice(options: ["a", "z"]), "n": .number,
    ]

    /// What `b` is in each column: absent, true, false.
    static let columns: [(String, [String: AnswerValue])] = [
        ("absent", [:]), ("true", ["b": .boolean(true)]), ("false", ["b": .boolean(false)]),
    ]

    /// expression → holds with b absent, b true, b false (c true, x "a" and n 5 in every column
    /// unless the expression is about them).
    static let table: [(String, [Bool])] = [
        ("b", [false, true, false]),
        ("not b", [false, false, true]),
        ("not not b", [false, true, false]),
        ("b == true", [false, true, false]),
        ("b != true", [false, false, true]),
        ("b == false", [false, false, true]),
        ("b in [true]", [false, true, false]),
        ("b not in [true]", [false, false, true]),
        ("b and c", [false, true, false]),
        ("b or c", [true, true, true]),
        ("b and not c", [false, false, false]),
        ("b or not c", [false, true, false]),
        ("not (b and c)", [false, false, true]),
        ("not (b or not c)", [false, false, true]),
        ("b or not b", [false, true, true]),
        ("empty(b)", [true, false, false]),
        ("answered(b)", [false, true, true]),
        ("not answered(b)", [true, false, false]),
        ("empty(b) or b", [true, true, false]),
        ("answered(b) and not b", [false, false, true]),
    ]

    @Test(arguments: table)
    func aConditionOverAnAbsentAnswerHoldsOnlyWhereTheTableSays(_ row: (String, [Bool])) throws {
        let condition = try Condition.parse(row.0)
        #expect(condition.typeCheck(fields: Self.fields) == [])
        for (index, (name, answers)) in Self.columns.enumerated() {
            let given = answers.merging(["c": .boolean(true), "x": .choice("a"), "n": .number(5)]) { $1 }
            #expect(condition.evaluate(given) == row.1[index], "\(row.0) with b \(name)")
        }
    }

    @Test func everyComparisonWithAnAbsentChoiceOrNumberIsFalseAndSoIsItsNegation() throws {
        let absent: [String: AnswerValue] = [:]
        for source in [#"x == "a""#, #"x != "a""#, #"x in ["a"]"#, #"x not in ["a"]"#, #"not x == "a""#,
                       "n > 1", "n <= 1", "n == 5", "n != 5", "not n < 3"] {
            #expect(try Condition.parse(source).evaluate(absent) == false, "\(source)")
        }
        for source in ["empty(x)", "empty(n)", "count(x) == 0", "not answered(n)"] {
            #expect(try Condition.parse(source).evaluate(absent) == true, "\(source)")
        }
    }
}
