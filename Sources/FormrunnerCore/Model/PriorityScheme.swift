import Foundation

/// One priority a ticket can have, with its label and its response targets in working hours.
public struct PriorityDefinition: Hashable, Sendable {
    public var id: String
    public var label: LocalizedText
    /// Working hours until the first public reply of an agent is due.
    public var firstResponseHours: Double
    /// Working hours until an agent's next public reply is due after the requester wrote again.
    public var nextResponseHours: Double?
    public var location: SourceLocation

    /// ``firstResponseHours`` in working seconds.
    public var firstResponseSeconds: Int64 { Int64((firstResponseHours * 3600).rounded()) }
    /// ``nextResponseHours`` in working seconds.
    public var nextResponseSeconds: Int64? { nextResponseHours.map { Int64(($0 * 3600).rounded()) } }
}

/// A rule that sets a ticket's priority from its form, team and answers; the first rule that
/// matches wins.
public struct PriorityRule: Hashable, Sendable {
    /// The forms it applies to; empty for any form (of ``teams``).
    public var forms: [Reference]
    /// The teams it applies to; empty for any team.
    public var teams: [Reference]
    /// A condition on the answers, checked against each of ``forms``.
    public var condition: Condition?
    /// Where the condition's text starts, for located type errors.
    public var conditionLocation: SourceLocation?
    public var priority: Reference
    public var location: SourceLocation

    /// Whether the rule sets the priority of a ticket of `form` with `answers`.
    public func matches(form: String, team: String, answers: [String: AnswerValue]) -> Bool {
        if !forms.isEmpty, !forms.contains(where: { $0.id == form }) { return false }
        if !teams.isEmpty, !teams.contains(where: { $0.id == team }) { return false }
        return condition?.evaluate(answers) ?? true
    }
}

/// The desk's priorities (`Workflows/priorities.yaml`): the levels in order, the rules that choose
/// one, and how the SLA clocks run.
public struct PriorityScheme: Hashable, Sendable {
    /// The priorities, most urgent first.
    public var levels: [PriorityDefinition]
    /// The priority of a ticket no rule matches.
    public var defaultPriority: Reference?
    /// The rules, in order: the first match wins.
    public var rules: [PriorityRule]
    /// The share of a target after which `sla_warning` fires (0.75 by default).
    public var warningShare: Double
    /// Statuses in which the clock pauses (awaiting the requester).
    public var pausedIn: [Reference]
    /// Statuses in which nothing is owed to the requester (solved); final statuses count too.
    public var resolvedIn: [Reference]
    public var file: String
    public var location: SourceLocation

    /// The priority with this id.
    public func level(_ id: String) -> PriorityDefinition? {
        levels.first { $0.id == id }
    }

    /// The priority a new ticket gets: the first matching rule's, else the default.
    public func priority(form: String, team: String, answers: [String: AnswerValue]) -> String? {
        rules.first { $0.matches(form: form, team: team, answers: answers) }?.priority.id ?? defaultPriority?.id
    }
}
