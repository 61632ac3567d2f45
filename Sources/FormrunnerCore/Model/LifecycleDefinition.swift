/// Who fires an event.
public enum Actor: String, CaseIterable, Hashable, Sendable, Codable {
    case requester
    case agent
    case system
}

/// A ticket life cycle: statuses, the transitions between them, and timers.
public struct LifecycleDefinition: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    /// The business calendar timers count working hours in.
    public var calendar: Reference?
    public var initial: Reference
    /// Statuses in the order they were written.
    public var statuses: [StatusDefinition]
    public var transitions: [TransitionDefinition]
    /// Sent when a ticket is created.
    public var onCreate: [Notification]
    /// Sent on a status change whose transition has no `notify` of its own.
    public var onStatusChange: [Notification]
    /// Sent when a requester's event is refused because the ticket is in a final status (for
    /// example a reply to a Closed ticket), so that they learn how to open a new one.
    public var onRefused: [Notification] = []
    /// The satisfaction survey, if the life cycle has one.
    public var survey: SurveyDefinition? = nil
    /// Values available to templates (e.g. `survey_url`); they may use Mustache themselves.
    public var variables: [String: String]
    public var file: String
    public var location: SourceLocation

    /// The status with this id.
    public func status(_ id: String) -> StatusDefinition? {
        statuses.first { $0.id == id }
    }

    /// The transitions that have a timer.
    public var timedTransitions: [TransitionDefinition] {
        transitions.filter { $0.timer != nil }
    }
}

/// One status of a life cycle.
public struct StatusDefinition: Hashable, Sendable {
    public var id: String
    public var label: LocalizedText
    public var description: LocalizedText?
    /// A final status accepts no event.
    public var isFinal: Bool
    public var location: SourceLocation
}

/// A message to send when something happens.
public struct Notification: Hashable, Sendable {
    /// `requester` or `agent`.
    public var recipient: Actor
    /// A template name in `Workflows/templates/` (without `.mustache`).
    public var template: String
    public var location: SourceLocation
}

/// A timer: fire the transition after some working hours.
public struct TimerDefinition: Hashable, Sendable {
    /// What the hours are counted from.
    public enum Since: String, CaseIterable, Hashable, Sendable {
        /// The last event of any kind on the ticket: every interaction re-arms the timer.
        case lastInteraction = "last_interaction"
        /// The moment the ticket entered the status.
        case entered
    }
    /// Working hours before the timer fires (may be fractional).
    public var workingHours: Double
    public var since: Since
    public var location: SourceLocation

    /// The duration in working seconds.
    public var workingSeconds: Int64 { Int64((workingHours * 3600).rounded()) }
}

/// A transition: an event that moves a ticket from some statuses to another (or keeps it).
public struct TransitionDefinition: Hashable, Sendable {
    public var event: String
    public var label: LocalizedText?
    public var from: [Reference]
    /// `nil` keeps the status (an interaction such as a comment).
    public var to: Reference?
    public var actors: [Actor]
    public var notifications: [Notification]
    public var timer: TimerDefinition?
    public var location: SourceLocation

    /// Whether the transition can start from `status`.
    public func starts(from status: String) -> Bool {
        from.contains { $0.id == status }
    }
}
