import FormrunnerCore
import Foundation
import GRDB

/// The append-only `history` table.
enum HistoryRows {
    /// Appends `entries` to the history of ticket `number`, in order: up to ``rowsPerStatement`` rows a
    /// statement (a create that assigns writes two lines in one statement instead of two).
    static func append(_ entries: [HistoryEntry], to number: Int64, in db: Database) throws {
        var start = entries.startIndex
        while start < entries.endIndex {
            let end = min(start + rowsPerStatement, entries.endIndex)
            // Bound straight to SQLite, as they are listed.
            var values = DirectBindings(try db.cachedStatement(sql: insertSQL[end - start - 1]))
            for entry in entries[start..<end] { entry.addStoredValues(ticket: number, to: &values) }
            try values.execute(in: db)
            start = end
        }
    }

    /// Rows an insert of ``append(_:to:in:)`` lists at most: each count has its statement in the
    /// connection's cache.
    static let rowsPerStatement = 4

    /// The values a history row binds.
    private static let width = 9

    /// The inserts of 1 to ``rowsPerStatement`` rows.
    private static let insertSQL = (1...rowsPerStatement).map { rows in
        "INSERT INTO history (ticket_number, at, actor, event, from_status, to_status, message, person, internal) VALUES "
            + MultiRowStatements.values(rows: rows, width: width)
    }

    /// The history of ticket `number`, oldest first.
    static func fetch(_ number: Int64, in db: Database) throws -> [HistoryEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM history WHERE ticket_number = ? ORDER BY id", arguments: [number])
            .map { row in
                HistoryEntry(at: Date(millisecondsSince1970: row["at"]), actor: try StoredActor.read(row["actor"]),
                             event: row["event"], from: row["from_status"], to: row["to_status"],
                             message: row["message"], person: row["person"], isInternal: row["internal"])
            }
    }
}

/// Reads actors back from their stored names.
enum StoredActor {
    static func read(_ name: String) throws -> Actor {
        guard let actor = Actor(rawValue: name) else {
            throw TicketStoreError.unavailable("the stored actor '\(name)' is not requester, agent or system")
        }
        return actor
    }
}
