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
    /// The e-mail that tells the requester where a merged ticket continues.
    static let mergedTemplate = "merged"

    /// Merges ticket `number` (a duplicate) into ticket `target`: the duplicate ends in its life
    /// cycle's final status, not reopenable, with ``Ticket/mergedInto`` set and the line
    /// `merged into #M` in its history; the target gets `#N merged here`. The requester's later
    /// e-mail to the duplicate lands on the target; they are told so by e-mail (template `merged`).
    /// `person` must be allowed to act on both tickets (an agent of both teams, or an admin).
    ///
    /// Refused: a ticket into itself; a duplicate already merged or in a final status; a target
    /// merged or in a final status; tickets of different requesters (the target's e-mails would
    /// reach someone who did not write the duplicate) or of different life cycles.
    ///
    /// Both tickets are written in one transaction (``TicketWriting/update(together:)``): both
    /// histories keep the link, or nothing is written. Another change of either ticket meanwhile
    /// makes the merge read, check and write both again.
    public func merge(_ number: Int64, into target: Int64, by person: String?, at now: Date) async throws -> MergeReport {
        guard number != target else { throw Failure.invalidChange("ticket \(number) cannot be merged into itself") }
        var attempt = 1
        while true {
            let (changes, report) = try await mergeChanges(number, into: target, by: person, at: now)
            do {
                try await store.update(together: changes)
                written.note(changes.flatMap(\.outbox))
                return report
            } catch TicketStoreError.conflict where attempt < Self.mergeAttempts {
                attempt += 1
            }
        }
    }

    /// How many times a merge reads and writes both tickets before another writer's conflict is reported.
    static let mergeAttempts = 5

    /// The two writes of a merge, checked against the tickets as stored now: the duplicate ended,
    /// then the target's line.
    private func mergeChanges(_ number: Int64, into target: Int64, by person: String?,
                              at now: Date) async throws -> ([TicketChange], MergeReport) {
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
        // The requester hears where their request continues (the `merged` template, when the catalog has it).
        let notice = try catalog.templates[Self.mergedTemplate].map { _ in
            try composer.compose(NotificationRequest(recipient: .requester, template: Self.mergedTemplate, event: Self.mergeEvent),
                                 ticket: outcome.ticket, lifecycle: engine.lifecycle, at: now)
        }
        var linked = destination
        linked.version = destination.version + 1
        linked.updatedAt = now
        let line = HistoryEntry(at: now, actor: .agent, event: Self.mergedHereEvent, from: destination.status,
                                to: destination.status, message: "#\(number) merged here", person: actor)
        return ([
            TicketChange(ticket: outcome.ticket, expectedVersion: duplicate.version, history: outcome.history,
                         outbox: notice.map { [$0] } ?? []),
            TicketChange(ticket: linked, expectedVersion: destination.version, history: [line]),
        ], MergeReport(merged: outcome.ticket, target: linked))
    }
}
