import Foundation

/// Deflection figures over assistant sessions (`formrunner knowledge stats`).
///
/// The deflection rate is the share of ended sessions (answered, handed off or abandoned) that
/// were answered; sessions still in progress are left out of it.
public struct AssistantStats: Encodable, Hashable, Sendable {
    /// One article's figures.
    public struct Article: Encodable, Hashable, Sendable {
        /// The article's id.
        public var id: String
        /// Sessions that showed it.
        public var shown: Int
        /// Ended sessions that showed it and were not answered by it.
        public var notAnswering: Int
        /// Sessions it answered.
        public var answered: Int

        /// An article's figures.
        public init(id: String, shown: Int, notAnswering: Int, answered: Int) {
            self.id = id
            self.shown = shown
            self.notAnswering = notAnswering
            self.answered = answered
        }

        enum CodingKeys: String, CodingKey {
            case id, shown, notAnswering = "not_answering", answered
        }
    }

    /// Every session started in the period.
    public var sessions: Int
    /// Answered: no ticket.
    public var answered: Int
    /// Handed off to a person.
    public var handedOff: Int
    /// Left without either (see ``AssistantSession``).
    public var abandoned: Int
    /// Still open and resumable.
    public var inProgress: Int
    /// `answered / (answered + handedOff + abandoned)`, nil when no session ended.
    public var deflectionRate: Double?
    /// The articles most often shown without answering, most first (ties by id), at most ``top``.
    public var failing: [Article]

    /// The articles that answered, most first (ties by id), at most ``top``.
    public var answering: [Article]

    /// How many articles ``failing`` and ``answering`` list at most.
    public static let top = 10

    enum CodingKeys: String, CodingKey {
        case sessions, answered, handedOff = "handed_off", abandoned, inProgress = "in_progress"
        case deflectionRate = "deflection_rate", failing = "articles_not_answering", answering = "articles_answering"
    }

    /// The figures of `sessions` at `now` (which decides which open sessions are abandoned).
    public init(_ sessions: [AssistantSession], at now: Date) {
        self.sessions = sessions.count
        answered = sessions.filter { $0.outcome == .answered }.count
        handedOff = sessions.filter { $0.outcome == .handoff }.count
        abandoned = sessions.filter { $0.isAbandoned(at: now) }.count
        inProgress = self.sessions - answered - handedOff - abandoned
        let ended = answered + handedOff + abandoned
        deflectionRate = ended == 0 ? nil : Double(answered) / Double(ended)
        var articles: [String: Article] = [:]
        for session in sessions {
            let ended = session.outcome != .open || session.isAbandoned(at: now)
            for id in session.shown {
                var article = articles[id] ?? Article(id: id, shown: 0, notAnswering: 0, answered: 0)
                article.shown += 1
                if session.outcome == .answered, session.answeredBy == id {
                    article.answered += 1
                } else if ended {
                    article.notAnswering += 1
                }
                articles[id] = article
            }
        }
        failing = articles.values.filter { $0.notAnswering > 0 }
            .sorted { $0.notAnswering != $1.notAnswering ? $0.notAnswering > $1.notAnswering : $0.id < $1.id }
            .prefix(Self.top).map { $0 }
        answering = articles.values.filter { $0.answered > 0 }
            .sorted { $0.answered != $1.answered ? $0.answered > $1.answered : $0.id < $1.id }
            .prefix(Self.top).map { $0 }
    }
}
