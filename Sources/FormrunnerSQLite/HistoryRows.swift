import FormrunnerCore
import Foundation
import GRDB

/// The append-only `history` table.
enum HistoryRows {
    /// Appends `entries` to the history of ticket `number`.
    static func append(_ entries: [HistoryEntry], to number: Int64, in db: Database) throws {
        for entry in entries {
            try db.cachedStatement(
                sql: """
                    INSERT INTO history (ticket_number, at, actor, event, from_status, to_status, message, person, internal)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [number, entry.at.millisecondsSince1970, entry.actor.rawValue, entry.event, entry.from,
                            entry.to, entry.message, entry.person, entry.isInternal])
        }
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
