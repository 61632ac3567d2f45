import Foundation
import FormrunnerCore
@testable import FormrunnerPostgres
import FormrunnerTestSupport
import Logging
import PostgresNIO
import Testing

/// On PostgreSQL a create runs two statements prepared once on each connection, whatever the ticket
/// (`PostgresCounterStatement`, `PostgresCreateStatement`): each ticket's values are binds of one text.
@Suite("PostgreSQL prepared create")
struct PostgresPreparedCreateTests {
    private static func withStore(_ body: (PostgresTicketStore, PostgresServer, String, URL) async throws -> Void) async throws {
        let server = try PostgresServer.shared()
        let database = try server.makeDatabase()
        try await withScratchFolder { folder in
            let store = try await PostgresTicketStore.open(PostgresLocation(url: server.url(database: database),
                                                                            defaultAttachments: folder.appendingPathComponent("attachments")))
            do {
                try await body(store, server, database, folder)
                await store.close()
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// A ticket with every column a create writes given a value, two timers and an attachment.
    private static func full(sha256: String) -> Ticket {
        var ticket = Samples.ticket(title: "Everything", answers: [
            "summary": .text("Line one\nline \"two\" \\ three \u{1}"),
            "photos": .files([AttachmentRef(name: "photo.jpg", size: 5, mediaType: "image/jpeg", sha256: sha256)]),
        ], timers: [ArmedTimer(event: "sla_breach", dueAt: Samples.instant(3600)),
                    ArmedTimer(event: "sla_warning", dueAt: Samples.instant(2700))])
        ticket.team = "technical"
        ticket.priority = "urgent"
        ticket.assignee = "bia@desk.example"
        ticket.language = "pt-BR"
        ticket.mergedInto = 1
        var clock = SLAClock(kind: .firstResponse, priority: "urgent", startedAt: Samples.instant(0), targetSeconds: 3_600)
        clock.firstResponseDue = Samples.instant(3600)
        ticket.sla = clock
        return ticket
    }

    @Test("a ticket with every column, timers, files, history and messages follows one with none, on the same connection")
    func valuesAfterNulls() async throws {
        try await Self.withStore { store, server, database, folder in
            // The first create prepares the statements with NULLs where the second has values.
            var bare = Samples.ticket(title: "Bare")
            bare.account = nil
            bare.requester.name = nil
            let first = try await Samples.create(bare, in: store)
            #expect(try await store.ticket(first.number) == first)

            let file = try Samples.file("hello", named: "photo.jpg", in: folder)
            let history = [
                Samples.created(),
                HistoryEntry(at: Samples.instant(1), actor: .system, event: "assign", from: "open", to: "open",
                             message: "assigned to bia@desk.example", person: "bia@desk.example"),
                HistoryEntry(at: Samples.instant(2), actor: .agent, event: "note", from: "open", to: "open",
                             message: "internal \"note\"\nwith a tab\t", person: "bia@desk.example", isInternal: true),
            ]
            let ticket = Self.full(sha256: file.sha256)
            let created = try await store.create(ticket, history: history, submissionKey: "key-2",
                                                 files: [file.sha256: file.url], assignment: nil) { stored in
                [Samples.message("requester-\(stored.number)"),
                 Samples.message("agent-\(stored.number)", subject: "Ticket \(stored.number) is yours")]
            }
            #expect(created == ticket.storedForm.with(number: 2))
            #expect(try await store.ticket(2) == created)
            #expect(try await store.history(2) == history.map(\.storedForm))
            #expect(try await store.outbox(for: 2).map(\.id) == ["requester-2", "agent-2"])
            #expect(try await store.outbox(for: 2).last?.subject == "Ticket 2 is yours")
            #expect(try server.query("SELECT name || ' ' || size || ' ' || sha256 FROM attachment WHERE ticket_number = 2",
                                     database: database).trimmingCharacters(in: .whitespacesAndNewlines)
                    == "photo.jpg 5 \(file.sha256)")
            #expect(try server.query("SELECT string_agg(event, ',' ORDER BY event) FROM timer WHERE ticket_number = 2",
                                     database: database).trimmingCharacters(in: .whitespacesAndNewlines)
                    == "sla_breach,sla_warning")

            // And the bare one again after it: nothing of the second is left in the third.
            let third = try await Samples.create(bare, in: store)
            #expect(try await store.ticket(third.number) == third)
            #expect(try await store.history(third.number).count == 1)
            #expect(try await store.outbox(for: third.number).isEmpty)
            #expect(try server.query("SELECT count(*) FROM attachment WHERE ticket_number = 3", database: database)
                .trimmingCharacters(in: .whitespacesAndNewlines) == "0")
            // The submission key was written with the ticket.
            await #expect(throws: TicketStoreError.duplicateSubmission(existing: 2)) {
                try await Samples.create(bare, in: store, submissionKey: "key-2")
            }
        }
    }

    @Test("an outbox id already taken refuses the create, which writes nothing and uses up no number")
    func outboxIDTaken() async throws {
        try await Self.withStore { store, server, database, _ in
            _ = try await store.create(Samples.ticket(), history: [Samples.created()], submissionKey: nil, files: [:],
                                       assignment: nil) { _ in [Samples.message("taken")] }
            await #expect(throws: TicketStoreError.invalid("outbox message taken already exists")) {
                _ = try await store.create(Samples.ticket(title: "Second"), history: [Samples.created()], submissionKey: nil,
                                           files: [:], assignment: nil) { _ in [Samples.message("fresh"), Samples.message("taken")] }
            }
            #expect(try await store.count(status: nil) == 1)
            #expect(try server.query("SELECT count(*) FROM outbox", database: database)
                .trimmingCharacters(in: .whitespacesAndNewlines) == "1")
            let next = try await Samples.create(Samples.ticket(title: "Third"), in: store)
            #expect(next.number == 2)
        }
    }

    private static func check(_ requester: String, limit: Int = 20, repeating title: String) -> RecentTicketsCheck {
        RecentTicketsCheck(requester: requester, limit: limit, isCandidate: { formID, _ in formID == "technical" },
                           repeats: { $0.title == title })
    }

    @Test("the duplicate check reads the requester's latest tickets in the create's statement: a repeat is refused, nothing written")
    func recentTicketsChecked() async throws {
        try await Self.withStore { store, server, database, _ in
            try await Samples.create(Samples.ticket(title: "First"), in: store)
            var others = Samples.ticket(title: "Caio's")
            others.requester = Requester(email: "Caio@Example.com", name: "Caio")
            try await Samples.create(others, in: store)
            func create(_ title: String, _ check: RecentTicketsCheck) async throws -> Ticket {
                try await store.create(Samples.ticket(title: title), history: [Samples.created()], submissionKey: "key-\(title)",
                                       files: [:], assignment: nil, checking: check, storedAnswers: nil) { _ in [] }
            }
            await #expect(throws: TicketStoreError.duplicateSubmission(existing: 1)) {
                _ = try await create("Again", Self.check("ana@example.com", repeating: "First"))
            }
            #expect(try await store.count(status: nil) == 2)
            // Another requester's tickets are not read: Caio's ticket repeats nothing of Ana's.
            #expect(try await create("Third", Self.check("ana@example.com", repeating: "Caio's")).number == 3)
            // Only the latest `limit` are read: ticket 1 is no longer among Ana's latest one.
            #expect(try await create("Fourth", Self.check("ana@example.com", limit: 1, repeating: "First")).number == 4)
            await #expect(throws: TicketStoreError.duplicateSubmission(existing: 4)) {
                _ = try await create("Fifth", Self.check("ana@example.com", limit: 1, repeating: "Fourth"))
            }
            #expect(try server.query("SELECT last_number FROM ticket_counter", database: database)
                .trimmingCharacters(in: .whitespacesAndNewlines) == "4")
        }
    }

    @Test("after PostgreSQL's first five custom plans, every create runs the prepared generic plans: it plans nothing")
    func genericPlans() async throws {
        try await Self.withStore { _, server, database, folder in
            let location = try PostgresLocation(url: server.url(database: database), defaultAttachments: folder)
            let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
            let connection = try await PostgresConnection.connect(configuration: try location.connectionConfiguration(),
                                                                  id: 1, logger: logger)
            let rows = PostgresRows(connection: connection, logger: logger)
            do {
                // Creates as the desk makes them on a team without agents: a submission key and a duplicate check.
                for index in 1...10 {
                    try await rows.inTransaction { rows in
                        let counter = try await rows.takeCounter(submissionKey: "key-\(index)", assignment: nil,
                                                                 check: Self.check("ana@example.com", repeating: "-"))
                        var ticket = Samples.ticket(title: "Ticket \(index)").storedForm
                        ticket.number = counter.number
                        try await rows.insertNew(ticket, submissionKey: "key-\(index)", history: [Samples.created()],
                                                 outbox: [Samples.message("m\(index)", ticket: counter.number)])
                    }
                }
                var plans: [String: (generic: Int64, custom: Int64)] = [:]
                for try await (name, generic, custom) in try await rows.run(
                    "SELECT name, generic_plans, custom_plans FROM pg_prepared_statements").decode((String, Int64, Int64).self) {
                    plans[name] = (generic, custom)
                }
                #expect(plans[PostgresCounterStatement.name]?.custom == 5)
                #expect(plans[PostgresCounterStatement.name]?.generic == 5)
                #expect(plans[PostgresCreateStatement.name]?.custom == 5)
                #expect(plans[PostgresCreateStatement.name]?.generic == 5)
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        }
    }
}
