import Foundation
import FormrunnerCore
import FormrunnerSQLite
import GRDB
import Testing

/// The "v7 ticket language" migration: a database made before it gains the column, and its tickets
/// read back without a language (English).
@Suite("SQLite ticket language")
struct SQLiteTicketLanguageTests {
    @Test("a database from before the language column is migrated; its tickets have no language, new ones keep theirs")
    func migration() async throws {
        try await withScratchFolder { folder in
            let path = folder.appendingPathComponent("tickets.sqlite").path
            do {
                let store = try SQLiteTicketStore(path: path)
                try await Samples.create(Samples.ticket(title: "Old"), in: store)
            }
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                try db.execute(sql: """
                    ALTER TABLE ticket DROP COLUMN language;
                    DELETE FROM grdb_migrations WHERE identifier = 'v7 ticket language';
                    """)
            }
            try queue.close()
            let store = try SQLiteTicketStore(path: path)
            #expect(try await store.ticket(1)?.title == "Old")
            #expect(try await store.ticket(1)?.language == nil)
            var spanish = Samples.ticket(title: "Nuevo")
            spanish.language = "es"
            try await Samples.create(spanish, in: store)
            #expect(try await store.ticket(2)?.language == "es")
        }
    }
}
