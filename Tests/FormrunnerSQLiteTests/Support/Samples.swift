import Foundation
import FormrunnerCore

/// Tickets, history lines and messages for the store tests, all at whole milliseconds.
enum Samples {
    /// 2026-01-01T00:00:00.123Z, plus `seconds`.
    static func instant(_ seconds: Double = 0) -> Date {
        Date(millisecondsSince1970: 1_767_225_600_123 + Int64((seconds * 1000).rounded()))
    }

    static func ticket(title: String = "Printer does not print", status: String = "open",
                       answers: [String: AnswerValue] = ["summary": .text("It blinks red")],
                       timers: [ArmedTimer] = [], at seconds: Double = 0) -> Ticket {
        Ticket(formID: "technical", formVersion: 2, workflowID: "intake", lifecycleID: "support", status: status,
               title: title, requester: Requester(email: "ana@example.com", name: "Ana"), account: "store-12",
               answers: answers, createdAt: instant(seconds), timers: timers)
    }

    static func created(at seconds: Double = 0, status: String = "open") -> HistoryEntry {
        HistoryEntry(at: instant(seconds), actor: .requester, event: "create", from: nil, to: status)
    }

    static func message(_ id: String, ticket number: Int64 = 0, at seconds: Double = 0,
                        subject: String = "We got your request") -> OutboxMessage {
        OutboxMessage(id: id, ticketNumber: number, recipient: .requester, address: "ana@example.com",
                      template: "received", subject: subject, body: "Hello Ana", createdAt: instant(seconds))
    }

    /// Creates `ticket` with a creation history line and no messages.
    @discardableResult
    static func create(_ ticket: Ticket, in store: any TicketStore, submissionKey: String? = nil,
                       files: [String: URL] = [:]) async throws -> Ticket {
        try await store.create(ticket, history: [created(status: ticket.status)], submissionKey: submissionKey,
                               files: files) { _ in [] }
    }

    /// `ticket` as the next version: a new status, entered at `seconds`.
    static func next(_ ticket: Ticket, status: String, at seconds: Double, timers: [ArmedTimer]? = nil) -> Ticket {
        var next = ticket
        next.status = status
        next.updatedAt = instant(seconds)
        next.statusEnteredAt = instant(seconds)
        next.version = ticket.version + 1
        if let timers { next.timers = timers }
        return next
    }

    /// Writes `text` to a file in `folder`; returns the file and its SHA-256.
    static func file(_ text: String, named name: String, in folder: URL) throws -> (url: URL, sha256: String) {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return (url, SHA256.hexDigest(of: Data(text.utf8)))
    }
}
