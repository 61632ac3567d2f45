import PostgresNIO

/// Where the values of a row's columns go, one after the other: a statement's binds, or a record of a
/// bound JSON document (``JSONRecords``). One list of a ticket's values serves both.
protocol ColumnValues {
    /// The next value, text, `NULL` when `nil`.
    mutating func add(_ value: String?)
    /// The next value, an integer, `NULL` when `nil`.
    mutating func add(_ value: Int64?)
    /// The next value, an integer, `NULL` when `nil`.
    mutating func add(_ value: Int?)
    /// The next value, an array of texts, `NULL` when `nil`.
    mutating func add(_ values: [String]?)
}

extension PostgresBindings: ColumnValues {
    mutating func add(_ value: String?) { append(value) }
    mutating func add(_ value: Int64?) { append(value) }
    mutating func add(_ value: Int?) { append(value) }
    mutating func add(_ values: [String]?) { append(values) }
}
