import FormrunnerCore
import GRDB

/// Statements that write many rows at once (`VALUES (…), (…)` lists): one statement run, and one
/// statement journal, for a slice of rows instead of one per row.
enum MultiRowStatements {
    /// Rows a statement lists at most: well under SQLite's 32,766 bound values for the widest row
    /// (a ticket's 34 values), and short enough that its SQL is quick to prepare.
    static let rowsPerStatement = 500

    /// The index ranges of `count` rows, ``rowsPerStatement`` at a time.
    static func slices(_ count: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: rowsPerStatement).map { $0..<min($0 + rowsPerStatement, count) }
    }

    /// `rows` parenthesised lists of `width` placeholders: `(?, ?), (?, ?)`.
    static func values(rows: Int, width: Int) -> String {
        let row = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        return Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// The statement for `sql`, kept in the connection's cache only when it lists a full slice
    /// (`rows` is ``rowsPerStatement``): the shorter last slices vary from batch to batch.
    static func statement(_ sql: String, rows: Int, in db: Database) throws -> Statement {
        rows == rowsPerStatement ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
    }
}
