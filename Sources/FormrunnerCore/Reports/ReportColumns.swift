import Foundation

/// The values of a ticket that the stores keep in columns of their own for the reports, computed
/// from the ticket at each write (its SLA clock, its figures, its survey answer).
public struct ReportColumns: Hashable, Sendable {
    /// Where the first response stands against its target.
    public enum FirstResponse: String, Hashable, Sendable, CaseIterable {
        /// Given within its target.
        case met
        /// Given late, or still owed after its breach fired.
        case breached
        /// Still owed (late once `firstResponseDue` has passed, even before the breach fires).
        case owed
        /// Never owed any more: the ticket was solved or closed without a public reply.
        case waived
    }

    /// The column names, in the order the stores write them (``Ticket/addStoredValues(answers:to:)``).
    public static let names = [
        "first_response_state", "first_response_due", "first_response_seconds",
        "solved_at", "closed_at", "reopens", "survey_rating", "survey_at",
    ]

    public var firstResponse: FirstResponse?
    /// The first response's due instant, milliseconds since 1970.
    public var firstResponseDue: Int64?
    /// The working seconds the first response took.
    public var firstResponseSeconds: Int64?
    public var solvedAt: Int64?
    public var closedAt: Int64?
    /// `nil` for a ticket written without figures.
    public var reopens: Int?
    /// The rating option id of the latest survey answer.
    public var surveyRating: String?
    /// When that answer was given, milliseconds since 1970.
    public var surveyAt: Int64?

    /// The columns of `ticket`.
    public init(_ ticket: Ticket) {
        self.init(sla: ticket.sla, figures: ticket.figures, answers: ticket.answers)
    }

    /// The columns of a ticket with this clock, figures and answers.
    public init(sla: SLAClock?, figures: TicketFigures?, answers: [String: AnswerValue]) {
        if let clock = sla {
            if clock.firstResponseAt != nil {
                firstResponse = clock.firstResponseBreached ? .breached : .met
            } else if clock.kind == .firstResponse, clock.answeredAt == nil {
                firstResponse = clock.firstResponseBreached || clock.breached ? .breached : .owed
            } else {
                firstResponse = clock.firstResponseBreached ? .breached : .waived
            }
            firstResponseDue = (clock.firstResponseDue ?? (clock.kind == .firstResponse ? clock.dueAt : nil))?
                .millisecondsSince1970
            firstResponseSeconds = clock.firstResponseSeconds
        }
        solvedAt = figures?.solvedAt?.millisecondsSince1970
        closedAt = figures?.closedAt?.millisecondsSince1970
        reopens = figures?.reopens
        if case .choice(let rating)? = answers[SurveyKeys.rating],
           case .text(let stamp)? = answers[SurveyKeys.answeredAt], let at = SurveyKeys.instant(stamp) {
            surveyRating = rating
            surveyAt = at.millisecondsSince1970
        }
    }

    /// The figures a store reads back from `solved_at`, `closed_at` and `reopens`; `nil` when the
    /// ticket was written without figures.
    public static func figures(solvedAt: Int64?, closedAt: Int64?, reopens: Int?) -> TicketFigures? {
        guard let reopens else { return nil }
        return TicketFigures(solvedAt: solvedAt.map(Date.init(millisecondsSince1970:)),
                             closedAt: closedAt.map(Date.init(millisecondsSince1970:)), reopens: reopens)
    }
}
