import Foundation
import FormrunnerCore
import GRDB

/// The columns of a `ticket` row that a write changes, and their new values, in the order of
/// ``TicketRows/columns``: only those that differ from the stored row, so that SQLite leaves the
/// indexes of the others alone.
///
/// Found by comparing the two tickets field by field; a value is built only for a column that
/// changed, the answers and the SLA clock are encoded only when they changed.
struct TicketRowChange: Sendable {
    /// Which of ``TicketRows/columns`` change: bit `i` for column `i`.
    private(set) var columns: UInt64 = 0
    /// The new values of the changed columns, in column order.
    private(set) var values: [DatabaseValue] = []

    /// Every column of `ticket`: the write of a row whose stored values are not known.
    init(everyColumnOf ticket: Ticket) throws {
        try self.init(ticket, over: nil)
    }

    /// The columns that turn the stored row of `previous` into that of `ticket`.
    init(_ ticket: Ticket, over previous: Ticket) throws {
        try self.init(ticket, over: Optional(previous))
    }

    /// The columns that turn the stored row of `old` into that of `new`; every column when `old` is `nil`.
    init(_ new: Ticket, over old: Ticket?) throws {
        known = old != nil
        values.reserveCapacity(old == nil ? TicketRows.columns.count : 8)
        compare(new.formID, old?.formID)
        compare(new.formVersion, old?.formVersion)
        compare(new.workflowID, old?.workflowID)
        compare(new.lifecycleID, old?.lifecycleID)
        compare(new.status, old?.status)
        compare(new.title, old?.title)
        compare(new.requester.email, old?.requester.email)
        compare(new.requester.name, old?.requester.name)
        compare(new.account, old?.account)
        if let old, new.answers == old.answers { skip() } else { set(try StoredAnswers.encode(new.answers)) }
        compare(new.createdAt.millisecondsSince1970, old?.createdAt.millisecondsSince1970)
        compare(new.updatedAt.millisecondsSince1970, old?.updatedAt.millisecondsSince1970)
        compare(new.lastInteractionAt.millisecondsSince1970, old?.lastInteractionAt.millisecondsSince1970)
        compare(new.statusEnteredAt.millisecondsSince1970, old?.statusEnteredAt.millisecondsSince1970)
        compare(new.version, old?.version)
        if let old, new.requester.email == old.requester.email {
            skip()
        } else {
            set(UserRecord.normalizedEmail(new.requester.email))
        }
        compare(new.team, old?.team)
        compare(new.priority, old?.priority)
        compare(new.assignee, old?.assignee)
        if let old, new.sla == old.sla { skip() } else { set(try new.sla?.storedJSON()) }
        compare(new.language, old?.language)
        compare(new.mergedInto, old?.mergedInto)
        compare(new.queueDueKey, old?.queueDueKey)
        compare(new.slaAlertKey, old?.slaAlertKey)
        let report = ReportColumns(new), stored = old.map(ReportColumns.init)
        compare(report.firstResponse?.rawValue, stored?.firstResponse?.rawValue)
        compare(report.firstResponseDue, stored?.firstResponseDue)
        compare(report.firstResponseSeconds, stored?.firstResponseSeconds)
        compare(report.solvedAt, stored?.solvedAt)
        compare(report.closedAt, stored?.closedAt)
        compare(report.reopens, stored?.reopens)
        compare(report.surveyRating, stored?.surveyRating)
        compare(report.surveyAt, stored?.surveyAt)
        assert(next == TicketRows.columns.count, "TicketRowChange compares \(next) of \(TicketRows.columns.count) columns")
    }

    /// The column compared next.
    private var next = 0
    /// Whether the stored row is known (else every column is written).
    private var known = false

    /// Column `next` takes `new` unless the stored row is known and holds `stored`, the same.
    private mutating func compare<Value: DatabaseValueConvertible & Equatable>(_ new: Value?, _ stored: Value?) {
        if known, stored == new { skip() } else { set(new) }
    }

    private mutating func set(_ value: (any DatabaseValueConvertible)?) {
        columns |= 1 << UInt64(next)
        values.append(value?.databaseValue ?? .null)
        next += 1
    }

    private mutating func skip() { next += 1 }

    /// Nothing changes.
    var isEmpty: Bool { columns == 0 }

    /// The names of the changed columns, in order.
    var names: [String] { Self.names(of: columns) }

    /// The names of the columns in `set`, in order.
    static func names(of set: UInt64) -> [String] {
        TicketRows.columns.indices.filter { set & (1 << UInt64($0)) != 0 }.map { TicketRows.columns[$0] }
    }
}
