import Foundation

/// Who asked for help.
public struct Requester: Hashable, Sendable, Codable {
    public var email: String
    public var name: String?

    public init(email: String, name: String? = nil) {
        self.email = email
        self.name = name
    }
}

/// A timer armed on a ticket: `event` fires by itself at `dueAt` unless an interaction re-arms it
/// or the ticket leaves the statuses the timer applies to.
public struct ArmedTimer: Hashable, Sendable, Codable {
    public var event: String
    public var dueAt: Date

    public init(event: String, dueAt: Date) {
        self.event = event
        self.dueAt = dueAt
    }
}

/// A ticket: the answers it was filed with and where it stands in its life cycle.
public struct Ticket: Hashable, Sendable, Codable {
    /// The short sequential number people quote; 0 until the store assigns one.
    public var number: Int64
    public var formID: String
    /// The version of the form the answers were given under.
    public var formVersion: Int
    /// The entry flow it was filed through, if any.
    public var workflowID: String?
    public var lifecycleID: String
    /// The current status id.
    public var status: String
    public var title: String
    public var requester: Requester
    /// The account (store) the ticket is about, if the flow asked for one.
    public var account: String?
    public var answers: [String: AnswerValue]
    public var createdAt: Date
    public var updatedAt: Date
    /// The last event by a person (requester or agent); `since: last_interaction` timers count from it.
    public var lastInteractionAt: Date
    /// When the ticket entered its current status; `since: entered` timers count from it.
    public var statusEnteredAt: Date
    /// Bumped by every change; a write that expects an older version is refused (optimistic concurrency).
    public var version: Int
    /// Timers armed now, by event.
    public var timers: [ArmedTimer]
    /// The team the ticket's form routes it to (`team:` of the form).
    public var team: String?
    /// The priority id (from the catalog's priority rules, or set by an agent).
    public var priority: String?
    /// The normalised e-mail of the agent the ticket is assigned to.
    public var assignee: String?
    /// The response clock of the ticket's priority, when the catalog has priorities.
    public var sla: SLAClock?
    /// The language the requester filed it in (`en`, `pt`, `es`): its e-mails and labels are in it.
    /// `nil` for tickets filed before languages were stored, and read as English.
    public var language: String? = nil
    /// What the desk's reports count of the ticket's life (solved, closed, reopened); `nil` for
    /// tickets written before reports existed.
    public var figures: TicketFigures? = nil
    /// The ticket this one was merged into (`tickets merge N --into M`): it ended then, and the
    /// requester's later e-mail to it lands on that ticket.
    public var mergedInto: Int64? = nil

    public init(number: Int64 = 0, formID: String, formVersion: Int, workflowID: String? = nil, lifecycleID: String,
                status: String, title: String, requester: Requester, account: String? = nil,
                answers: [String: AnswerValue], createdAt: Date, version: Int = 1, timers: [ArmedTimer] = []) {
        self.number = number
        self.formID = formID
        self.formVersion = formVersion
        self.workflowID = workflowID
        self.lifecycleID = lifecycleID
        self.status = status
        self.title = title
        self.requester = requester
        self.account = account
        self.answers = answers
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.lastInteractionAt = createdAt
        self.statusEnteredAt = createdAt
        self.version = version
        self.timers = timers
    }

    /// The earliest armed timer.
    public var nextTimer: ArmedTimer? { timers.min { $0.dueAt < $1.dueAt } }
}

/// One line of a ticket's append-only history.
public struct HistoryEntry: Hashable, Sendable, Codable {
    public var at: Date
    public var actor: Actor
    /// The event, or `create` for the ticket's creation.
    public var event: String
    /// The status before; `nil` on creation.
    public var from: String?
    /// The status after.
    public var to: String
    public var message: String?
    /// The person who acted (a normalised e-mail) when the actor is an agent or a person acting for
    /// the system; `nil` for the requester, a timer, or an agent not named.
    public var person: String?
    /// An internal note (`tickets note`): seen by agents only, never e-mailed or shown to the requester.
    public var isInternal: Bool

    public init(at: Date, actor: Actor, event: String, from: String?, to: String, message: String? = nil,
                person: String? = nil, isInternal: Bool = false) {
        self.at = at
        self.actor = actor
        self.event = event
        self.from = from
        self.to = to
        self.message = message
        self.person = person
        self.isInternal = isInternal
    }

    enum CodingKeys: String, CodingKey {
        case at, actor, event, from, to, message, person, isInternal = "internal"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        at = try container.decode(Date.self, forKey: .at)
        actor = try container.decode(Actor.self, forKey: .actor)
        event = try container.decode(String.self, forKey: .event)
        from = try container.decodeIfPresent(String.self, forKey: .from)
        to = try container.decode(String.self, forKey: .to)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        person = try container.decodeIfPresent(String.self, forKey: .person)
        isInternal = try container.decodeIfPresent(Bool.self, forKey: .isInternal) ?? false
    }

    /// Encodes the line; `internal: true` only on internal notes, so public lines keep their shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(at, forKey: .at)
        try container.encode(actor, forKey: .actor)
        try container.encode(event, forKey: .event)
        try container.encodeIfPresent(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(person, forKey: .person)
        if isInternal { try container.encode(true, forKey: .isInternal) }
    }
}
