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

extension Ticket {
    /// The columns of a ticket's own row that ``addStoredValues(answers:to:)`` fills, in its order
    /// (without the number, which the stores give, and the submission key, written once at create).
    public static let storedColumns = [
        "form_id", "form_version", "workflow_id", "lifecycle_id", "status", "title", "requester_email",
        "requester_name", "account", "answers", "created_at", "updated_at", "last_interaction_at",
        "status_entered_at", "version", "requester_key", "team", "priority", "assignee", "sla", "language",
        "merged_into", "queue_due", "sla_alert",
    ] + ReportColumns.names

    /// The ticket's values as its own row, in the order of ``storedColumns``. Instants in milliseconds;
    /// `answers` is the answers' stored JSON (`StoredAnswers.encode`), or `nil` for a `NULL` that a
    /// store's write reads as "unchanged".
    public func addStoredValues(answers: String?, to values: inout some StoredRowValues) throws {
        values.add(formID)
        values.add(Int64(formVersion))
        values.add(workflowID)
        values.add(lifecycleID)
        values.add(status)
        values.add(title)
        values.add(requester.email)
        values.add(requester.name)
        values.add(account)
        values.add(answers)
        values.add(createdAt.millisecondsSince1970)
        values.add(updatedAt.millisecondsSince1970)
        values.add(lastInteractionAt.millisecondsSince1970)
        values.add(statusEnteredAt.millisecondsSince1970)
        values.add(Int64(version))
        values.add(UserRecord.normalizedEmail(requester.email))
        values.add(team)
        values.add(priority)
        values.add(assignee)
        values.add(try sla?.storedJSON())
        values.add(language)
        values.add(mergedInto)
        values.add(queueDueKey)
        values.add(slaAlertKey)
        let report = ReportColumns(self)
        values.add(report.firstResponse?.rawValue)
        values.add(report.firstResponseDue)
        values.add(report.firstResponseSeconds)
        values.add(report.solvedAt)
        values.add(report.closedAt)
        values.add(report.reopens.map(Int64.init))
        values.add(report.surveyRating)
        values.add(report.surveyAt)
    }
}
