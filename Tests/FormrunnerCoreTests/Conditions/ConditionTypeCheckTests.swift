import Testing
@testable import FormrunnerCore

/// The fields the type-check and evaluation tests see.
let sampleFields: [String: ConditionFieldType] = [
    "name": .text,
    "amount": .number,
    "urgent": .boolean,
    "due": .date,
    "evidence": .files,
    "impact": .choice(options: ["minor", "important", "critical"]),
    "environment": .choice(options: ["production", "staging"]),
    "channels": .multichoice(options: ["email", "sms", "phone"]),
]

/// One condition that parses but does not type-check, with the exact (single) error.
struct TypeErrorCase: CustomTestStringConvertible, Sendable {
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

@Suite("Condition type checking")
struct ConditionTypeCheckTests {
    static let cases: [TypeErrorCase] = [
        // Unknown fields.
        .init("amout > 3", "unknown field 'amout'; did you mean 'amount'?", at: 0, 5),
        .init("zzz == 1", "unknown field 'zzz'", at: 0, 3),
        .init("empty(nam)", "unknown field 'nam'; did you mean 'name'?", at: 6, 3),
        .init("True", "unknown field 'True'; did you mean 'true'?", at: 0, 4),
        // Mismatched comparisons.
        .init(#"amount == "10""#, "cannot compare number field 'amount' with text", at: 10, 4),
        .init(#""10" == amount"#, "cannot compare number field 'amount' with text", at: 0, 4),
        .init(#"urgent == "yes""#, "cannot compare boolean field 'urgent' with text", at: 10, 5),
        .init(#"due == "2025-01-31""#, #"cannot compare date field 'due' with text; write date("2025-01-31")"#, at: 7, 12),
        .init("amount > due", "cannot compare number field 'amount' with date field 'due'", at: 9, 3),
        .init("impact == 3", "cannot compare choice field 'impact' with a number", at: 10),
        .init(#"name != date("2025-01-31")"#, "cannot compare text field 'name' with a date", at: 8, 18),
        .init(#"1 == "a""#, "cannot compare a number with text", at: 5, 3),
        .init(#"amount in ["1", 2]"#, "cannot compare number field 'amount' with text", at: 11, 3),
        .init("count(evidence) == true", "cannot compare a number with a boolean", at: 19, 4),
        // Options.
        .init(#"impact == "critcal""#, "'critcal' is not an option of 'impact'; did you mean 'critical'?", at: 10, 9),
        .init(#"impact in ["minor", "majr"]"#, "'majr' is not an option of 'impact'", at: 20, 6),
        .init(#""prod" != environment"#, "'prod' is not an option of 'environment'; did you mean 'production'?", at: 0, 6),
        .init(#"channels contains "fax""#, "'fax' is not an option of 'channels'", at: 18, 5),
        .init(#"channels contains "sns""#, "'sns' is not an option of 'channels'; did you mean 'sms'?", at: 18, 5),
        // Ordering.
        .init(#"name < "b""#, "ordering ('<') applies to numbers and dates, and 'name' is text", at: 0, 4),
        .init(#"impact >= "minor""#, "ordering ('>=') applies to numbers and dates, and 'impact' is a choice field", at: 0, 6),
        .init(#"amount <= "9""#, #"ordering ('<=') applies to numbers and dates, and "9" is text"#, at: 10, 3),
        .init("(amount > 1) < 3", "ordering ('<') applies to numbers and dates, and amount > 1 is a boolean", at: 1, 10),
        .init("evidence > 0", "ordering ('>') applies to numbers and dates, and 'evidence' is a files field", at: 0, 8),
        // Collections.
        .init(#"channels == "sms""#, "'==' does not apply to multichoice field 'channels'; use 'contains'", at: 0, 8),
        .init(#"channels in ["sms"]"#, "'in' does not apply to multichoice field 'channels'; use 'contains'", at: 0, 8),
        .init("evidence != 0", "'!=' does not apply to files field 'evidence'; use empty() or count()", at: 0, 8),
        .init(#"evidence not in ["a"]"#, "'not in' does not apply to files field 'evidence'; use empty() or count()", at: 0, 8),
        .init("count(name) > 0", "count() applies to multichoice, files and group fields, and 'name' is text", at: 6, 4),
        .init("count(impact) > 0", "count() applies to multichoice, files and group fields, and 'impact' is a choice field", at: 6, 6),
        // contains.
        .init(#"amount contains "1""#, "'contains' applies to text and multichoice fields, and 'amount' is a number", at: 0, 6),
        .init(#"impact contains "minor""#, "'contains' applies to text and multichoice fields, and 'impact' is a choice field; use '==' or 'in'", at: 0, 6),
        .init("channels contains 3", "cannot look for a number in multichoice field 'channels'", at: 18),
        .init("name contains amount", "cannot look for number field 'amount' in text field 'name'", at: 14, 6),
        // The condition must be true or false.
        .init("count(evidence)", "count(evidence) is a number, not true or false", at: 0, 15),
        .init("name", "'name' is text, not true or false; write answered(name) to test for an answer", at: 0, 4),
        .init("not amount", "'amount' is a number, not true or false; write answered(amount) to test for an answer", at: 4, 6),
        .init("amount > 1 and channels", "'channels' is a multichoice field, not true or false; write answered(channels) to test for an answer", at: 15, 8),
        .init("(impact)", "'impact' is a choice field, not true or false; write answered(impact) to test for an answer", at: 1, 6),
        .init(#"urgent or "yes""#, #""yes" is text, not true or false"#, at: 10, 5),
        .init("3", "3 is a number, not true or false", at: 0),
        .init(#"date("2025-01-31")"#, #"date("2025-01-31") is a date, not true or false"#, at: 0, 18),
    ]

    @Test(arguments: cases)
    func reportsTheExactError(_ example: TypeErrorCase) throws {
        let condition = try Condition.parse(example.source)
        #expect(condition.typeCheck(fields: sampleFields)
                == [ConditionError(message: example.message, offset: example.offset, length: example.length)])
    }

    @Test(arguments: [
        "urgent",
        "not urgent",
        "urgent == true and urgent != false",
        #"impact in ["important", "critical"] and environment == "production""#,
        #""minor" == impact"#,
        #"impact not in ["minor"]"#,
        "impact == environment",
        "impact != name",
        #"name == "x" or name in ["a", "b"] or name contains "y""#,
        "name contains impact",
        "not empty(name) and not empty(evidence) and empty(channels) and empty(due)",
        "count(evidence) > 0 or count(channels) >= 2",
        #"channels contains "sms""#,
        "channels contains impact",
        "amount >= 1000 or urgent",
        "amount in [1, 2, 3.5]",
        "0 < amount",
        "amount == count(evidence)",
        #"due < date("2025-01-31") and due >= date("2024-01-01")"#,
        #"due in [date("2025-12-25")]"#,
        "(amount > 1) == true",
        "empty(amount) != urgent",
        "true",
        "not (amount > 1 or (urgent and not false))",
    ])
    func acceptsWellTypedConditions(_ source: String) throws {
        #expect(try Condition.parse(source).typeCheck(fields: sampleFields) == [])
    }

    @Test func reportsEveryErrorLeftToRight() throws {
        let condition = try Condition.parse(#"amount > 0 or amout < 0 and urgent == 1 or impact == "huge""#)
        #expect(condition.typeCheck(fields: sampleFields) == [
            ConditionError(message: "unknown field 'amout'; did you mean 'amount'?", offset: 14, length: 5),
            ConditionError(message: "cannot compare boolean field 'urgent' with a number", offset: 38, length: 1),
            ConditionError(message: "'huge' is not an option of 'impact'", offset: 53, length: 6),
        ])
    }

    @Test func reportsEachBadListItem() throws {
        let condition = try Condition.parse(#"impact in ["minr", "important", 3]"#)
        #expect(condition.typeCheck(fields: sampleFields) == [
            ConditionError(message: "'minr' is not an option of 'impact'; did you mean 'minor'?", offset: 11, length: 6),
            ConditionError(message: "cannot compare choice field 'impact' with a number", offset: 32, length: 1),
        ])
    }

    @Test func everyUseOfAnUnknownFieldIsReported() throws {
        let condition = try Condition.parse("missing > 3 and not missing")
        #expect(condition.typeCheck(fields: sampleFields).map(\.message) == [
            "unknown field 'missing'", "unknown field 'missing'",
        ])
        #expect(try Condition.parse("missing").typeCheck(fields: [:]).map(\.message) == ["unknown field 'missing'"])
    }

    @Test func fieldsThatAreNotVisibleAreUnknown() throws {
        let condition = try Condition.parse("amount > 3")
        #expect(condition.typeCheck(fields: [:]) == [ConditionError(message: "unknown field 'amount'", offset: 0, length: 6)])
    }

    @Test func choiceWithoutKnownOptionsAcceptsAnyId() throws {
        let condition = try Condition.parse(#"impact == "anything""#)
        #expect(condition.typeCheck(fields: ["impact": .choice(options: [])]) == [])
    }
}
