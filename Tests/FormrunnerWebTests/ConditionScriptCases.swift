import FormrunnerCore

/// The conditions `ConditionScriptTests` runs through both the Swift evaluator and the browser
/// script: well-typed expressions over fields of every condition type, each evaluated against
/// every answer scenario (values present, absent, empty, Unicode), and texts that must not parse.
enum ConditionScriptCases {
    /// The fields the expressions may read, as the catalog would type them.
    static let fields: [String: ConditionFieldType] = [
        "name": .text, "notes": .text, "mail": .text, "acct": .text, "ref-code": .text,
        "amount": .number, "qty": .number,
        "due": .date,
        "urgent": .boolean,
        "kind": .choice(options: ["setup", "billing", "other"]),
        "env": .choice(options: ["production", "staging"]),
        "channels": .multichoice(options: ["sms", "email", "push"]),
        "evidence": .files,
    ]

    /// Answer sets; a field missing from a set is unanswered or hidden.
    static let scenarios: [[String: AnswerValue]] = [
        [:],
        [
            "name": .text("Ana Souza"), "notes": .text("line one\nline two"), "mail": .text("ana@example.com"),
            "acct": .text("store-1"), "ref-code": .text("A-1"), "amount": .number(1500), "qty": .number(3),
            "due": date("2025-01-31"), "urgent": .boolean(true), "kind": .choice("setup"),
            "env": .choice("production"), "channels": .choices(["sms", "push"]), "evidence": files(2),
        ],
        [
            "name": .text("Bruno"), "notes": .text("x"), "mail": .text("b@x.io"), "acct": .text("store-2"),
            "amount": .number(-3.5), "qty": .number(0), "due": date("2024-02-29"), "urgent": .boolean(false),
            "kind": .choice("billing"), "env": .choice("staging"), "channels": .choices(["email"]), "evidence": files(1),
        ],
        [
            "name": .text(""), "amount": .number(1000), "due": date("2025-03-01"), "kind": .choice("other"),
            "channels": .choices([]), "evidence": files(0), "acct": .text("store-2"),
        ],
        [
            "urgent": .boolean(false), "amount": .number(999.99), "qty": .number(5), "name": .text("caf\u{E9}"),
            "channels": .choices(["sms", "email", "push"]), "env": .choice("production"), "ref-code": .text("B"),
        ],
        ["name": .text("cafe\u{301}"), "kind": .choice("setup"), "amount": .number(-0.0), "urgent": .boolean(true)],
    ]

    /// Well-typed conditions; each is evaluated in every scenario.
    static let expressions: [String] = [
        #"name == "Ana Souza""#, #"name != "Ana Souza""#, #"name == """#, #"name != """#,
        #"name in ["Ana Souza", "Bruno"]"#, #"name not in ["Ana Souza", ""]"#, #"name in [""]"#,
        #"name contains "Souza""#, #"name contains """#, "name contains \"caf\u{E9}\"", #"name contains "e""#,
        "name == \"caf\u{E9}\"", #"notes contains "two""#, #"notes == 'line one\nline two'"#,
        #"mail contains "@example.com" or acct == "store-2""#, #"ref-code == "A-1""#, #"name == 'it\'s' or name != "a\\b""#,
        "amount >= 1000", "amount < 1000", "amount <= -3.5", "amount > -4 and amount != 1500", "amount == 1500.0",
        "amount in [1000, 1500, -3.5]", "amount not in [1000]", "qty == 0", "amount == -0", "amount > qty",
        "qty >= 0 and qty <= 5 or amount == 999.99", "amount != 999.990",
        #"due < date("2025-02-01")"#, #"due >= date("2025-01-31")"#, #"due == date("2024-02-29")"#,
        #"due != date("2024-02-29")"#, #"due in [date("2025-01-31"), date("2025-03-01")]"#,
        #"due > date("2024-12-31") and due <= date("2025-12-31")"#, #"due not in [date("2024-02-29")]"#, "due == due",
        "urgent", "not urgent", "urgent == true", "urgent == false", "urgent != true", "urgent in [true]",
        "urgent not in [false]", "urgent == urgent", "not not urgent", "not not not not urgent", "((((urgent))))",
        #"kind == "setup""#, #"kind != "setup""#, #"kind in ["setup", "billing"]"#, #"kind not in ["setup", "billing"]"#,
        "kind in []", "kind not in []", "kind == env", "name == acct", #"name contains kind"#,
        #"channels contains "sms""#, #"not (channels contains "email")"#, "channels contains kind",
        "count(channels) > 1", "count(channels) == 0", "count(evidence) > 0", "count(evidence) >= 2",
        "count(channels) == count(evidence)", "empty(evidence)", "empty(name)", "not empty(amount)",
        "empty(channels)", "empty(urgent) or urgent", "answered(name)", "not answered(urgent)", "answered(channels) and urgent",
        "urgent or not urgent", #"name != "x" or empty(name)"#, #"not (kind == "setup" and urgent)"#, "empty(name) == true", "not empty(due) and not empty(kind)",
        #"not kind == "setup""#, #"urgent or kind == "billing" and env == "staging""#,
        #"(urgent or kind == "billing") and env == "staging""#,
        #"env == "production" and (amount >= 1000 or urgent) and not empty(mail)"#,
        #"(kind == "setup") == urgent"#, "true", "false or not false", #""a" == "a""#,
        #"1 < 2 and date("2025-01-01") < date("2025-01-02")"#, " \turgent\nand\u{A0}not empty(kind)\u{3000}",
    ]

