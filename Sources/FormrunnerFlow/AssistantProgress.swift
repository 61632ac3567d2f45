import FormrunnerCore
import FormrunnerKnowledge

/// Where a run's assistant stands with the knowledge base: its session (articles shown and opened,
/// and how it ended) and the articles of the last search. Kept in the run's draft, so a resumed run
/// (and the ticket it files) still knows what was suggested.
public struct AssistantProgress: Codable, Hashable, Sendable {
    /// The session, as recorded in the store.
    public var session: AssistantSession
    /// The articles found by the last search, best first.
    public var hits: [KnowledgeHit]
    /// The words of the last search.
    public var question: String

    /// Progress after a first search.
    public init(session: AssistantSession, hits: [KnowledgeHit], question: String) {
        self.session = session
        self.hits = hits
        self.question = question
    }
}
