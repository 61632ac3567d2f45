import Foundation

extension TicketDesk {
    /// What a merge did: the duplicate as it ended, and the ticket it went into.
    public struct MergeReport: Sendable {
        public var merged: Ticket
        public var target: Ticket
    }

    /// The event of the history line a merged ticket ends with (`merged into #M`).
    public static let mergeEvent = "merge"
    /// The event of the history line its target gets (`#N merged here`).
    public static let mergedHereEvent = "merged"

    /// Merges ticket `number` (a duplicate) into ticket `target`: the duplicate ends in its life
    /// cycle's final status, not reopenable, with ``Ticket/mergedInto`` set and the line
    /// `merged into #M` in its history; the target gets `#N merged here`. The requester's later
    /// e-mail to the duplicate lands on the target. `person` must be allowed to act on both tickets
    /// (an agent of both teams, or an admin).
    ///
    /// Refused: a ticket into itself; a duplicate already merged or in a final status; a target
    /// merged or in a final status; tickets of different requesters (the target's e-mails would
    /// reach someone who did not write the duplicate) or of different life cycles.
    ///
    /// The duplicate is written first (the merge itself), then the target's line; another change of
    /// the target meanwhile is retried, so both histories keep the link.
    public func merge(_ number: Int64, into target: Int64, by person: String?, at now: Date) async throws -> MergeReport {
        guard number != target else { throw Failure.invalidChange("ticket \(number) cannot be merged into itself") }
        guard let duplicate = try await store.ticket(number) else { throw Failure.notFound(number) }
        guard let destination = try await store.ticket(target) else { throw Failure.notFound(target) }
        if let earlier = duplicate.mergedInto {
            throw Failure.invalidChange("ticket \(number) was already merged into ticket \(earlier)")
        }
        if let further = destination.mergedInto {
            throw Failure.invalidChange("ticket \(target) was merged into ticket \(further); merge into ticket \(further) instead")
        }
        guard let engine = engine(for: duplicate.lifecycleID) else { throw Failure.noLifecycle(form: duplicate.formID) }
        for ticket in [duplicate, destination] where engine.lifecycle.status(ticket.status)?.isFinal == true {
            let label = engine.label(of: ticket.status)
            throw Failure.invalidChange("ticket \(ticket.number) is \(label); \(label.lowercased()) tickets cannot be merged")
        }
        guard duplicate.lifecycleID == destination.lifecycleID else {
            throw Failure.invalidChange("ticket \(number) follows the life cycle '\(duplicate.lifecycleID)' and ticket \(target) "
                                        + "'\(destination.lifecycleID)'; only tickets of the same life cycle can be merged")
        }
        let requester = UserRecord.normalizedEmail(duplicate.requester.email)
        guard requester == UserRecord.normalizedEmail(destination.requester.email) else {
            throw Failure.invalidChange("ticket \(number) is from \(requester) and ticket \(target) from "
                                        + "\(UserRecord.normalizedEmail(destination.requester.email)); only tickets of the same "
                                        + "requester can be merged")
        }
        guard let final = engine.lifecycle.statuses.first(where: \.isFinal) else {
            throw Failure.invalidChange("life cycle '\(duplicate.lifecycleID)' has no final status to end a merged ticket in")
        }
        let actor = try await authorize(person, as: .agent, on: duplicate)
        _ = try await authorize(person, as: .agent, on: destination)

        var ended = duplicate
        ended.status = final.id
        ended.statusEnteredAt = now
        ended.updatedAt = now
        ended.timers = []
        ended.mergedInto = target
        ended.version = duplicate.version + 1
        let outcome = clocked(Outcome(ticket: ended, history: [
            HistoryEntry(at: now, actor: .agent, event: Self.mergeEvent, from: duplicate.status, to: final.id,
                         message: "merged into #\(target)", person: actor),
        ]), before: duplicate, engine: engine)
        try await store.update(outcome.ticket, expectedVersion: duplicate.version, history: outcome.history, outbox: [])

        var current = destination
        for attempt in 1...5 {
            var next = current
            next.version = current.version + 1
            next.updatedAt = now
            let line = HistoryEntry(at: now, actor: .agent, event: Self.mergedHereEvent, from: current.status, to: current.status,
                                    message: "#\(number) merged here", person: actor)
            do {
                try await store.update(next, expectedVersion: current.version, history: [line], outbox: [])
                return MergeReport(merged: outcome.ticket, target: next)
            } catch TicketStoreError.conflict where attempt < 5 {
                guard let reread = try await store.ticket(target) else { throw Failure.notFound(target) }
                current = reread
            }
        }
        throw Failure.notFound(target)
    }
}
