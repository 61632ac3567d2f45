import Foundation
import FormrunnerCore
import FormrunnerPostgres
import FormrunnerTestSupport
import Testing

/// PostgreSQL keeps each ticket's search words in `ticket_search_word`, written only when they change.
@Suite("PostgreSQL search words table")
struct PostgresSearchWordsTests {
    /// A new database on the throwaway server, its name and the store opened on it.
    private static func withDatabase(_ body: (PostgresServer, String, URL) async throws -> Void) async throws {
        let server = try PostgresServer.shared()
        let database = try server.makeDatabase()
        try await withScratchFolder { folder in try await body(server, database, folder) }
    }

    private static func open(_ server: PostgresServer, _ database: String, _ folder: URL) async throws -> PostgresTicketStore {
        try await PostgresTicketStore.open(PostgresLocation(url: server.url(database: database),
                                                            defaultAttachments: folder.appendingPathComponent("attachments")))
    }

    /// What `sql` printed, without the line break at its end.
    private static func value(_ sql: String, _ server: PostgresServer, _ database: String) throws -> String {
        try server.query(sql, database: database).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The transaction that last wrote ticket `number`'s row of `ticket_search_word`.
    private static func wordsWriter(_ number: Int64, _ server: PostgresServer, _ database: String) throws -> String {
        try value("SELECT xmin FROM ticket_search_word WHERE ticket_number = \(number)", server, database)
    }

    @Test("a change of status leaves the words' row as it is; a new title or answers rewrite it, in every write")
    func wordsWrittenOnlyWhenChanged() async throws {
        try await Self.withDatabase { server, database, folder in
            let store = try await Self.open(server, database, folder)
            let first = try await Samples.create(Samples.ticket(title: "Zebrafish tank"), in: store)
            let second = try await Samples.create(Samples.ticket(title: "Heron pond"), in: store)
            let created = try Self.wordsWriter(1, server, database)
            #expect(!created.isEmpty)

            // A batch with the previous ticket (as the tick writes), a batch without, a single update.
            let solved = Samples.next(first, status: "solved", at: 10)
            #expect(try await store.update(batch: [TicketChange(ticket: solved, expectedVersion: 1, history: [],
                                                                previous: first)]) == [])
            let closed = Samples.next(solved, status: "closed", at: 20)
            try await store.update(together: [TicketChange(ticket: closed, expectedVersion: 2, history: [])])
            let reopened = Samples.next(closed, status: "open", at: 30)
            try await store.update(reopened, expectedVersion: 3, history: [], outbox: [], files: [:])
            #expect(try Self.wordsWriter(1, server, database) == created)
            #expect(try await store.ticket(1) == reopened.storedForm)

            var renamed = Samples.next(reopened, status: "open", at: 40)
            renamed.title = "Axolotl tank"
            try await store.update(renamed, expectedVersion: 4, history: [], outbox: [], files: [:])
            let afterRename = try Self.wordsWriter(1, server, database)
            #expect(afterRename != created)
            #expect(try await store.search("zebrafish", limit: 10).isEmpty)
            #expect(try await store.search("axolotl tank", limit: 10).map(\.number) == [1])

            var answered = Samples.next(second, status: "open", at: 50)
            answered.answers = ["summary": .text("Kingfisher nest")]
            #expect(try await store.update(batch: [TicketChange(ticket: answered, expectedVersion: 1, history: [],
                                                                previous: second)]) == [])
            #expect(try await store.search("kingfisher", limit: 10).map(\.number) == [2])
            #expect(try await store.search("tank", limit: 10).map(\.number) == [1])
            #expect(try Self.value("SELECT count(*) FROM ticket_search_word", server, database) == "2")
            await store.close()
        }
    }

    @Test("v14 moves the words stored on ticket to ticket_search_word and drops the column")
    func migrationMovesWords() async throws {
        try await Self.withDatabase { server, database, folder in
            let store = try await Self.open(server, database, folder)
            try await Samples.create(Samples.ticket(title: "Zebrafish tank"), in: store)
            try await Samples.create(Samples.ticket(title: "Heron pond", answers: ["summary": .text("Zebrafish too")]), in: store)
            await store.close()
            // The schema as it was before v14, with the words on `ticket`.
            _ = try server.query("""
                BEGIN;
                ALTER TABLE ticket ADD COLUMN search_words TSVECTOR;
                UPDATE ticket SET search_words = words FROM ticket_search_word WHERE ticket_number = number;
                ALTER TABLE ticket ALTER COLUMN search_words SET NOT NULL;
                CREATE INDEX ticket_search ON ticket USING GIN (search_words);
                DROP TABLE ticket_search_word;
                DELETE FROM formrunner_migration WHERE name = 'v14 search words table';
                COMMIT;
                """, database: database)

            let migrated = try await Self.open(server, database, folder)
            #expect(try await migrated.search("zebrafish", limit: 10).map(\.number) == [2, 1])
            #expect(try await migrated.search("heron", limit: 10).map(\.number) == [2])
            #expect(try Self.value("""
                SELECT count(*) FROM information_schema.columns WHERE table_name = 'ticket' AND column_name = 'search_words'
                """, server, database) == "0")
            #expect(try Self.value("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'ticket_search%' ORDER BY 1",
                                   server, database) == "ticket_search_word_pkey\nticket_search_word_words")
            let third = try await Samples.create(Samples.ticket(title: "Zebrafish again"), in: migrated)
            #expect(third.number == 3)
            #expect(try await migrated.search("zebrafish", limit: 2).map(\.number) == [3, 2])
            await migrated.close()
        }
    }
}
