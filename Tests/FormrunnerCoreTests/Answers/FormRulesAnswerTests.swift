import Foundation
import FormrunnerCore
import Testing

/// The validation keys of the definition language (`pattern`, `format`, `datetime`, date bounds,
/// `must_be`, options that must be chosen, `rules:`) and notes and sections, checked on answers
/// exactly as `--answers`, `tickets create`, the terminal and the web check them.
@Suite("Validation rules on answers")
struct FormRulesAnswerTests {
    static let loaded = CatalogLoader(root: Fixtures.blocks).load()
    /// 2026-12-03 15:00 UTC: 12:00 in São Paulo, the form's calendar zone.
    static let now = Date(timeIntervalSince1970: 1_796_310_000)

    /// Answers that satisfy every rule of `incident.report`.
    static let valid: [String: RawAnswer] = [
        "checks": .list(["searched"]), "agree": .single("yes"), "title": .single("Checkout is down"),
        "started_at": .single("2026-12-03 08:30"), "start_date": .single("2026-12-01"),
    ]

    func check(_ changes: [String: RawAnswer?]) throws -> Result<FormAnswers.Checked, AnswerProblems> {
        let form = try #require(Self.loaded.catalog.forms["incident.report"])
        var checker = FormAnswers(form: form)
        checker.parser.now = Self.now
        var raw = Self.valid
        for (key, value) in changes { raw[key] = value }
        return checker.check(raw)
    }

    func problems(_ changes: [String: RawAnswer?]) throws -> [String] {
        guard case .failure(let problems) = try check(changes) else { return [] }
        return problems.problems.map(\.description)
    }

    @Test("the fixture catalog loads without a problem")
    func loads() {
        #expect(Self.loaded.diagnostics.isEmpty, "\(Self.loaded.diagnostics)")
    }

    @Test("valid answers are accepted; a phone number is kept in E.164 and a datetime in the calendar's zone")
    func accepted() throws {
        let result = try check(["phone": .single("+55 (11) 99999-0000"), "started_at": .single("2026-12-03T11:00Z")])
        guard case .success(let checked) = result else { Issue.record("refused: \(result)"); return }
        #expect(checked.values["phone"] == .text("+5511999990000"))
        #expect(checked.values["started_at"]?.plainText == "2026-12-03T08:00")
        #expect(checked.values["intro"] == nil)
        #expect(checked.values["refund_note"] == nil)
    }

    @Test("a pattern refuses with its own message")
    func pattern() throws {
        #expect(try problems(["order": .single("123456")])
                == ["order: Write the order number as ORD- and six digits (ORD-123456)."])
        #expect(try problems(["order": .single("ORD-123456"), "refund": .single("no")]).isEmpty)
    }

    @Test("url, e-mail and phone formats give exact messages")
    func formats() throws {
        #expect(try problems(["site": .single("shop.example.com")])
                == ["site: 'shop.example.com' is not a web address (https://example.com)"])
        #expect(try problems(["phone": .single("11 99999-0000")])
                == ["phone: '11 99999-0000' is not a phone number in international format (+5511999990000)"])
        #expect(try problems(["site": .single("https://shop.example.com/checkout")]).isEmpty)
    }

    @Test("datetime answers must be dates and times within min and max (today in the calendar's zone)")
    func dateTimes() throws {
        #expect(try problems(["started_at": .single("yesterday")])
                == ["started_at: 'yesterday' is not a date and time; write YYYY-MM-DD HH:MM"])
        #expect(try problems(["started_at": .single("2026-12-04 00:10")])
                == ["started_at: must be on or before 2026-12-03 (today), got 2026-12-04T00:10"])
        #expect(try problems(["started_at": .single("2019-12-31 23:59")])
                == ["started_at: must be on or after 2020-01-01, got 2019-12-31T23:59"])
        // 2026-12-04T01:00Z is still 2026-12-03 in São Paulo.
        #expect(try problems(["started_at": .single("2026-12-04T01:00Z")]).isEmpty)
    }

    @Test("date bounds relative to today give the day they mean")
    func relativeDates() throws {
        #expect(try problems(["start_date": .single("2026-12-04")])
                == ["start_date: must be on or before 2026-12-03 (today), got 2026-12-04"])
        #expect(try problems(["start_date": .single("2025-12-02")])
                == ["start_date: must be on or after 2025-12-03 (today-365d), got 2025-12-02"])
    }

    @Test("a must_be box must be accepted, whether answered no or left out")
    func mustBe() throws {
        #expect(try problems(["agree": .single("no")]) == ["agree: 'I agree to the terms of service' must be accepted"])
        #expect(try problems(["agree": nil]) == ["agree: 'I agree to the terms of service' must be accepted"])
    }

    @Test("options with required: true must be chosen")
    func requiredOptions() throws {
        #expect(try problems(["checks": .list(["status"])]) == ["checks: must include 'I searched the existing tickets'"])
        #expect(try problems(["checks": nil]) == ["checks: must include 'I searched the existing tickets'"])
    }

    @Test("a rule comparing two fields is reported at its field, and does not apply while one is unanswered")
    func rules() throws {
        #expect(try problems(["end_date": .single("2026-11-30")])
                == ["end_date: The last day affected must be on or after the first day."])
        #expect(try problems(["end_date": .single("2026-12-02")]).isEmpty)
        #expect(try problems(["end_date": nil]).isEmpty)
        // A field with its own problem is not also reported by a rule.
        #expect(try problems(["end_date": .single("2026-13-01")])
                == ["end_date: '2026-13-01' is not a date; write YYYY-MM-DD"])
    }

    @Test("a note takes no answer")
    func notes() throws {
        #expect(try problems(["intro": .single("hello")]) == ["intro: 'intro' is a note, not a question; it takes no answer"])
    }

    @Test("a section's when hides its fields: their answers are dropped")
    func sections() throws {
        let result = try check(["refund": .single("yes")])
        guard case .success(let checked) = result else { Issue.record("refused: \(result)"); return }
        #expect(checked.values["refund"] == nil)
        #expect(checked.ignored == ["refund"])
        let form = try #require(Self.loaded.catalog.forms["incident.report"])
        #expect(form.sections.map(\.fieldIDs) == [["intro", "checks", "agree"],
                                                 ["title", "order", "site", "phone", "started_at", "start_date", "end_date"],
                                                 ["refund_note", "refund"]])
    }
}
