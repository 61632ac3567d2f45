import Foundation

/// Compares a test's ticket after one step (the filing, an event) with what the step expects, and
/// remembers the e-mails already seen so that each step is judged by the e-mails it wrote.
struct StepComparison {
    /// The zone instants are shown in: the life cycle's calendar's.
    let zone: TimeZone
    /// Outbox ids of the e-mails earlier steps wrote.
    var seen: Set<String>

    /// How the ticket `number` in `store` differs from `expectation` after `step`; `refusal` is why
    /// the step's event was refused, if it was.
    mutating func compare(_ expectation: DefinitionTestExpectation, store: InMemoryTicketStore, number: Int64,
                          refusal: String?, step: String) async -> [DefinitionTestFailure] {
        var failures: [DefinitionTestFailure] = []
        func differ(_ subject: String, _ expected: [String], _ actual: [String]) {
            if expected != actual { failures.append(DefinitionTestFailure(step: step, subject: subject, expected: expected, actual: actual)) }
        }
        let accepted = "(accepted)"
        if let refused = expectation.refused {
            differ("refused", [refused], [refusal ?? accepted])
        } else if let refusal {
            differ("refused", [accepted], [refusal])
        }
        let ticket = try? await store.ticket(number)
        let written = ((try? await store.outbox(for: number)) ?? []).filter { !seen.contains($0.id) }
        seen.formUnion(written.map(\.id))
        if let status = expectation.status { differ("status", [status], [ticket?.status ?? "(no ticket)"]) }
        if let priority = expectation.priority { differ("priority", [priority], [ticket?.priority ?? "(none)"]) }
        if let timers = expectation.timers {
            let expected = timers.sorted { ($0.at, $0.event) < ($1.at, $1.event) }.map { "\($0.event): \(TestInstant.format($0.at, in: zone))" }
            let actual = (ticket?.timers ?? []).sorted { ($0.dueAt, $0.event) < ($1.dueAt, $1.event) }
                .map { "\($0.event): \(TestInstant.format($0.dueAt, in: zone))" }
            differ("timers", expected, actual)
        }
        if let emails = expectation.emails {
            let expected = emails.map { Self.line(template: $0.template, to: $0.to, subject: $0.subject) }
            let actual = written.enumerated().map { index, message in
                // Each e-mail found is shown with the parts its expected counterpart names.
                guard index < emails.count else {
                    return Self.line(template: message.template, to: message.recipient.rawValue, subject: message.subject)
                }
                let shape = emails[index]
                return Self.line(template: message.template,
                                 to: shape.to.map { $0.contains("@") ? message.address : message.recipient.rawValue },
                                 subject: shape.subject == nil ? nil : message.subject)
            }
            differ("emails", expected, actual)
        }
        return failures
    }

    /// `solved to requester: "[Support] Ticket #1 solved: …"`, with the parts the test names.
    static func line(template: String, to: String?, subject: String?) -> String {
        template + (to.map { " to \($0)" } ?? "") + (subject.map { ": \"\($0)\"" } ?? "")
    }
}
