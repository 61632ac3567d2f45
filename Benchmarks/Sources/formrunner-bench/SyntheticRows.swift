import Foundation
import FormrunnerCore

/// Stored rows of synthetic tickets at any point of `ticket-lifecycle`, as the desk would have left
/// them: the ticket, its history lines, its delivered e-mails, its timers and its search words.
/// Used to build large databases quickly, bypassing the desk.
struct SyntheticRows: Sendable {
    /// Where a ticket stands, with the instants of its life.
    enum Life: Sendable {
        case open
        /// Asked for information two hours after creation.
        case awaitingReply
        /// Solved a day after creation; its `close` timer falls due `closeAfter` later.
        case solved(closeAfter: TimeInterval)
        /// Solved a day after creation and closed four days after that.
        case closed
    }

    let tickets = SyntheticTickets()
    let formVersion: Int
    let lifecycleID: String
    private let stencils: [String: EmailStencil]

    init(catalog: Catalog) throws {
        guard let form = catalog.forms[SyntheticTickets.formID], let lifecycle = catalog.lifecycle(forForm: form) else {
            throw BenchFailure("the catalog has no form \(SyntheticTickets.formID) with a life cycle")
        }
        formVersion = form.version
        lifecycleID = lifecycle.id
        var stencils: [String: EmailStencil] = [:]
        for (template, status) in [("confirmation", "open"), ("solved", "solved")] {
            stencils[template] = try EmailStencil(template: template, status: status, catalog: catalog, lifecycle: lifecycle)
        }
        self.stencils = stencils
    }

    /// The rows of ticket `index` (0-based; it gets number `index + 1` in a fresh database).
    func rows(for index: Int, createdAt created: Date, life: Life) throws -> StoredTicket {
        let answers = tickets.answers(for: index)
        let number = Int64(index + 1)
        var ticket = Ticket(formID: SyntheticTickets.formID, formVersion: formVersion, lifecycleID: lifecycleID,
                            status: "open", title: answers.values["title"]!.text, requester: answers.requester,
                            answers: answers.values, createdAt: created)
        var history = [line(created, .requester, "create", nil, "open")]
        var outbox = [try email("confirmation", ticket, number: number, at: created)]
        var timers: [[Cell]] = []
        let solvedAt = created.addingTimeInterval(86_400)
        // The report's figures, as the desk keeps them from the first create on (`reopens` 0).
        var figures = TicketFigures()
        switch life {
        case .open:
            break
        case .awaitingReply:
            let askedAt = created.addingTimeInterval(7_200)
            history.append(line(askedAt, .agent, "ask", "open", "awaiting_reply"))
            ticket.move(to: "awaiting_reply", at: askedAt)
        case .solved(let closeAfter):
            history.append(line(solvedAt, .agent, "solve", "open", "solved"))
            outbox.append(try email("solved", ticket, number: number, at: solvedAt))
            ticket.move(to: "solved", at: solvedAt)
            figures.solvedAt = solvedAt
            timers.append([.text("close"), .integer(solvedAt.addingTimeInterval(closeAfter).millisecondsSince1970)])
        case .closed:
            let closedAt = solvedAt.addingTimeInterval(4 * 86_400)
            history.append(line(solvedAt, .agent, "solve", "open", "solved"))
            history.append(line(closedAt, .system, "close", "solved", "closed"))
            ticket.move(to: "solved", at: solvedAt)
            ticket.move(to: "closed", at: closedAt, interaction: false)
            figures.solvedAt = solvedAt
            figures.closedAt = closedAt
        }
        ticket.figures = figures
        var row = CellRow()
        try ticket.addStoredValues(answers: StoredAnswers.encode(ticket.answers), to: &row)
        row.add(SHA256.hexDigest(of: Data("synthetic \(index)".utf8)))
        return StoredTicket(number: number, ticket: row.cells, history: history, outbox: outbox,
                            timers: timers, words: TicketSearch.indexedWords(of: ticket))
    }

    private func line(_ at: Date, _ actor: Actor, _ event: String, _ from: String?, _ to: String) -> [Cell] {
        let values: [(any Sendable)?] = [at.millisecondsSince1970, actor.rawValue, event, from, to, nil]
        return values.map(Cell.init)
    }

    /// A delivered e-mail, as the dispatcher leaves it a minute after it was written.
    private func email(_ template: String, _ ticket: Ticket, number: Int64, at created: Date) throws -> [Cell] {
        guard let stencil = stencils[template] else { throw BenchFailure("no stencil for template '\(template)'") }
        let (subject, body) = stencil.fill(number, title: ticket.title, requester: ticket.requester)
        let delivered = created.addingTimeInterval(60).millisecondsSince1970
        let values: [(any Sendable)?] = [
            UUID().uuidString.lowercased(), Actor.requester.rawValue, ticket.requester.email, template, subject, body,
            created.millisecondsSince1970, 1, created.millisecondsSince1970, delivered, nil,
        ]
        return values.map(Cell.init)
    }
}

private extension Ticket {
    /// What the engine does to a ticket on a transition into `status` at `instant`.
    mutating func move(to status: String, at instant: Date, interaction: Bool = true) {
        self.status = status
        updatedAt = instant
        statusEnteredAt = instant
        if interaction { lastInteractionAt = instant }
        version += 1
    }
}

private extension AnswerValue {
    var text: String {
        if case .text(let text) = self { return text }
        return ""
    }
}
