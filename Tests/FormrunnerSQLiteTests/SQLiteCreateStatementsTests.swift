import Foundation
import FormrunnerCore
@testable import FormrunnerSQLite
import GRDB
import Testing

/// The statements a create writes in fewer runs: history lines and outbox messages in one multi-row
/// insert each; and round robin through the store.
@Suite("SQLite create statements")
struct SQLiteCreateStatementsTests {
    /// Candidates whose UTF-8 order differs from a naive one (upper case, digits, non-ASCII).
    static let candidates = ["zoe@example.com", "Ana@example.com", "bob@example.com", "ção@example.com", "9@example.com"]

    @Test("round robin through the store goes round every candidate in turn, one team's cursor apart from another's")
    func roundRobinGoesRound() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
            let request = AssignmentRequest(team: "technical", rule: .roundRobin, candidates: Self.candidates, settledStatuses: [])
            var other = request
            other.team = "financial"
            var assignees: [String?] = []
            for index in 0..<(2 * request.candidates.count) {
                let created = try await store.create(Samples.ticket(title: "Ticket \(index)"), history: [Samples.created()],
                                                     submissionKey: nil, files: [:], assignment: request) { _ in [] }
                assignees.append(created.assignee)
                if index == 2 {
                    _ = try await store.create(Samples.ticket(title: "Elsewhere"), history: [Samples.created()], submissionKey: nil,
                                               files: [:], assignment: other) { _ in [] }
                }
            }
            #expect(assignees == (request.candidates + request.candidates).map { Optional($0) })
            let history = try await store.history(1)
            #expect(history.map(\.event) == ["create", "assign"])
            #expect(history.last?.message == "assigned to \(request.candidates[0]) (round robin in team technical)")
        }
    }

    @Test("history lines beyond one statement's rows are appended in order")
    func historyInOrder() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
            let ticket = try await Samples.create(Samples.ticket(), in: store)
            let count = 2 * HistoryRows.rowsPerStatement + 1
            let lines = (0..<count).map(Self.line)
            for size in [1, 2, count] {
                try await store.write { db in try HistoryRows.append(Array(lines.prefix(size)), to: ticket.number, in: db) }
            }
            let expected = [Samples.created()] + Array(lines.prefix(1)) + Array(lines.prefix(2)) + lines
            #expect(try await store.history(ticket.number) == expected)
        }
    }

    /// A history line that differs from its neighbours in actor, person and visibility.
    static func line(_ index: Int) -> HistoryEntry {
        let even = index % 2 == 0
        let person: String? = index % 3 == 0 ? "bo@example.com" : nil
        return HistoryEntry(at: Samples.instant(Double(index + 1)), actor: even ? .agent : .system, event: "note", from: "open",
                            to: "open", message: "line \(index)", person: person, isInternal: even)
    }

    @Test("messages filed together are stored in order; a taken id is refused by name and nothing is filed",
          arguments: [(["fresh-1", "taken"], "taken"), (["taken", "fresh-1"], "taken"), (["twice", "twice"], "twice"),
                      (["fresh-1", "fresh-2", "fresh-3", "fresh-4", "taken"], "taken")])
    func outboxTogether(ids: [String], refused: String) async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
            let ticket = try await store.create(Samples.ticket(), history: [Samples.created()], submissionKey: nil,
                                                files: [:]) { ticket in [Samples.message("taken", ticket: ticket.number)] }
            await #expect(throws: TicketStoreError.invalid("outbox message \(refused) already exists")) {
                try await store.write { db in
                    try OutboxRows.insert(ids.map { Samples.message($0, ticket: ticket.number, at: 1) }, in: db)
                }
            }
            #expect(try await store.outbox(for: ticket.number).map(\.id) == ["taken"])
            let fresh = (1...(OutboxRows.rowsPerStatement + 2)).map { Samples.message("new-\($0)", ticket: ticket.number, at: 2) }
            try await store.write { db in try OutboxRows.insert(fresh, in: db) }
            #expect(try await store.outbox(for: ticket.number) == [Samples.message("taken", ticket: ticket.number)] + fresh)
        }
    }
}
