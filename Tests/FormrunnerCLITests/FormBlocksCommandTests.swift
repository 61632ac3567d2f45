import Foundation
import Testing

/// Notes, sections and validation rules through the command line: `forms show`, `tickets create
/// --answers` and `run --no-input`, on the fixture catalog `Tests/Fixtures/blocks`.
@Suite("Notes, sections and rules on the command line")
struct FormBlocksCommandTests {
    static let catalog = CommandRunner.repository + "/Tests/Fixtures/blocks"

    func run(_ arguments: [String], input: String? = nil) throws -> CommandRunner.Run {
        try CommandRunner.run(arguments + ["--catalog", Self.catalog, "--store", "memory:", "--notifier", "none"], input: input)
    }

    /// Runs `body` with the path of an answers file holding `json`, removed afterwards.
    func withAnswers(_ json: String, _ body: (String) throws -> Void) throws {
        let folder = NSTemporaryDirectory() + "formrunner-blocks-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(json.utf8).write(to: URL(fileURLWithPath: folder + "/answers.json"))
        try body(folder + "/answers.json")
    }

    @Test("validate accepts the fixture catalog")
    func validates() throws {
        let result = try run(["validate"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("forms show --markdown puts sections as headings and notes as their Markdown")
    func markdown() throws {
        let result = try run(["forms", "show", "incident.report", "--markdown"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("## Before you start\n\nRead this, then confirm.\n\nIncidents are answered **within one working day**."))
        #expect(result.stdout.contains("## Refund\n\nOnly for incidents about an order.\n\n_(shown when `answered(order)`)_"))
        #expect(result.stdout.contains("| 1 | Before you send | `checks` | multichoice | yes |"))
        #expect(result.stdout.contains("matches `ORD-[0-9]{6}`"))
        #expect(result.stdout.contains("- `end_date >= start_date`, else at `end_date`: The last day affected must be on or after the first day."))
        #expect(result.stdout.contains("- `searched`: I searched the existing tickets (must be chosen)"))
    }

    @Test("forms show --json lists sections, notes, rules and the new keys")
    func json() throws {
        let result = try run(["forms", "show", "incident.report", "--json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sections = try #require(document["sections"] as? [[String: Any]])
        #expect(sections.map { $0["fields"] as? [String] ?? [] }.last == ["refund_note", "refund"])
        #expect(sections.last?["when"] as? String == "answered(order)")
        let fields = try #require(document["fields"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: fields.map { ($0["id"] as? String ?? "", $0) })
        #expect(byID["intro"]?["type"] as? String == "note")
        #expect(byID["agree"]?["must_be"] as? Bool == true)
        #expect(byID["phone"]?["format"] as? String == "phone")
        #expect(byID["started_at"]?["time_zone"] as? String == "America/Sao_Paulo")
        #expect(byID["start_date"]?["min_date"] as? String == "today-365d")
        let rules = try #require(document["rules"] as? [[String: Any]])
        #expect(rules.first?["field"] as? String == "end_date")
    }

    @Test("tickets create lists every broken rule by field at once, exit 1")
    func ticketsCreate() throws {
        let json = """
        {"intro": "hi", "checks": ["status"], "agree": "no", "title": "Checkout is down", "order": "123",
         "site": "shop", "phone": "11 9999", "started_at": "2020-01-01 10:00", "start_date": "2020-01-01"}
        """
        try withAnswers(json) { answers in
            let result = try run(["tickets", "create", "--form", "incident.report", "--answers", answers, "--requester", "ana@example.com"])
            #expect(result.status == 1)
            for line in ["intro: 'intro' is a note, not a question; it takes no answer",
                         "checks: must include 'I searched the existing tickets'",
                         "agree: 'I agree to the terms of service' must be accepted",
                         "order: Write the order number as ORD- and six digits (ORD-123456).",
                         "site: 'shop' is not a web address (https://example.com)",
                         "phone: '11 9999' is not a phone number in international format (+5511999990000)",
                         "start_date: must be on or after "] {
                #expect(result.stderr.contains(line), "\(line)\n\(result.stderr)")
        }
        }
    }

    @Test("a rule broken through --set is reported at its field")
    func rule() throws {
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "America/Sao_Paulo")!,
                                                formatOptions: [.withFullDate])
        let json = """
        {"checks": ["searched"], "agree": "yes", "title": "Checkout is down", "started_at": "2025-06-01 10:00",
         "start_date": "\(today)", "end_date": "2020-01-01"}
        """
        try withAnswers(json) { answers in
            let result = try run(["tickets", "create", "--form", "incident.report", "--answers", answers, "--requester", "ana@example.com"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("end_date: The last day affected must be on or after the first day."), "\(result.stderr)")
            let fixed = try run(["tickets", "create", "--form", "incident.report", "--answers", answers, "--set", "end_date=\(today)",
                                 "--requester", "ana@example.com"])
            #expect(fixed.status == 0, "\(fixed.stderr)")
        }
    }
}
