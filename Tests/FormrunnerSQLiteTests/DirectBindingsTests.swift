import Foundation
@testable import FormrunnerSQLite
import GRDB
import Testing

/// Values bound straight to a statement's parameters read back as GRDB would have bound them.
@Suite("SQLite direct bindings")
struct DirectBindingsTests {
    static func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE item (id INTEGER PRIMARY KEY, label TEXT, note TEXT, amount REAL, data BLOB, flag INTEGER)")
        }
        return queue
    }

    @Test("every kind of value, an empty text and NULL read back as bound, in two rows of one statement")
    func kinds() throws {
        let queue = try Self.database()
        let returned = try queue.write { db in
            var values = DirectBindings(try db.makeStatement(
                sql: "INSERT INTO item (id, label, note, amount, data, flag) VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?) RETURNING id"))
            values.append(Int64(1))
            values.append("Ünïcödé 🔥")
            values.append("")
            values.append(2.5.databaseValue)
            values.append(Data([0, 1, 2]).databaseValue)
            values.append(true)
            values.append(2)
            values.append(String?.none)
            values.append(Int64?.none)
            values.appendNull()
            values.append(Data().databaseValue)
            values.append(false)
            return try values.fetchInt64s(in: db)
        }
        #expect(returned == [1, 2])
        let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM item ORDER BY id") }
        #expect(rows == [
            ["id": 1, "label": "Ünïcödé 🔥", "note": "", "amount": 2.5, "data": Data([0, 1, 2]), "flag": 1],
            ["id": 2, "label": nil, "note": nil, "amount": nil, "data": Data(), "flag": 0],
        ])
    }

    @Test("a statement bound directly runs again with GRDB's own arguments, and an error is a DatabaseError")
    func reuseAndError() throws {
        let queue = try Self.database()
        try queue.write { db in
            let statement = try db.cachedStatement(sql: "INSERT INTO item (id, label) VALUES (?, ?) RETURNING label")
            var values = DirectBindings(statement)
            values.append(1)
            values.append("first")
            #expect(try values.fetchStrings(in: db) == ["first"])
            try statement.execute(arguments: [2, "second"])
            var again = DirectBindings(statement)
            again.append(1)
            again.append("taken")
            #expect(throws: DatabaseError.self) { try again.execute(in: db) }
        }
        #expect(try queue.read { db in try String.fetchAll(db, sql: "SELECT label FROM item ORDER BY id") } == ["first", "second"])
    }
}
