import FormrunnerCore
import PostgresNIO

/// Where the values of a row's columns go, one after the other: a statement's binds, or a record of a
/// bound JSON document (``JSONRecords``). One list of a ticket's values serves both; a history line's
/// and an outbox message's are listed in the core (``StoredRowValues``).
protocol ColumnValues: StoredRowValues {
    /// The next value, an integer, `NULL` when `nil`.
    mutating func add(_ value: Int?)
    /// The next value, an array of texts, `NULL` when `nil`.
    mutating func add(_ values: [String]?)
}

/// A statement's binds as ``ColumnValues``. The core's three requirements are public because
/// `PostgresBindings` is (PostgresNIO's type): each only appends the value, as `append` does.
extension PostgresBindings: ColumnValues {
    public mutating func add(_ value: String?) { append(value) }
    public mutating func add(_ value: Int64?) { append(value) }
    public mutating func add(_ value: Bool) { append(value) }
    mutating func add(_ value: Int?) { append(value) }
    mutating func add(_ values: [String]?) { append(values) }
}
