import Foundation

/// The stable JSON shape of a ticket (`tickets show --json`, `tickets list --json`).
///
/// Answers keep their kind as a key: `{"text": "…"}`, `{"number": 12}`, `{"date": "2026-01-31"}`,
/// `{"choice": "production"}`, `{"choices": ["a", "b"]}`, `{"boolean": true}`,
/// `{"files": [{"name", "size", "mediaType", "sha256"}]}`. Instants are ISO-8601 in UTC.
public struct TicketDocument: Encodable, Sendable {
    /// A timer as shown.
    public struct Timer: Encodable, Sendable {
        public var event: String
        public var dueAt: Date

        enum CodingKeys: String, CodingKey { case event, dueAt = "due_at" }
    }

    /// A message as shown.
    public struct Message: Encodable, Sendable {
        public var id: String
        public var to: String
        public var template: String
        public var subject: String
        public var deliveredAt: Date?
        public var attempts: Int
        public var lastError: String?

        enum CodingKeys: String, CodingKey {
            case id, to, template, subject, attempts, deliveredAt = "delivered_at", lastError = "last_error"
        }
    }

    /// The satisfaction survey as shown (`tickets show --json`); the rating is the option id.
    public struct Survey: Encodable, Sendable {
        public var round: Int
        public var state: SurveyStatus.State
        public var dueAt: Date?
        public var rating: String?
        public var ratingLabel: String?
        public var comment: String?
        public var answeredAt: Date?

        enum CodingKeys: String, CodingKey {
            case round, state, dueAt = "due_at", rating, ratingLabel = "rating_label", comment, answeredAt = "answered_at"
        }

        /// The survey `status` as shown.
        public init(_ status: SurveyStatus) {
            round = status.round
            state = status.state
            dueAt = status.dueAt
            rating = status.answer?.rating
            ratingLabel = status.answer?.ratingLabel
            comment = status.answer?.comment
            answeredAt = status.answer?.answeredAt
        }
    }

    /// The SLA clock as shown: the first response's due instant and when it came, whether a target
    /// was missed, and the reply owed now (`kind`, `due_at`; `paused` while awaiting the requester).
    public struct SLA: Encodable, Sendable {
        public var firstResponseDue: Date?
        public var firstResponseAt: Date?
        public var breached: Bool
        public var kind: String
        public var dueAt: Date?
        public var paused: Bool

        enum CodingKeys: String, CodingKey {
            case firstResponseDue = "first_response_due", firstResponseAt = "first_response_at", breached, kind
            case dueAt = "due_at", paused
        }

        /// The clock as shown.
        public init(_ clock: SLAClock) {
            firstResponseDue = clock.firstResponseDue
            firstResponseAt = clock.firstResponseAt
            breached = clock.breached || clock.firstResponseBreached
            kind = clock.kind.rawValue
            dueAt = clock.dueAt
            paused = clock.isPaused && clock.answeredAt == nil
        }
    }

    public var number: Int64
    public var status: String
    public var statusLabel: String
    public var title: String
    public var form: String
    public var formVersion: Int
    public var workflow: String?
    public var lifecycle: String
    public var requester: Requester
    public var account: String?
    public var answers: [String: AnswerValue]?
    public var createdAt: Date
    public var updatedAt: Date
    public var lastInteractionAt: Date
    public var version: Int
    public var timers: [Timer]
    public var history: [HistoryEntry]?
    public var messages: [Message]?
    /// The satisfaction survey, when given (for `show` of a ticket whose life cycle has one).
    public var survey: Survey?
    public var team: String?
    public var priority: String?
    public var assignee: String?
    public var sla: SLA?
    /// The requester's language (`en`, `pt`, `es`); absent for tickets filed before it was stored.
    public var language: String?
    /// The ticket this one was merged into.
    public var mergedInto: Int64?

    enum CodingKeys: String, CodingKey {
        case number, status, statusLabel = "status_label", title, form, formVersion = "form_version", workflow, lifecycle
        case requester, account, answers, createdAt = "created_at", updatedAt = "updated_at"
        case lastInteractionAt = "last_interaction_at", version, timers, history, messages, survey, language
        case team, priority, assignee, sla, mergedInto = "merged_into"
    }

    /// A ticket; `history`, `outbox` and `survey` are included when given (for `show`).
    public init(_ ticket: Ticket, statusLabel: String, includeAnswers: Bool = true, history: [HistoryEntry]? = nil,
                outbox: [OutboxMessage]? = nil, survey: SurveyStatus? = nil) {
        self.survey = survey.map(Survey.init)
        number = ticket.number
        status = ticket.status
        self.statusLabel = statusLabel
        title = ticket.title
        form = ticket.formID
        formVersion = ticket.formVersion
        workflow = ticket.workflowID
        lifecycle = ticket.lifecycleID
        requester = ticket.requester
        account = ticket.account
        language = ticket.language
        mergedInto = ticket.mergedInto
        answers = includeAnswers ? SealedAnswer.masked(ticket.answers) : nil
        createdAt = ticket.createdAt
        updatedAt = ticket.updatedAt
        lastInteractionAt = ticket.lastInteractionAt
        version = ticket.version
        timers = ticket.timers.map { Timer(event: $0.event, dueAt: $0.dueAt) }
        self.history = history
        team = ticket.team
        priority = ticket.priority
        assignee = ticket.assignee
        sla = ticket.sla.map(SLA.init)
        messages = outbox?.map {
            Message(id: $0.id, to: $0.address, template: $0.template, subject: $0.subject, deliveredAt: $0.deliveredAt,
                    attempts: $0.attempts, lastError: $0.lastError)
        }
    }
}
