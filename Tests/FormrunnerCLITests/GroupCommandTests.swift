import Foundation
import Testing

/// Repeatable groups through the command line: `forms show` (text, Markdown, JSON), `tickets create
/// --answers` and `run --no-input`, on the fixture catalog `Tests/Fixtures/groups`.
@Suite("Repeatable groups on the command line")
struct GroupCommandTests {
    static let catalog = CommandRunner.repository + "/Tests/Fixtures/groups"

    func run(_ arguments: [String]) throws -> CommandRunner.Run {
        try CommandRunner.run(arguments + ["--catalog", Self.catalog, "--store", "memory:", "--notifier", "none"])
    }

    /// Runs `body` with the path of an answers file named `name` holding `text`, removed afterwards.
    func withAnswers(_ text: String, named name: String = "answers.json", _ body: (String) throws -> Void) throws {
        let folder = NSTemporaryDirectory() + "formrunner-groups-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        try body(folder + "/" + name)
    }

    @Test("validate accepts the fixture catalog with a group")
    func validates() throws {
        let result = try run(["validate"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("formrunner test runs the fixture's definition tests on groups: items by index, count() in conditions and priorities")
    func definitionTests() throws {
        let result = try run(["test"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("4 test(s) in 1 file(s): 4 passed, 0 failed"), "\(result.stdout)")
    }

    @Test("forms show lists the group's fields under it, with how many items it takes")
    func text() throws {
        let result = try run(["forms", "show", "refund.orders"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("""
              orders: Affected orders [group, required]
                  1 to 3 items, each with:
                  orders[].order_id: Order id [text, required]
                  orders[].amount: Amount [number, required]
                  orders[].reason: Reason [choice, optional]
                      - damaged: Arrived damaged
                      - missing: Never arrived
                  orders[].photo_note: What does the damage look like? [text, when reason == "damaged"]
            """), "\(result.stdout)")
    }

    @Test("forms show --markdown numbers the group's fields under its row")
    func markdown() throws {
        let result = try run(["forms", "show", "refund.orders", "--markdown"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("| 2 | Affected orders | `orders` | group | yes | One entry per order.; 1 to 3 items |\n"
                                       + "| 2.1 | ↳ Order id | `orders[].order_id` | text | yes | matches `ORD-[0-9]{6}` |\n"), "\(result.stdout)")
        #expect(result.stdout.contains("| 2.4 | ↳ What does the damage look like? | `orders[].photo_note` | text | when shown | asked when `reason == \"damaged\"` |"))
        #expect(result.stdout.contains("- `damaged`: Arrived damaged"))
    }

    @Test("forms show --json gives the group's fields and repeat")
    func json() throws {
        let result = try run(["forms", "show", "refund.orders", "--json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let fields = try #require(document["fields"] as? [[String: Any]])
        let group = try #require(fields.first { $0["id"] as? String == "orders" })
        #expect(group["type"] as? String == "group")
        #expect(group["repeat"] as? [String: Int] == ["min": 1, "max": 3])
        let inner = try #require(group["fields"] as? [[String: Any]])
        #expect(inner.map { $0["id"] as? String ?? "" } == ["order_id", "amount", "reason", "photo_note"])
        #expect(inner[1]["min"] as? Double == 0)
    }

    @Test("tickets create takes a group as a list in a YAML answers file and stores it as a list of objects")
    func createFromYAML() throws {
        let yaml = "title: Two orders\norders:\n  - {order_id: ORD-000001, amount: 12.5}\n  - order_id: ORD-000002\n    amount: 3\n    reason: missing\n"
        try withAnswers(yaml, named: "answers.yaml") { answers in
            let desk = try RunDesk()
            let created = try desk.run(["tickets", "create", "--catalog", Self.catalog, "--form", "refund.orders",
                                        "--answers", answers, "--requester", "ana@example.com"])
            #expect(created.status == 0, "\(created.stderr)")
            let stored = try desk.answers(ofTicket: 1)
            let orders = try #require((stored["orders"] as? [String: Any])?["items"] as? [[String: Any]])
            #expect(orders.count == 2)
            #expect(orders[0]["order_id"] as? [String: String] == ["text": "ORD-000001"])
            #expect(orders[1]["reason"] as? [String: String] == ["choice": "missing"])
        }
    }

    @Test("tickets create lists every item's problem by its index, exit 1")
    func createRefused() throws {
        let json = #"{"title": "T", "orders": [{"order_id": "ORD-000001", "amount": 1}, {"order_id": "ORD-2", "amount": -1}]}"#
        try withAnswers(json) { answers in
            let result = try run(["tickets", "create", "--form", "refund.orders", "--answers", answers, "--requester", "ana@example.com"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("orders[2].order_id: must match the pattern ORD-[0-9]{6}"), "\(result.stderr)")
            #expect(result.stderr.contains("orders[2].amount: must be at least 0, got -1"), "\(result.stderr)")
        }
        let four = #"{"title": "T", "orders": [{}, {}, {}, {}]}"#
        try withAnswers(four) { answers in
            let result = try run(["tickets", "create", "--form", "refund.orders", "--answers", answers, "--requester", "ana@example.com"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("orders: must have at most 3 items, got 4"), "\(result.stderr)")
        }
    }

    @Test("run --no-input files a ticket with a group from a JSON answers file and warns about an item's hidden answer")
    func noInput() throws {
        let json = #"{"title": "T", "orders": [{"order_id": "ORD-000001", "amount": 1, "reason": "missing", "photo_note": "x"}]}"#
        try withAnswers(json) { answers in
            let result = try run(["run", "refund", "--no-input", "--requester", "ana@example.com", "--answers", answers])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("Ticket 1 created: "))
            #expect(result.stderr == "formrunner: warning: the answer to 'orders[1].photo_note' is not kept: its field is hidden "
                    + "(when: reason == \"damaged\")\n")
        }
    }

    @Test("--set orders[2].amount=… sets a field of an item; the items before it are added, and checked, by index")
    func setItems() throws {
        let result = try run(["run", "refund", "--no-input", "--requester", "ana@example.com", "--set", "title=T",
                              "--set", "orders[2].order_id=ORD-000002", "--set", "orders[2].amount=4"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("orders[1].order_id: 'Order id' is required"), "\(result.stderr)")
        let filed = try run(["run", "refund", "--no-input", "--requester", "ana@example.com", "--set", "title=T",
                             "--set", "orders[1].order_id=ORD-000001", "--set", "orders[1].amount=4"])
        #expect(filed.status == 0, "\(filed.stderr)")
    }
}
