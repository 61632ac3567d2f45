import Foundation

/// Where a ticket's satisfaction survey stands (see ``SurveyDefinition``).
///
/// Each entry into the survey status opens a new round; a round is *pending* until its due instant
/// (the entry plus the survey's working hours in the life cycle's calendar), then *expired*; once
/// answered it is *evaluated*. A ticket that never entered the status, or whose life cycle has no
/// survey, has the state *none* and round 0.
public struct SurveyStatus: Hashable, Sendable {
    /// The state of the current round.
    public enum State: String, CaseIterable, Hashable, Sendable, Codable {
        case none, pending, expired, evaluated
    }

    /// The answer of an evaluated round.
    public struct Answer: Hashable, Sendable {
        /// The id of the chosen rating option (`"1"` … `"5"` in the shipped survey).
        public var rating: String
        /// The English label of the rating option, or its id.
        public var ratingLabel: String
        public var comment: String?
        public var answeredAt: Date

        public init(rating: String, ratingLabel: String, comment: String?, answeredAt: Date) {
            self.rating = rating
            self.ratingLabel = ratingLabel
            self.comment = comment
            self.answeredAt = answeredAt
        }
    }

    /// How many times the ticket entered the survey status; 0 when it never did.
    public var round: Int
    public var state: State
    /// When the current round opened.
    public var openedAt: Date?
    /// When the current round expires (`nil` without a round or without a calendar).
    public var dueAt: Date?
    /// The answer, when ``state`` is ``State/evaluated``.
    public var answer: Answer?

    public init(round: Int, state: State, openedAt: Date? = nil, dueAt: Date? = nil, answer: Answer? = nil) {
        self.round = round
        self.state = state
        self.openedAt = openedAt
        self.dueAt = dueAt
        self.answer = answer
    }

    /// The survey of `ticket` at `now`, from its `history` (oldest first), its life cycle and the
    /// life cycle's calendar; `form` (the survey form) gives the rating's label.
    public init(ticket: Ticket, history: [HistoryEntry], lifecycle: LifecycleDefinition, calendar: BusinessCalendar?,
                form: FormDefinition? = nil, at now: Date) {
        guard let survey = lifecycle.survey else {
            self.init(round: 0, state: .none)
            return
        }
        let entries = Self.roundOpenings(in: history, status: survey.status.id)
        guard let openedAt = entries.last else {
            self.init(round: 0, state: .none)
            return
        }
        let round = entries.count
        let dueAt = calendar?.adding(workingSeconds: survey.workingSeconds, to: openedAt)
        if let answer = SurveyKeys.answer(of: ticket, round: round, form: form) {
            self.init(round: round, state: .evaluated, openedAt: openedAt, dueAt: dueAt, answer: answer)
        } else if let dueAt, now >= dueAt {
            self.init(round: round, state: .expired, openedAt: openedAt, dueAt: dueAt)
        } else {
            self.init(round: round, state: .pending, openedAt: openedAt, dueAt: dueAt)
        }
    }

    /// The instants the ticket entered `status` (each opens a round), oldest first: history lines that
    /// lead to it from another status, or create the ticket in it.
    public static func roundOpenings(in history: [HistoryEntry], status: String) -> [Date] {
        history.filter { $0.to == status && $0.from != status }.map(\.at)
    }
}
