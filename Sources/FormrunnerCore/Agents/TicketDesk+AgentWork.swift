import Foundation

extension TicketDesk {
    /// The life cycle's event for an agent's public reply: a transition agents fire that keeps the
    /// status and e-mails the requester (`comment` in the repository's life cycle); `comment` itself
    /// when several qualify. `nil` when the life cycle has none.
    public static func publicReplyEvent(of lifecycle: LifecycleDefinition) -> TransitionDefinition? {
        let candidates = lifecycle.transitions.filter { transition in
            transition.actors.contains(.agent) && transition.timer == nil && transition.to == nil
                && transition.notifications.contains { $0.recipient == .requester }
        }
        return candidates.first { $0.event == "comment" } ?? candidates.first
    }

    /// An agent's public reply on ticket `number`: the life cycle's public-comment event
    /// (``publicReplyEvent(of:)``) with `message`, so it is e-mailed and threaded like every
    /// message of the ticket, and it stops the SLA clock of the first response.
    ///
    /// - Throws: ``Failure/invalidChange(_:)`` for an empty message or a life cycle without such an
    ///   event; ``Failure/refused(_:)`` when the ticket's status does not take a public reply;
    ///   ``Failure/notAuthorized(_:)`` as ``authorize(_:as:on:)``.
    public func reply(_ number: Int64, message: String, by person: String?, at now: Date) async throws -> TransitionReport {
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw Failure.invalidChange("a reply needs text; nothing was sent") }
        guard let ticket = try await store.ticket(number) else { throw Failure.notFound(number) }
        try refuseMerged(ticket)
        guard let engine = engine(for: ticket.lifecycleID) else { throw Failure.noLifecycle(form: ticket.formID) }
        guard let event = Self.publicReplyEvent(of: engine.lifecycle) else {
            throw Failure.invalidChange("life cycle '\(ticket.lifecycleID)' has no public reply: add a transition by agent "
                                        + "that keeps the status and notifies the requester (e.g. 'comment')")
        }
        if engine.lifecycle.status(ticket.status)?.isFinal != true, !event.starts(from: ticket.status) {
            let allowed = event.from.map { engine.label(of: $0.id) }
            throw Failure.refused(Refusal(kind: .wrongStatus, message:
                "ticket \(number) is \(engine.label(of: ticket.status)); a public reply can be sent only while a ticket is "
                + LifecycleEngine.list(allowed, joiner: "or")))
        }
        return try await transition(number, event: event.event, by: .agent, person: person, message: text, at: now)
    }

    /// Records an internal note on ticket `number`: a history line marked internal, naming `person`.
    ///
    /// A note is for agents only: nothing is e-mailed, it is never shown to the requester, it starts
    /// and stops no SLA clock and is not a public reply; it leaves the ticket's status, timers,
    /// `updatedAt` and `lastInteractionAt` as they were (the requester cannot tell one was written).
    /// Notes may be written on any ticket, closed or merged ones included.
    ///
    /// - Throws: ``Failure/invalidChange(_:)`` for an empty note, ``Failure/notFound(_:)``,
    ///   ``Failure/notAuthorized(_:)`` as ``authorize(_:as:on:)``.
    @discardableResult
    public func note(_ number: Int64, message: String, by person: String?, at now: Date) async throws -> HistoryEntry {
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw Failure.invalidChange("a note needs text; nothing was written") }
        guard let ticket = try await store.ticket(number) else { throw Failure.notFound(number) }
        let actor = try await authorize(person, as: .agent, on: ticket)
        var next = ticket
        next.version = ticket.version + 1
        let entry = HistoryEntry(at: now, actor: .agent, event: HistoryEntry.noteEvent, from: ticket.status, to: ticket.status,
                                 message: text, person: actor, isInternal: true)
        try await store.update(next, expectedVersion: ticket.version, history: [entry], outbox: [])
        return entry
    }

    /// Refuses any change on a merged ticket, pointing at where it went.
    func refuseMerged(_ ticket: Ticket) throws {
        if let target = ticket.mergedInto {
            throw Failure.refused(Refusal(kind: .finalStatus, message:
                "ticket \(ticket.number) was merged into ticket \(target); continue on ticket \(target)"))
        }
    }
}
