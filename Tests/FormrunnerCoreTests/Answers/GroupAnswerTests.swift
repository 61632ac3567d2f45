import Foundation
import FormrunnerCore
import Testing

/// Repeatable groups (`type: group`): answers as a list of items, each checked like a small form,
/// every problem named by the item's 1-based index; `count()` in conditions and rules.
@Suite("Repeatable groups on answers")
struct GroupAnswerTests {
    static let loaded = CatalogLoader(root: Fixtures.repository + "/Tests/Fixtures/groups").load()

    static func item(_ id: String, _ amount: String, reason: String? = nil, photo: String? = nil) -> [String: RawAnswer] {
        var item: [String: RawAnswer] = ["order_id": .single(id), "amount": .single(amount)]
        if let reason { item["reason"] = .single(reason) }
        if let photo { item["photo_note"] = .single(photo) }
        return item
    }

    func check(_ raw: [String: RawAnswer]) throws -> Result<FormAnswers.Checked, AnswerProblems> {
        let form = try #require(Self.loaded.catalog.forms["refund.orders"])
        return FormAnswers(form: form).check(raw)
    }

    func problems(_ raw: [String: RawAnswer]) throws -> [String] {
        guard case .failure(let problems) = try check(raw) else { return [] }
        return problems.problems.map(\.description)
    }

    @Test("the fixture catalog with a group loads without a problem")
    func loads() throws {
        #expect(Self.loaded.diagnostics.isEmpty, "\(Self.loaded.diagnostics)")
        let group = try #require(Self.loaded.catalog.forms["refund.orders"]?.field("orders"))
        #expect(group.type == .group)
        #expect(group.itemCount == 1...3)
        #expect(group.itemFields.map(\.id) == ["order_id", "amount", "reason", "photo_note"])
    }

