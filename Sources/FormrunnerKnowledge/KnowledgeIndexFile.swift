import Foundation
internal import GRDB

/// The cache file of a ``KnowledgeIndex``: SQLite with the indexed articles (number, id, language,
/// length) and each word's postings as one blob, written whole into a temporary file and renamed.
enum KnowledgeIndexFile {
    /// Writes `built` to `path` (replacing nothing until it is complete).
    static func write(_ built: KnowledgeIndex.Built, to path: String) throws {
        let temporary = path + ".incoming-\(UUID().uuidString)"
        do {
            let database = try DatabaseQueue(path: temporary)
            // The file is renamed into place only once complete: no journal needed.
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            }
            try database.write { db in
                try db.execute(sql: """
                    CREATE TABLE article (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, language TEXT NOT NULL, length INTEGER NOT NULL);
                    CREATE TABLE term (term TEXT PRIMARY KEY, postings BLOB NOT NULL) WITHOUT ROWID;
                    """)
                let insertArticle = try db.makeStatement(sql: "INSERT INTO article (rowid, id, language, length) VALUES (?, ?, ?, ?)")
                for (index, document) in built.documents.enumerated() {
                    try insertArticle.execute(arguments: [index + 1, document.id, document.language,
                                                          Int(built.postings.lengths[index])])
                }
                let insertTerm = try db.makeStatement(sql: "INSERT INTO term (term, postings) VALUES (?, ?)")
                for (term, postings) in zip(built.postings.terms, built.postings.postings) {
                    let bytes = postings.withUnsafeBufferPointer { Data(buffer: $0) }
                    try insertTerm.execute(arguments: [term, bytes])
                }
            }
            try database.close()
            if rename(temporary, path) != 0 { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// The index written at `path`.
    static func read(_ path: String) throws -> KnowledgeIndex.Built {
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? database.close() }
        return try database.read { db in
            var documents: [(id: String, language: String)] = []
            var lengths: [UInt32] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, language, length FROM article ORDER BY rowid") {
                documents.append((row["id"], row["language"]))
                lengths.append(UInt32(row["length"] as Int))
            }
            var terms: [(String, [TermPostings.Posting])] = []
            for row in try Row.fetchAll(db, sql: "SELECT term, postings FROM term") {
                let bytes: Data = row["postings"]
                var postings = [TermPostings.Posting](repeating: .init(document: 0, frequency: 0),
                                                      count: bytes.count / MemoryLayout<TermPostings.Posting>.stride)
                _ = postings.withUnsafeMutableBytes { bytes.copyBytes(to: $0) }
                terms.append((row["term"], postings))
            }
            terms.sort { $0.0 < $1.0 }
            return KnowledgeIndex.Built(postings: TermPostings(terms: terms.map(\.0), postings: terms.map(\.1), lengths: lengths),
                                        documents: documents)
        }
    }
}
