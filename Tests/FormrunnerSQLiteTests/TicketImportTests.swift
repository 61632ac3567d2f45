import Foundation
import FormrunnerCore
import FormrunnerTestSupport
import Testing

/// `tickets import` on every store: all or nothing, every bad line reported, the same rows as a
/// create, idempotent re-imports.
@Suite("Importing tickets from a JSON Lines file, on every store")
struct TicketImportTests {
    /// The repository's catalog (forms, life cycle, priorities, teams).
    static let catalog = CatalogLoader(root: DeskOnStoresTests.repository.path).load().catalog
    /// Filed Wednesday 2026-11-25, 09:00 in São Paulo, solved half an hour later, imported the next Monday.
    static let filed = "2026-11-25T09:00:00-03:00", solved = "2026-11-25T09:30:00-03:00"
    static let now = Date(timeIntervalSince1970: 1_796_047_200)   // 2026-11-30T11:00:00-03:00

    static func desk(_ store: any TicketStore) -> TicketDesk {
        TicketDesk(catalog: catalog, store: store, composer: DeskOnStoresTests.PlainComposer())
    }

    /// An open ticket line; `extra` adds keys.
    static func line(_ id: String, extra: String = "") -> String {
        ImportLines.line(id, created: filed, extra: extra)
    }

    /// A solved ticket with its history.
    static let solvedLine = line("zd-7", extra: ImportLines.solvedHistory(created: filed, solved: solved))

