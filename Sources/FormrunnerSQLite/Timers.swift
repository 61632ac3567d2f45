import FormrunnerCore
import Foundation
import GRDB

/// The `timer` table: the timers armed on each ticket.
enum Timers {
    /// Makes the stored timers of ticket `number` exactly `timers` (one per event, as in `Ticket.storedForm`).
    static func replace(_ timers: [ArmedTimer], of number: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM timer WHERE ticket_number = ?").execute(arguments: [number])
        try insert(timers, of: number, in: db)
    }

    /// Ends the claims on the timers of ticket `number` (a write that keeps them as they are).
    static func release(of number: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE timer SET claimed_until = NULL WHERE ticket_number = ? AND claimed_until IS NOT NULL")
            .execute(arguments: [number])
    }

    /// Makes the stored timers of each ticket exactly its `timers`, a few statements for them all.
    static func replace(_ tickets: [(number: Int64, timers: [ArmedTimer])], in db: Database) throws {
        let numbers = tickets.map(\.number)
        for slice in MultiRowStatements.slices(numbers.count) {
            try db.execute(sql: "DELETE FROM timer WHERE ticket_number IN (\(databaseQuestionMarks(count: slice.count)))",
                           arguments: StatementArguments(numbers[slice]))
        }
        let timers = tickets.flatMap { ticket in ticket.timers.map { (ticket.number, $0) } }
        for slice in MultiRowStatements.slices(timers.count) {
            var values = DirectBindings(try MultiRowStatements.statement(
                "INSERT INTO timer (ticket_number, event, due_at) VALUES \(MultiRowStatements.values(rows: slice.count, width: 3))",
                rows: slice.count, in: db))
            for (number, timer) in timers[slice] {
                values.append(number)
                values.append(timer.event)
                values.append(timer.dueAt.millisecondsSince1970)
            }
            try values.execute(in: db)
        }
    }

    /// Ends the claims on the timers of the tickets numbered `numbers`, a statement per slice.
    static func release(of numbers: [Int64], in db: Database) throws {
        for slice in MultiRowStatements.slices(numbers.count) {
            try db.execute(
                sql: """
                    UPDATE timer SET claimed_until = NULL
                    WHERE ticket_number IN (\(databaseQuestionMarks(count: slice.count))) AND claimed_until IS NOT NULL
                    """,
                arguments: StatementArguments(numbers[slice]))
        }
    }

    /// Adds the timers of a new ticket, which has none yet.
    static func insert(_ timers: [ArmedTimer], of number: Int64, in db: Database) throws {
        for timer in timers {
            var values = DirectBindings(try db.cachedStatement(sql: "INSERT INTO timer (ticket_number, event, due_at) VALUES (?, ?, ?)"))
            values.append(number)
            values.append(timer.event)
            values.append(timer.dueAt.millisecondsSince1970)
            try values.execute(in: db)
        }
    }

    /// The timers of the tickets with these numbers, by number, each ordered by due time then event.
    static func fetch(for numbers: [Int64], in db: Database) throws -> [Int64: [ArmedTimer]] {
        guard !numbers.isEmpty else { return [:] }
        // Read as the statement steps, by position: the columns are the three selected.
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT ticket_number, event, due_at FROM timer
                WHERE ticket_number IN (\(databaseQuestionMarks(count: numbers.count)))
                ORDER BY ticket_number, due_at, event
                """,
            arguments: StatementArguments(numbers))
        var timers: [Int64: [ArmedTimer]] = [:]
        timers.reserveCapacity(numbers.count)
        while let row = try rows.next() {
            let number: Int64 = row[0], event: String = row[1], dueAt: Int64 = row[2]
            timers[number, default: []].append(ArmedTimer(event: event, dueAt: Date(millisecondsSince1970: dueAt)))
        }
        return timers
    }

    /// Numbers of tickets with a timer due at or before `milliseconds`, earliest due first (then by number).
    ///
    /// Walks the `timer_due` index, which orders by due time and then by the primary key, and keeps
    /// the first timer of each ticket (its earliest), stopping after `limit` tickets: the work grows
    /// with `limit`, not with the number of timers due or armed (a `GROUP BY` would scan them all).
    static func due(atMilliseconds milliseconds: Int64, limit: Int, in db: Database) throws -> [Int64] {
        let timers = try Int64.fetchCursor(
            db, sql: "SELECT ticket_number FROM timer WHERE due_at <= ? ORDER BY due_at, ticket_number",
            arguments: [milliseconds])
        var numbers: [Int64] = []
        var seen: Set<Int64> = []
        while numbers.count < limit, let number = try timers.next() {
            if seen.insert(number).inserted { numbers.append(number) }
        }
        return numbers
    }

    /// Claims the unheld timers due at or before `milliseconds` until `until` (ms), walking them like
    /// ``due(atMilliseconds:limit:in:)``; returns the numbers of their tickets, at most `limit`.
    static func claim(atMilliseconds milliseconds: Int64, limit: Int, until: Int64, in db: Database) throws -> [Int64] {
        let timers = try Row.fetchCursor(
            db,
            sql: """
                SELECT ticket_number, event FROM timer
                WHERE due_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
                ORDER BY due_at, ticket_number
                """,
            arguments: [milliseconds, milliseconds])
        var numbers: [Int64] = []
        var claimed: [(number: Int64, event: String)] = []
        var seen: Set<Int64> = []
        while let row = try timers.next() {
            let number: Int64 = row["ticket_number"]
            if !seen.contains(number) {
                guard numbers.count < limit else { break }
                seen.insert(number)
                numbers.append(number)
            }
            claimed.append((number, row["event"]))
        }
        // A statement per slice of timers, each found by its primary key (`(ticket_number, event) IN
        // (VALUES …)` would scan the table).
        for slice in MultiRowStatements.slices(claimed.count) {
            var values = DirectBindings(try MultiRowStatements.statement("""
                UPDATE timer SET claimed_until = ?1 FROM (VALUES \(MultiRowStatements.values(rows: slice.count, width: 2))) AS x
                WHERE timer.ticket_number = x.column1 AND timer.event = x.column2
                """, rows: slice.count, in: db))
            values.append(until)
            for timer in claimed[slice] {
                values.append(timer.number)
                values.append(timer.event)
            }
            try values.execute(in: db)
        }
        return numbers
    }

    /// The earliest instant (ms) at which a timer can be claimed: its due time, or the end of its claim.
    static func nextClaimable(in db: Database) throws -> Int64? {
        let free = try Int64.fetchOne(db, sql: "SELECT MIN(due_at) FROM timer WHERE claimed_until IS NULL")
        let held = try Int64.fetchOne(db, sql: "SELECT MIN(claimed_until) FROM timer WHERE claimed_until IS NOT NULL")
        return [free, held].compactMap { $0 }.min()
    }
}