    /// Texts the server refuses to parse; the script must refuse them too (and then show the field).
    static let syntaxErrors: [String] = [
        "", "   ", "name ==", #"name == "a" == "b""#, "amount > 1 < 2", "kind in env", "kind in [env]",
        "kind not env", "urgent && urgent", "amount = 1", "amount === 1", "!urgent", "(urgent", "urgent)",
        "[1]", #"name == "abc"#, #"name == 'it\x'"#, "amount == 12abc", "amount == 1.", "amount == .5",
        "amount - 1 > 0", "foo(name)", "empty(1)", "count()", "date(1) == due", #"due == date("2025-13-01")"#,
        #"due == date("2025-02-30")"#, #"due == date("2025-1-31")"#, "name contains", "amount in [1,]",
        "amount in [1", #"kind not in ["a"] not in ["b"]"#, #"name contains "b" contains "c""#,
        "name == \u{201C}a\u{201D}", "urgent AND urgent", "urgent and", "not", "true true", "(urgent) (urgent)",
        #"kind in [date("2025-01-01"), setup]"#, "amount == 1e5", "amount == " + String(repeating: "9", count: 400),
        String(repeating: "(", count: 65) + "urgent" + String(repeating: ")", count: 65),
        String(repeating: "not ", count: 65) + "urgent", "name == \"" + String(repeating: "x", count: 1991) + "\"",
        "empty(name", "count(evidence) >", "amount == 1 2", "a\u{E9} == 1",
    ]

    /// Conditions at the limits, which must parse (and type-check).
    static let limits: [String] = [
        String(repeating: "(", count: 64) + "urgent" + String(repeating: ")", count: 64),
        String(repeating: "not ", count: 64) + "urgent",
        "name == \"" + String(repeating: "x", count: 1990) + "\"",
    ]

    /// One run: an expression and the index of its scenario.
    struct Case {
        var expression: String
        var scenario: Int
    }

    /// Every case: each expression (and limit) in every scenario, then each syntax error once.
    static var all: [Case] {
        (expressions + limits).flatMap { text in scenarios.indices.map { Case(expression: text, scenario: $0) } }
            + syntaxErrors.map { Case(expression: $0, scenario: 1) }
    }

    private static func date(_ text: String) -> AnswerValue {
        guard let day = LocalDate(iso: text) else { preconditionFailure("bad test date \(text)") }
        return .date(day)
    }

    private static func files(_ count: Int) -> AnswerValue {
        .files((0..<count).map { AttachmentRef(name: "f\($0).pdf", size: 10, mediaType: "application/pdf",
                                               sha256: String(repeating: "\($0)", count: 64)) })
    }

    /// A scenario as the script's answers: `{type, value}` objects mirroring ``AnswerValue``.
    static func javaScriptAnswers(_ answers: [String: AnswerValue]) -> [String: Any] {
        answers.mapValues { value -> Any in
            switch value {
            case .text(let text): return ["type": "text", "value": text] as [String: Any]
            case .choice(let id): return ["type": "choice", "value": id] as [String: Any]
            case .number(let number): return ["type": "number", "value": number] as [String: Any]
            case .boolean(let flag): return ["type": "boolean", "value": flag] as [String: Any]
            case .date(let day): return ["type": "date", "value": day.description] as [String: Any]
            case .dateTime(let time): return ["type": "date", "value": time.description] as [String: Any]
            case .choices(let ids): return ["type": "choices", "value": ids] as [String: Any]
            case .files(let refs): return ["type": "files", "value": refs.count] as [String: Any]
            }
        }
    }
}
