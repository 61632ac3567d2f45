import Foundation

/// A message the life cycle asks to send; a notifier renders its template and delivers it.
public struct NotificationRequest: Hashable, Sendable, Codable {
    /// `requester` or `agent`.
    public var recipient: Actor
    /// A template name in `Workflows/templates/`.
    public var template: String
    /// The event that caused it (`create` for a new ticket).
    public var event: String
    /// The status before the event, if it changed.
    public var previousStatus: String?
    public var message: String?
    /// The round of the ticket's satisfaction survey the message may link to, when the ticket is in
    /// the survey status (see ``SurveyStatus``); set by the desk.
    public var surveyRound: Int?
    /// The address to send to instead of the recipient's usual one (an assignee, a team).
    public var address: String?
    /// The outbox id to give the message instead of one the composer makes (the agent's e-mail of a
    /// new ticket takes one made from the ticket's number, see ``TicketDesk``).
    public var outboxID: String?

    public init(recipient: Actor, template: String, event: String, previousStatus: String? = nil, message: String? = nil) {
        self.recipient = recipient
        self.template = template
        self.event = event
        self.previousStatus = previousStatus
        self.message = message
    }
}

/// An e-mail ready to deliver, written to the outbox in the same transaction as the change that
/// caused it, and delivered later by the dispatcher.
public struct OutboxMessage: Hashable, Sendable, Codable {
    /// A unique id; also the basis of the e-mail's Message-ID, so a retried delivery is recognisable.
    public var id: String
    public var ticketNumber: Int64
    public var recipient: Actor
    /// The address the message goes to.
    public var address: String
    public var template: String
    public var subject: String
    public var body: String
    public var createdAt: Date
    /// Delivery attempts so far.
    public var attempts: Int
    /// When the next attempt may happen.
    public var nextAttemptAt: Date
    public var deliveredAt: Date?
    public var lastError: String?

    public init(id: String, ticketNumber: Int64, recipient: Actor, address: String, template: String, subject: String,
                body: String, createdAt: Date) {
        self.id = id
        self.ticketNumber = ticketNumber
        self.recipient = recipient
        self.address = address
        self.template = template
        self.subject = subject
        self.body = body
        self.createdAt = createdAt
        self.attempts = 0
        self.nextAttemptAt = createdAt
    }
}
