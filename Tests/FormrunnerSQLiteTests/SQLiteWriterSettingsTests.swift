import Foundation
import FormrunnerCore
@testable import FormrunnerSQLite
import GRDB
import Testing

/// The writer's connection settings, and search terms written many to a statement.
@Suite("SQLite writer settings")
struct SQLiteWriterSettingsTests {
    @Test("the writer keeps its temporary journals in memory and a larger page cache; readers keep SQLite's defaults")
    func tempStore() async throws {
        try await withScratchFolder { folder in
            let pool = try DatabaseFile.openPool(at: folder.appendingPathComponent("tickets.sqlite"), label: "test")
            #expect(try await pool.write { db in try Int.fetchOne(db, sql: "PRAGMA temp_store") } == 2)
            #expect(try await pool.read { db in try Int.fetchOne(db, sql: "PRAGMA temp_store") } == 0)
            #expect(try await pool.write { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") } == -WriterSettings.cacheKiB)
            #expect(try await pool.read { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") } == -2_000)
        }
    }

    @Test("a ticket with more words than one statement lists has every word listed and found")
    func manyWords() async throws {
        try await withScratchFolder { folder in
            let path = folder.appendingPathComponent("tickets.sqlite").path
            let store = try SQLiteTicketStore(path: path)
            let count = SearchTerms.wordsPerStatement * 2 + 3
            let words = (0..<count).map { "word\($0)x" }
            let created = try await Samples.create(Samples.ticket(title: words.joined(separator: " ")), in: store)
            let listed = try await DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT term FROM ticket_search_term WHERE term LIKE 'word%'")
            }
            #expect(Set(listed) == Set(words))
            #expect(try await store.search("word\(count - 1)x", limit: 5).map(\.number) == [created.number])
            #expect(try await store.search("word0", limit: 5).map(\.number) == [created.number])
        }
    }
}