    /// Imports `lines` written to a file; returns the summary and each reported line with its problems.
    static func run(_ lines: [String], into store: any TicketStore, in folder: URL, skipInvalid: Bool = false,
                    dryRun: Bool = false, batchSize: Int = 1000) async throws -> (TicketImporter.Summary, [String]) {
        let file = folder.appendingPathComponent("tickets.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        var importer = TicketImporter(checker: try await TicketImportChecker(desk: desk(store), now: now))
        importer.skipInvalid = skipInvalid
        importer.dryRun = dryRun
        importer.batchSize = batchSize
        var reported: [String] = []
        let summary = try await importer.run(file, store: store) { number, problems in
            reported += problems.map { "\(number): \($0.message)" }
        }
        return (summary, reported)
    }

    static let badLines = [
        line("a-1"),
        "{\"form\": \"technical.intake\", ",
        line("a-3").replacingOccurrences(of: "technical.intake", with: "technical.intak"),
        line("a-4").replacingOccurrences(of: "\"title\": \"Checkout fails with error 500\", ", with: ""),
        line("a-5", extra: ", \"status\": \"pending\""),
        line("a-6", extra: ", \"updated_at\": \"2026-11-25T08:00:00-03:00\""),
        "",
        line("a-1"),
    ]

    static let badReports = [
        "2: malformed JSON; each line must be one JSON object",
        "3: unknown form 'technical.intak'; did you mean 'technical.intake'?",
        "4: the answers are not valid: title: 'Title' is required",
        "5: unknown status 'pending' in life cycle 'ticket-lifecycle'; expected one of open, awaiting_reply, solved, closed",
        "6: timestamps out of order: 'updated_at' (2026-11-25T11:00:00Z) is before 'created_at' (2026-11-25T12:00:00Z)",
        "8: external_id 'a-1' is also on line 1",
    ]

    @Test("a file with bad lines writes nothing and reports every bad line with its number", arguments: StoreKind.all)
    func allOrNothing(kind: StoreKind) async throws {
        try await kind.withStore { store, folder in
            let (summary, reported) = try await Self.run(Self.badLines, into: store, in: folder)
            #expect(reported == Self.badReports)
            #expect(summary == TicketImporter.Summary(lines: 7, invalid: 6, imported: 0, alreadyImported: 0))
            #expect(try await store.count(status: nil) == 0)
        }
    }

    @Test("with --skip-invalid the good lines are written and the bad ones reported", arguments: StoreKind.all)
    func skipInvalid(kind: StoreKind) async throws {
        try await kind.withStore { store, folder in
            let (summary, reported) = try await Self.run(Self.badLines + [Self.solvedLine], into: store, in: folder,
                                                         skipInvalid: true)
            #expect(reported == Self.badReports)
            #expect(summary == TicketImporter.Summary(lines: 8, invalid: 6, imported: 2, alreadyImported: 0))
            #expect(try await store.count(status: nil) == 2)
            #expect(try await store.count(status: "open") == 1)
            #expect(try await store.count(status: "solved") == 1)
        }
    }

    @Test("an imported ticket has its history, instants, timers, SLA clock and figures as if the desk had filed and solved it",
          arguments: StoreKind.all)
    func sameAsTheDesk(kind: StoreKind) async throws {
        try await kind.withStore { store, folder in
            let (summary, reported) = try await Self.run([Self.solvedLine], into: store, in: folder)
            #expect(reported.isEmpty)
            #expect(summary.imported == 1)
            let imported = try #require(try await store.ticket(1))
            // The same ticket, filed and solved through the desk on a store of its own.
            let reference = InMemoryTicketStore()
            let desk = Self.desk(reference)
            let filed = try await desk.create(
                formID: "technical.intake",
                answers: try AnswersFile.read(Data(TicketCommandsAnswers.yaml.utf8), path: "answers.yaml").get(),
                requester: Requester(email: "ana@example.com"), at: try #require(ImportFieldsProbe.instant(Self.filed)))
            _ = try await desk.transition(filed.number, event: "solve", by: .agent, message: "Fixed the gateway",
                                          at: try #require(ImportFieldsProbe.instant(Self.solved)))
            let expected = try #require(try await reference.ticket(filed.number))
            #expect(imported.status == "solved")
            #expect(imported.timers.map(\.event) == ["close"])
            #expect(imported.sla?.answeredAt != nil)
            #expect(imported.createdAt == expected.createdAt)
            #expect(imported.updatedAt == expected.updatedAt)
            #expect(imported.statusEnteredAt == expected.statusEnteredAt)
            #expect(imported.lastInteractionAt == expected.lastInteractionAt)
            #expect(imported.timers == expected.timers)
            #expect(imported.sla == expected.sla)
            #expect(imported.figures == expected.figures)
            #expect(imported.priority == expected.priority)
            #expect(imported.team == "technical")
            let history = try await store.history(1), expectedHistory = try await reference.history(filed.number)
            #expect(history == expectedHistory)
            #expect(try await store.outbox(for: 1).isEmpty)
            #expect(try await store.search("gateway checkout", limit: 5).isEmpty)
            #expect(try await store.search("checkout error", limit: 5).map(\.number) == [1])
            #expect(try await store.count(status: "solved") == 1)
            #expect(try await store.dueTickets(at: imported.timers.map(\.dueAt).max() ?? Self.now, limit: 10) == [1])
        }
    }

    @Test("a second import of the same file writes nothing new: lines already imported are skipped", arguments: StoreKind.all)
    func reimport(kind: StoreKind) async throws {
        try await kind.withStore { store, folder in
            // Lines 3 and 4 are the same ticket without an external_id, in one batch: the second is the first's.
            let withoutID = Self.line("").replacingOccurrences(of: "\"external_id\": \"\", ", with: "")
            let lines = [Self.line("b-1"), Self.solvedLine, withoutID, withoutID, Self.line("b-5")]
            let first = try await Self.run(lines, into: store, in: folder, batchSize: 2)
            #expect(first.1.isEmpty)
            #expect(first.0 == TicketImporter.Summary(lines: 5, invalid: 0, imported: 4, alreadyImported: 1))
            #expect(try await store.list(status: nil, before: nil, limit: 10).map(\.number) == [4, 3, 2, 1])
            let again = try await Self.run(lines + [Self.line("b-6")], into: store, in: folder, batchSize: 2)
            #expect(again.1.isEmpty)
            #expect(again.0 == TicketImporter.Summary(lines: 6, invalid: 0, imported: 1, alreadyImported: 5))
            #expect(try await store.count(status: nil) == 5)
        }
    }

    @Test("each mistake in a line has its message, every one of the line reported")
    func messages() async throws {
        try await StoreKind.memory.withStore { store, folder in
            let lines = [
                Self.line("e-1", extra: ", \"statu\": \"open\", \"language\": \"fr\", \"assignee\": \"bob@desk.example\""),
                Self.line("e-2", extra: """
                    , "history": [{"at": "2026-11-25T10:00:00-03:00", "actor": "agent", "event": "solve", "to": "solved"}, \
                    {"at": "2026-11-25T09:45:00-03:00", "actor": "requester", "event": "reply", "from": "open", "to": "open"}]
                    """),
                Self.line("e-3", extra: """
                    , "history": [{"at": "yesterday", "actor": "robot", "event": "", "to": "open", "person": "bia", "colour": 1}]
                    """),
                Self.line("e-4", extra: ", \"status\": \"solved\", \"updated_at\": \"2026-12-25T09:00:00-03:00\""),
                "{\"form\": 7, \"answers\": [\"a\"]}",
                Self.line("e-6").replacingOccurrences(of: "\"advanced\"", with: "{\"level\": 3}"),
            ]
            let (summary, reported) = try await Self.run(lines, into: store, in: folder)
            #expect(reported == [
                "1: unknown key 'statu'; did you mean 'status'?",
                "1: unknown language 'fr'; expected one of en, pt, es",
                "1: there is no agent bob@desk.example; add the agent with: formrunner users add bob@desk.example --name NAME --role agent --team technical",
                "2: history line 2 goes from 'open', but the line before left the ticket in 'solved'",
                "2: timestamps out of order: history line 2 (2026-11-25T12:45:00Z) is before history line 1 (2026-11-25T13:00:00Z)",
                "3: history line 1: unknown key 'colour'; expected one of at, actor, event, from, to, message, person, internal",
                "3: history line 1: 'at' is not an ISO-8601 instant (e.g. 2026-03-02T10:00:00-03:00): 'yesterday'",
                "3: history line 1: 'actor' is 'robot'; expected requester, agent or system",
                "3: history line 1: 'event' is empty",
                "3: history line 1: 'person' is not an e-mail address: 'bia'",
                "4: 'updated_at' reaches 2026-12-25T12:00:00Z, after the time of the import (2026-11-30T14:00:00Z)",
                "5: 'form' must be a string, found a number",
                "5: 'requester' is missing",
                "5: 'answers' must be an object mapping field ids to answers, found an array",
                "6: the answer to 'experience_level' must be a value or a list of values, found an object",
                "6: the answers are not valid: experience_level: 'Experience level with the platform' is required",
            ])
            #expect(summary.invalid == 6)
            #expect(try await store.count(status: nil) == 0)
        }
    }

    @Test("batches checked on every core keep the file's order: numbers follow the lines, problems come in line order",
          arguments: [StoreKind.memory, StoreKind.sqlite])
    func manyBatches(kind: StoreKind) async throws {
        try await kind.withStore { store, folder in
            var lines = (1...450).map { index in
                Self.line("f-\(index)").replacingOccurrences(of: "Checkout fails with error 500", with: "Ticket \(index) of many")
            }
            lines[149] = "{"
            lines[399] = Self.line("f-400", extra: ", \"status\": \"gone\"")
            let (summary, reported) = try await Self.run(lines, into: store, in: folder, skipInvalid: true, batchSize: 200)
            #expect(reported == [
                "150: malformed JSON; each line must be one JSON object",
                "400: unknown status 'gone' in life cycle 'ticket-lifecycle'; expected one of open, awaiting_reply, solved, closed",
            ])
            #expect(summary == TicketImporter.Summary(lines: 450, invalid: 2, imported: 448, alreadyImported: 0))
            let titles = try await store.tickets([1, 149, 150, 448]).map(\.title)
            #expect(titles == ["Ticket 1 of many", "Ticket 149 of many", "Ticket 151 of many", "Ticket 450 of many"])
        }
    }

    @Test("a line over the cap is reported unread, and the lines around it are read whatever the chunks")
    func longLine() async throws {
        try await StoreKind.memory.withStore { store, folder in
            let file = folder.appendingPathComponent("tickets.jsonl")
            let lines = [Self.line("d-1"), "{\"form\": \"" + String(repeating: "x", count: 5000) + "\"}", Self.line("d-3") + "\r", ""]
            try Data(lines.joined(separator: "\n").utf8).write(to: file)
            var importer = TicketImporter(checker: try await TicketImportChecker(desk: Self.desk(store), now: Self.now))
            importer.reader.maximumLineBytes = 2000
            importer.reader.chunkBytes = 7
            importer.skipInvalid = true
            var reported: [String] = []
            let summary = try await importer.run(file, store: store) { number, problems in
                reported += problems.map { "\(number): \($0.message)" }
            }
            #expect(reported == ["2: the line is longer than 2000 bytes; it was not read"])
            #expect(summary == TicketImporter.Summary(lines: 3, invalid: 1, imported: 2, alreadyImported: 0))
        }
    }

    @Test("a dry run checks every line and writes nothing", arguments: [StoreKind.sqlite])
    func dryRun(kind: StoreKind) async throws {
        try await kind.withStore { store, folder in
            let (summary, reported) = try await Self.run([Self.line("c-1"), Self.solvedLine], into: store, in: folder, dryRun: true)
            #expect(reported.isEmpty)
            #expect(summary == TicketImporter.Summary(lines: 2, invalid: 0, imported: 0, alreadyImported: 0))
            #expect(try await store.count(status: nil) == 0)
        }
    }
}

/// The answers of `tickets create` in the CLI tests, as YAML.
enum TicketCommandsAnswers {
    static let yaml = """
        title: Checkout fails with error 500
        description: Since this morning the checkout returns error 500.
        experience_level: advanced
        users_affected: end_users
        problem_impact: critical
        environment: production
        problem_type: unexpected_behavior
        """
}

/// Reads instants the way the import does.
enum ImportFieldsProbe {
    static func instant(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle().parse(text)
    }
}
