import Foundation
import FormrunnerTestSupport
import Testing

/// `formrunner tickets import FILE.jsonl` through the binary, on a SQLite file.
@Suite("formrunner tickets import")
struct TicketImportCommandTests {
    static func line(_ id: String, extra: String = "") -> String {
        ImportLines.line(id, created: "2026-11-25T09:00:00-03:00", extra: extra)
    }

    static let solved = line("zd-2", extra: ImportLines.solvedHistory(created: "2026-11-25T09:00:00-03:00",
                                                                       solved: "2026-11-25T09:30:00-03:00"))

    static let now = "2026-11-30T10:00:00-03:00"

    func write(_ lines: [String], in desk: TicketCommandsTests.Desk) throws -> String {
        let path = desk.folder + "/tickets.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a bad line: every bad line on standard error as FILE:LINE, exit 1, nothing written")
    func badLine() throws {
        let desk = try TicketCommandsTests.Desk()
        let file = try write([Self.line("zd-1"), "[1, 2]", Self.line("zd-3", extra: ", \"priority\": \"asap\"")], in: desk)
        let run = try desk.run(["tickets", "import", file], at: Self.now)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == """
            \(file):2: expected a JSON object (one ticket), found an array
            \(file):3: unknown priority 'asap'; expected one of urgent, high, normal, low
            formrunner: 2 of 3 line(s) are not valid; nothing was imported (fix them, or import the 1 valid line(s) with --skip-invalid)

            """)
        #expect(try desk.run(["tickets", "list", "--json"]).stdout.contains("\"total\" : 0"))
    }

    @Test("a good file is imported with its statuses; a second run skips every line; --skip-invalid exits 2")
    func importAndReimport() throws {
        let desk = try TicketCommandsTests.Desk()
        let file = try write([Self.line("zd-1"), Self.solved], in: desk)
        let dry = try desk.run(["tickets", "import", file, "--dry-run"], at: Self.now)
        #expect(dry.stdout == "\(file): 2 line(s), all valid; nothing was written (--dry-run)\n")
        let run = try desk.run(["tickets", "import", file], at: Self.now)
        #expect(run.status == 0)
        #expect(run.stdout == "Imported 2 ticket(s) from \(file)\n")
        let ticket = try desk.show(2)
        #expect(ticket["status"] as? String == "solved")
        #expect((ticket["history"] as? [[String: Any]])?.map { $0["event"] as? String } == ["create", "solve"])
        #expect(desk.mailSubjects().isEmpty)
        let again = try desk.run(["tickets", "import", file], at: Self.now)
        #expect(again.stdout == "Imported 0 ticket(s) from \(file); 2 already imported, skipped\n")
        let partial = try write([Self.line("zd-1"), "{", Self.line("zd-9")], in: desk)
        let skipped = try desk.run(["tickets", "import", partial, "--skip-invalid"], at: Self.now)
        #expect(skipped.status == 2)
        #expect(skipped.stdout == "Imported 1 ticket(s) from \(partial); 1 already imported, skipped\n")
        #expect(skipped.stderr == """
            \(partial):2: malformed JSON; each line must be one JSON object
            formrunner: 1 of 3 line(s) are not valid and were skipped

            """)
        #expect(try desk.run(["tickets", "list", "--status", "solved", "--json"]).stdout.contains("\"total\" : 1"))
    }
}
