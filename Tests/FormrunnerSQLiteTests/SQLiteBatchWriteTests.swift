import Foundation
import FormrunnerCore
@testable import FormrunnerSQLite
import GRDB
import Testing

/// The SQLite batch write in multi-row statements: slices, groups of changed columns, the row diff.
@Suite("SQLite batch write in multi-row statements")
struct SQLiteBatchWriteTests {
    @Test("a batch longer than one statement writes each row's own columns, leaves out a stale one and claims every timer")
    func longBatch() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
            let count = MultiRowStatements.rowsPerStatement + 20
            let due = [ArmedTimer(event: "close", dueAt: Samples.instant(5))]
            for index in 0..<count {
                _ = try await Samples.create(Samples.ticket(title: "Ticket \(index)", timers: due), in: store)
            }
            let numbers = (1...Int64(count)).map { $0 }
            let claimed = try await store.claimDueTickets(at: Samples.instant(10), limit: count + 5, until: Samples.instant(500))
            #expect(claimed == numbers)
            let read = try await store.tickets(numbers)
            let stale: Int64 = numbers[MultiRowStatements.rowsPerStatement + 3]
            try await store.touch(stale, at: Samples.instant(7))
            // Every seventh ticket is assigned and keeps its timer (another set of columns), the others are closed.
            let changes = read.map { ticket in
                var next = Samples.next(ticket, status: ticket.number % 7 == 0 ? "solved" : "closed", at: 10,
                                        timers: ticket.number % 7 == 0 ? nil : [])
                if ticket.number % 7 == 0 { next.assignee = "ana@example.com" }
                return TicketChange(ticket: next, expectedVersion: ticket.version,
                                    history: [HistoryEntry(at: Samples.instant(10), actor: .system, event: "close",
                                                           from: "open", to: next.status)],
                                    outbox: [Samples.message("closed-\(ticket.number)", at: 10)], previous: ticket)
            }
            #expect(try await store.update(batch: changes) == [stale])
            for change in changes where change.ticket.number != stale {
                let number = change.ticket.number
                #expect(try await store.ticket(number) == change.ticket.storedForm)
                #expect(try await store.history(number).map(\.event) == ["create", "close"])
                #expect(try await store.outbox(for: number).map(\.id) == ["closed-\(number)"])
            }
            #expect(try await store.history(stale).map(\.event) == ["create", "note"])
            #expect(try await store.outbox(for: stale).isEmpty)
            let kept = numbers.filter { $0 % 7 == 0 && $0 != stale }
            #expect(try await store.count(status: "solved") == kept.count)
            #expect(try await store.count(status: "closed") == count - kept.count - 1)
            // The kept timers' claims ended with the write; the stale ticket's with its touch.
            #expect(try await store.claimDueTickets(at: Samples.instant(10), limit: count, until: Samples.instant(500))
                    == (kept + [stale]).sorted())
        }
    }

    @Test("a row change lists only the columns that differ, in column order, and every column without a stored row")
    func rowChange() throws {
        let stored = Samples.ticket()
        var changed = stored
        changed.title = "Toner smears"
        changed.account = "acme"
        changed.version = stored.version + 1
        let change = try TicketRowChange(changed, over: stored)
        #expect(change.names == ["title", "account", "version"])
        #expect(change.values == ["Toner smears".databaseValue, "acme".databaseValue, (stored.version + 1).databaseValue])
        let every = try TicketRowChange(everyColumnOf: changed)
        #expect(every.names == TicketRows.columns)
        #expect(every.values.count == TicketRows.columns.count)
    }
}
