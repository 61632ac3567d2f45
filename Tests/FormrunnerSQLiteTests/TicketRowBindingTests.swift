import Foundation
import FormrunnerCore
@testable import FormrunnerSQLite
import GRDB
import Testing

/// A create's ticket row bound straight to SQLite (``TicketRows/bind(_:storedAnswers:to:)``) holds what a
/// rewrite of every column (``TicketRowChange``, through GRDB's arguments) holds: the two lists of the
/// ticket's columns agree.
@Suite("SQLite ticket row binding")
struct TicketRowBindingTests {
    @Test("bound for a create or rewritten whole, a full ticket and a bare one give the same row", arguments: [true, false])
    func sameRow(full: Bool) throws {
        var ticket = Samples.ticket(answers: ["summary": .text("Ünïcödé 🔥"), "count": .number(3)])
        ticket.number = 7
        if full {
            ticket.team = "technical"
            ticket.priority = "high"
            ticket.assignee = "bia@desk.example"
            ticket.language = "pt"
            ticket.mergedInto = 3
            ticket.updatedAt = Samples.instant(5)
        } else {
            ticket.workflowID = nil
            ticket.account = nil
            ticket.requester = Requester(email: "Bo@Example.com", name: nil)
        }
        let columns = TicketRows.columns + ["submission_key"]
        let queue = try DatabaseQueue()
        let rows = try queue.write { db in
            try db.execute(sql: "CREATE TABLE row (\(columns.joined(separator: ", ")))")
            let sql = "INSERT INTO row VALUES (\(databaseQuestionMarks(count: columns.count)))"
            try db.execute(sql: sql, arguments: TicketRows.arguments(ticket) + ["key"])
            var values = DirectBindings(try db.makeStatement(sql: sql))
            try TicketRows.bind(ticket, storedAnswers: nil, to: &values)
            values.append("key")
            try values.execute(in: db)
            return try Row.fetchAll(db, sql: "SELECT * FROM row ORDER BY rowid")
        }
        #expect(rows.count == 2)
        #expect(rows.first == rows.last)
    }
}
