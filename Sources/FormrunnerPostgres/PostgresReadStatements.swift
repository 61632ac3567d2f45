import Foundation
import FormrunnerCore
import PostgresNIO

/// A prepared statement whose one bind is a ticket's number.
protocol TicketNumberStatement: PostgresPreparedStatement {
    var number: Int64 { get }
}

extension TicketNumberStatement {
    func makeBindings() -> PostgresBindings {
        var binds = PostgresBindings(capacity: 1)
        binds.append(number)
        return binds
    }
}

/// One ticket with its timers (``PostgresTicketStore/ticket(_:)``): one round trip, prepared once on
/// each connection (every page, command and action reads its ticket first). The timers come as two
/// arrays in the order ``PostgresRows/timers(for:)`` reads them: by due time, then event.
struct PostgresTicketStatement: TicketNumberStatement {
    typealias Row = Ticket

    static let name = "formrunner_ticket_v1"

    static let sql = """
        SELECT \(PostgresRows.ticketColumns),
            (SELECT array_agg(event ORDER BY \(PostgresRows.timerOrder)) FROM timer WHERE ticket_number = $1::bigint),
            (SELECT array_agg(due_at ORDER BY \(PostgresRows.timerOrder)) FROM timer WHERE ticket_number = $1::bigint)
        FROM ticket WHERE number = $1::bigint
        """

    static let bindingDataTypes: [PostgresDataType] = [.int8]

    /// Where the timers' two arrays are in the row: after the ticket's columns.
    private static let timerColumns = PostgresRows.ticketColumns.split(separator: ",").count

    var number: Int64

    func decodeRow(_ row: PostgresRow) throws -> Ticket {
        var ticket = try PostgresRows.ticket(from: row)
        let columns = row.makeRandomAccess()
        let events = try columns[Self.timerColumns].decode([String]?.self) ?? []
        let dues = try columns[Self.timerColumns + 1].decode([Int64]?.self) ?? []
        ticket.timers = zip(events, dues).map { ArmedTimer(event: $0, dueAt: Date(millisecondsSince1970: $1)) }
        return ticket
    }
}

/// A ticket's history (``PostgresTicketStore/history(_:)``), oldest first, prepared once on each connection.
struct PostgresHistoryStatement: TicketNumberStatement {
    typealias Row = HistoryEntry

    static let name = "formrunner_history_v1"

    static let sql = """
        SELECT at, actor, event, from_status, to_status, message, person, internal FROM history
        WHERE ticket_number = $1::bigint ORDER BY id
        """

    static let bindingDataTypes: [PostgresDataType] = [.int8]

    var number: Int64

    func decodeRow(_ row: PostgresRow) throws -> HistoryEntry {
        let (at, actor, event, from, to, message, person, isInternal) = try row.decode(
            (Int64, String, String, String?, String, String?, String?, Bool).self)
        return HistoryEntry(at: Date(millisecondsSince1970: at), actor: try PostgresRows.actor(actor), event: event,
                            from: from, to: to, message: message, person: person, isInternal: isInternal)
    }
}
