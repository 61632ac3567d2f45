import Testing
@testable import FormrunnerCore

@Suite("Condition limits and structure")
struct ConditionLimitTests {
    @Test func aTenThousandDeepInputFailsQuickly() {
        let source = String(repeating: "(", count: 10_000) + "urgent" + String(repeating: ")", count: 10_000)
        #expect(throws: ConditionError(message: "the condition is too long (20006 characters; the limit is 2000)",
                                       offset: 2000, length: 18_006)) {
            try Condition.parse(source)
        }
    }

    @Test func sixtyFourParenthesesAreAccepted() throws {
        let source = String(repeating: "(", count: 64) + "urgent" + String(repeating: ")", count: 64)
        let condition = try Condition.parse(source)
        #expect(condition.evaluate(["urgent": .boolean(true)]))
        #expect(condition.typeCheck(fields: ["urgent": .boolean]) == [])
    }

    @Test func theSixtyFifthLevelIsAnError() {
        let source = String(repeating: "(", count: 65) + "urgent" + String(repeating: ")", count: 65)
        #expect(throws: ConditionError(message: "the condition nests too deeply (more than 64 levels)", offset: 64)) {
            try Condition.parse(source)
        }
    }

    @Test func deepNestingWithinTheLengthLimitIsAnError() {
        let source = String(repeating: "(", count: 1_990)
        #expect(throws: ConditionError(message: "the condition nests too deeply (more than 64 levels)", offset: 64)) {
            try Condition.parse(source)
        }
    }

    @Test func notsCountTowardsTheDepth() throws {
        let deep = String(repeating: "not ", count: 65) + "urgent"
        #expect(throws: ConditionError(message: "the condition nests too deeply (more than 64 levels)", offset: 256, length: 3)) {
            try Condition.parse(deep)
        }
        let mixed = String(repeating: "not (", count: 32) + "urgent" + String(repeating: ")", count: 32)
        #expect(try Condition.parse(mixed).evaluate(["urgent": .boolean(true)]) == true)
        let tooMixed = "not " + mixed
        #expect(throws: ConditionError(message: "the condition nests too deeply (more than 64 levels)", offset: 160, length: 3)) {
            try Condition.parse("(" + tooMixed + ")")
        }
    }

    @Test func longFlatChainsAreFine() throws {
        // Up to the length limit, with no nesting: `and`/`or` keep flat operand lists.
        let terms = (0..<199).map { $0.isMultiple(of: 2) ? "a or" : "b and" }.joined(separator: " ") + " c"
        #expect(terms.unicodeScalars.count <= Condition.maximumLength)
        let condition = try Condition.parse(terms)
        #expect(condition.referencedFields == ["a", "b", "c"])
        #expect(condition.evaluate(["c": .boolean(true)]) == true)
    }

    @Test func exactlyTheMaximumLengthIsAccepted() throws {
        let source = "name == \"" + String(repeating: "x", count: Condition.maximumLength - 10) + "\""
        #expect(source.unicodeScalars.count == Condition.maximumLength)
        _ = try Condition.parse(source)
        #expect(throws: ConditionError.self) { try Condition.parse(source + " ") }
    }

    @Test func lengthIsCountedInUnicodeScalars() throws {
        let emoji = "👍🏽" // two scalars, one character
        let source = "name == \"" + String(repeating: emoji, count: 995) + "\""
        #expect(source.unicodeScalars.count == 2000)
        _ = try Condition.parse(source)
        #expect(throws: ConditionError(message: "the condition is too long (2002 characters; the limit is 2000)",
                                       offset: 2000, length: 2)) {
            try Condition.parse("name == \"" + String(repeating: emoji, count: 996) + "\"")
        }
    }

    @Test(arguments: [
        ("urgent", ["urgent"]),
        (#"impact in ["a"] and environment == "b""#, ["impact", "environment"]),
        ("amount > 1 or not empty(agency) or amount < 0 or count(evidence) > 1", ["amount", "agency", "evidence"]),
        (#"b == a and a contains "x" and c == b"#, ["b", "a", "c"]),
        (#"true and 1 < 2 and "a" in ["a"]"#, []),
        (#"due > date("2025-01-31")"#, ["due"]),
        ("(((x)))", ["x"]),
    ] as [(String, [String])])
    func referencedFields(_ source: String, _ expected: [String]) throws {
        #expect(try Condition.parse(source).referencedFields == expected)
    }

    @Test func conditionsAreEqualByTheirSource() throws {
        #expect(try Condition.parse("a and b") == Condition.parse("a and b"))
        #expect(try Condition.parse("a and b") != Condition.parse("a  and b"))
        #expect(try Set([Condition.parse("a"), Condition.parse("a")]).count == 1)
        #expect(try Condition.parse("a").description == "a")
    }
}
