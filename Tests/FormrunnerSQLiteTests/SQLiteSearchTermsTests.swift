import Foundation
import FormrunnerCore
import FormrunnerSQLite
import GRDB
import Testing

/// The "v13 search terms" migration: search words become the stored words they begin, found the
/// same as by a prefix, also for tickets written before the migration and for very common prefixes.
@Suite("SQLite search terms")
struct SQLiteSearchTermsTests {
    @Test("a word that begins many stored words finds every ticket holding one of them")
    func manyExpansions() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
            for index in 1...(SearchTermsLimit.value + 6) {
                try await Samples.create(Samples.ticket(title: "printer pr\(index)x"), in: store)
            }
            let all = try await store.search("pr", limit: 500)
            #expect(all.count == SearchTermsLimit.value + 6)
            #expect(all.first?.number == Int64(SearchTermsLimit.value + 6))
            #expect(try await store.search("pr7", limit: 500).map(\.title).sorted() == ["printer pr70x", "printer pr7x"])
            #expect(try await store.search("printer pr12x", limit: 500).map(\.number) == [12])
            #expect(try await store.search("pr999", limit: 500).isEmpty)
        }
    }

    @Test("tickets written before the migration are found by the words they hold")
    func backfill() async throws {
        try await withScratchFolder { folder in
            let path = folder.appendingPathComponent("tickets.sqlite").path
            do {
                let store = try SQLiteTicketStore(path: path)
                try await Samples.create(Samples.ticket(title: "Scanner jams daily"), in: store)
            }
            // Back to the schema before v13: no table, migration not applied.
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                try db.execute(sql: """
                    DROP TABLE ticket_search_term;
                    DELETE FROM grdb_migrations WHERE identifier = 'v13 search terms';
                    """)
            }
            try queue.close()
            let store = try SQLiteTicketStore(path: path)
            #expect(try await store.search("scan jam", limit: 5).map(\.number) == [1])
            #expect(try await store.search("daily", limit: 5).map(\.number) == [1])
        }
    }
}

/// The most stored words a search word is turned into (`SearchTerms.maximumExpansion`).
enum SearchTermsLimit {
    static let value = 64
}
