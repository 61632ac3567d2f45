import FormrunnerCore
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
    /// The next value, a boolean.
    mutating func add(_ value: Bool)
}

extension PostgresBindings: ColumnValues {
    mutating func add(_ value: String?) { append(value) }
    mutating func add(_ value: Int64?) { append(value) }
    mutating func add(_ value: Int?) { append(value) }
    mutating func add(_ values: [String]?) { append(values) }
    mutating func add(_ value: Bool) { append(value) }
}

extension PostgresRows {
    /// A history line's values (ticket number, line), in the order of ``historyRecordColumns``.
    static func appendHistory(_ number: Int64, _ entry: HistoryEntry, to values: inout some ColumnValues) {
        values.add(number)
        values.add(entry.at.millisecondsSince1970)
        values.add(entry.actor.rawValue)
        values.add(entry.event)
        values.add(entry.from)
        values.add(entry.to)
        values.add(entry.message)
        values.add(entry.person)
        values.add(entry.isInternal)
    }

    /// An outbox message's values (in stored form), in the order of ``outboxRecordColumns``.
    static func appendOutbox(_ message: OutboxMessage, to values: inout some ColumnValues) {
        values.add(message.id)
        values.add(message.ticketNumber)
        values.add(message.recipient.rawValue)
        values.add(message.address)
        values.add(message.template)
        values.add(message.subject)
        values.add(message.body)
        values.add(message.createdAt.millisecondsSince1970)
        values.add(message.attempts)
        values.add(message.nextAttemptAt.millisecondsSince1970)
        values.add(message.deliveredAt?.millisecondsSince1970)
        values.add(message.lastError)
    }
}