    @Test("valid items are stored as a list of typed answers, in order; an item's hidden field is dropped")
    func accepted() throws {
        let result = try check(["title": .single("Two orders"), "orders": .group([
            Self.item("ORD-000001", "12.5", reason: "damaged", photo: "Box crushed"),
            Self.item("ORD-000002", "0", reason: "missing", photo: "ignored"),
        ])])
        guard case .success(let checked) = result else { Issue.record("refused: \(result)"); return }
        #expect(checked.values["orders"] == .items([
            ["order_id": .text("ORD-000001"), "amount": .number(12.5), "reason": .choice("damaged"), "photo_note": .text("Box crushed")],
            ["order_id": .text("ORD-000002"), "amount": .number(0), "reason": .choice("missing")],
        ]))
        #expect(checked.ignored == ["orders[2].photo_note"])
        #expect(checked.values["bulk_note"] == nil)
    }

    @Test("every problem of every item is named by the item's 1-based index")
    func itemProblems() throws {
        #expect(try problems(["title": .single("T"), "orders": .group([
            Self.item("ORD-000001", "3"),
            ["order_id": .single("ORD-1"), "amount": .single("-1"), "reson": .single("damaged")],
            ["amount": .single("x"), "reason": .single("damaged")],
        ])]) == [
            "orders[2].reson: the group 'orders' has no such field; did you mean 'reason'?",
            "orders[2].order_id: must match the pattern ORD-[0-9]{6}",
            "orders[2].amount: must be at least 0, got -1",
            "orders[3].order_id: 'Order id' is required",
            "orders[3].amount: 'x' is not a number",
            "orders[3].photo_note: 'What does the damage look like?' is required",
        ])
    }

    @Test("too few and too many items are refused with the group's bounds; too many are not read")
    func counts() throws {
        #expect(try problems(["title": .single("T")]) == ["orders: must have at least 1 item, got 0"])
        #expect(try problems(["title": .single("T"), "orders": .group([])]) == ["orders: must have at least 1 item, got 0"])
        let four = (1...4).map { Self.item("ORD-00000\($0)", $0 == 2 ? "-5" : "1") }
        #expect(try problems(["title": .single("T"), "orders": .group(four)]) == ["orders: must have at most 3 items, got 4"])
    }

    @Test("a group answered with a plain value, or a plain field with items, says what it expects")
    func wrongShapes() throws {
        #expect(try problems(["title": .single("T"), "orders": .single("ORD-000001")]) == [
            "orders: expected a list of items, each a mapping from the group's fields (order_id, amount, reason, photo_note) to answers",
        ])
        #expect(try problems(["title": .group([[:]]), "orders": .group([Self.item("ORD-000001", "1")])]) == [
            "title: expected one answer, got a list of items",
        ])
    }

    @Test("count() of a group drives a later field's condition and a form rule")
    func countInConditions() throws {
        let three = (1...3).map { Self.item("ORD-00000\($0)", "1") }
        #expect(try problems(["title": .single("T"), "orders": .group(three)]) == [
            "bulk_note: Tell us why so many orders are affected.",
        ])
        let result = try check(["title": .single("T"), "orders": .group(three), "bulk_note": .single("A bad week")])
        guard case .success(let checked) = result else { Issue.record("refused: \(result)"); return }
        #expect(checked.values["bulk_note"] == .text("A bad week"))
        let condition = try Condition.parse("count(orders) > 2")
        #expect(condition.evaluate(["orders": .items([[:], [:], [:]])]))
        #expect(!condition.evaluate(["orders": .items([[:]])]))
        #expect(!condition.evaluate([:]))
    }

    @Test("count() of a group in a priority rule: three orders make the ticket high priority")
    func countInPriorityRules() throws {
        let scheme = try #require(Self.loaded.catalog.priorities)
        let three: AnswerValue = .items([[:], [:], [:]])
        #expect(scheme.priority(form: "refund.orders", team: "financial", answers: ["orders": three]) == "high")
        #expect(scheme.priority(form: "refund.orders", team: "financial", answers: ["orders": .items([[:]])]) == "normal")
    }

    @Test("typed answers (a draft, the terminal) are checked again on the same path")
    func typedValues() throws {
        let form = try #require(Self.loaded.catalog.forms["refund.orders"])
        let values: [String: AnswerValue] = ["title": .text("T"), "orders": .items([
            ["order_id": .text("ORD-000001"), "amount": .number(2)], ["order_id": .text("bad"), "amount": .number(1)],
        ])]
        guard case .failure(let problems) = FormAnswers(form: form).check(values: values, files: [:]) else {
            Issue.record("accepted a bad order id"); return
        }
        #expect(problems.description == "orders[2].order_id: must match the pattern ORD-[0-9]{6}")
    }

    @Test("an answers file gives a group as a list of mappings; a list mixing values and mappings is refused")
    func answersFile() throws {
        let yaml = "title: T\norders:\n  - {order_id: ORD-000001, amount: 3}\n  - order_id: ORD-000002\n    amount: 4\n"
        guard case .success(let raw) = AnswersFile.read(Data(yaml.utf8), path: "a.yaml") else { Issue.record("unread"); return }
        #expect(raw["orders"] == .group([
            ["order_id": .single("ORD-000001"), "amount": .single("3")], ["order_id": .single("ORD-000002"), "amount": .single("4")],
        ]))
        let json = #"{"title": "T", "orders": [{"order_id": "ORD-000001", "amount": 3}, "ORD-2"]}"#
        guard case .failure(let error) = AnswersFile.read(Data(json.utf8), path: "a.json") else { Issue.record("read"); return }
        #expect(error.diagnostics.map(\.message) == [
            "expected an item (a mapping from field id to answer) in the list for 'orders', found text 'ORD-2'",
        ])
    }

    @Test("a group's answer is stored as a JSON list of objects of tagged answers")
    func storedShape() throws {
        let json = try StoredAnswers.encode(["orders": .items([["amount": .number(3), "order_id": .text("ORD-000001")]])])
        #expect(json == #"{"orders":{"items":[{"amount":{"number":3},"order_id":{"text":"ORD-000001"}}]}}"#)
        #expect(try StoredAnswers.decode(json) == ["orders": .items([["amount": .number(3), "order_id": .text("ORD-000001")]])])
    }
}
