import Foundation

/// Where a stored row's values go, one column after another: a statement's bindings, a record of a
/// bound JSON document. The stores list the columns of a history line and of an outbox message
/// once, here, in the order of their `history` and `outbox` tables.
public protocol StoredRowValues {
    /// The next value, text, `NULL` when `nil`.
    mutating func add(_ value: String?)
    /// The next value, an integer, `NULL` when `nil`.
    mutating func add(_ value: Int64?)
    /// The next value, a boolean.
    mutating func add(_ value: Bool)
}

extension HistoryEntry {
    /// The line's values as a row of ticket `number`'s history: `ticket_number, at, actor, event,
    /// from_status, to_status, message, person, internal` (instants in milliseconds).
    public func addStoredValues(ticket number: Int64, to values: inout some StoredRowValues) {
        values.add(number)
        values.add(at.millisecondsSince1970)
        values.add(actor.rawValue)
        values.add(event)
        values.add(from)
        values.add(to)
        values.add(message)
        values.add(person)
        values.add(isInternal)
    }
}

extension OutboxMessage {
    /// The message's values as a row of the outbox: `id, ticket_number, recipient, address, template,
    /// subject, body, created_at, attempts, next_attempt_at, delivered_at, last_error` (instants in
    /// milliseconds).
    public func addStoredValues(to values: inout some StoredRowValues) {
        values.add(id)
        values.add(ticketNumber)
        values.add(recipient.rawValue)
        values.add(address)
        values.add(template)
        values.add(subject)
        values.add(body)
        values.add(createdAt.millisecondsSince1970)
        values.add(Int64(attempts))
        values.add(nextAttemptAt.millisecondsSince1970)
        values.add(deliveredAt?.millisecondsSince1970)
        values.add(lastError)
    }
}
