import FormrunnerCore
import FormrunnerKnowledge

extension FlowInterpreter {
    /// The answer key under which a filed ticket keeps the articles the assistant showed (by id, in
    /// the order shown): `tickets show` lists them for the agent, `--json` has them in `answers`.
    public static let articlesShownKey = "_assistant.articles"

    /// How many articles the assistant shows at a time.
    public static let suggestionCount = 3

    /// Whether the assistant can answer from a knowledge base.
    public var answersFromKnowledge: Bool { services.knowledge != nil }

    /// The words the assistant searches with after the guidance: the guidance answers, in order.
    public func guidanceQuestion(_ settings: StepDefinition.Assistant, state: FlowState) -> String {
        settings.guidance.compactMap { state.guidance[$0.id] }.joined(separator: "\n")
    }

    /// Searches the articles with `question` in the run's language (English where no article of
    /// that language matches) and records what was shown: the first articles shown start the run's
    /// assistant session, kept in `state` and in the session store. An ended session (after a
    /// hand-off, when the person comes back to the step) is followed by a new one.
    /// - Returns: The best ``suggestionCount`` articles; none without a knowledge base.
    @discardableResult
    public func suggest(_ question: String, requester: String?, in state: inout FlowState) async throws -> [KnowledgeHit] {
        guard let index = services.knowledge else { return [] }
        let hits = try index.search(question, language: state.language, limit: Self.suggestionCount)
        let now = services.ticketClock()
        var progress = state.assistant
        if progress?.session.outcome != .open { progress = nil }
        if progress == nil, hits.isEmpty {
            state.assistant = nil
            return []
        }
        var session = progress?.session ?? AssistantSession(workflowID: flow.id, requester: requester ?? "",
                                                           language: state.language, startedAt: now)
        session.language = state.language
        session.show(hits.map(\.id), at: now)
        state.assistant = AssistantProgress(session: session, hits: hits, question: question)
        try await services.assistantSessions?.saveAssistantSession(session)
        return hits
    }

    /// The article `id`, in the run's language (else English), recorded as opened by the run's
    /// assistant session; nil when no article was suggested yet or there is no article `id`.
    public func openArticle(_ id: String, in state: inout FlowState) async throws -> KnowledgeArticle? {
        guard var progress = state.assistant,
              let article = services.knowledge?.article(id, language: state.language) else { return nil }
        // A session that ended (handed off) is not changed by a look back at an article.
        guard progress.session.outcome == .open else { return article }
        progress.session.open(id, at: services.ticketClock())
        state.assistant = progress
        try await services.assistantSessions?.saveAssistantSession(progress.session)
        return article
    }

    /// Ends the run's assistant session with `choice`: answered (a deflection, by the article opened
    /// last) or handed off. Nothing is recorded when no article was shown.
    public func endAssistant(_ choice: AssistantChoice, in state: inout FlowState) async throws {
        guard var progress = state.assistant, progress.session.outcome == .open else { return }
        progress.session.end(choice == .answered ? .answered : .handoff, at: services.ticketClock())
        state.assistant = progress
        try await services.assistantSessions?.saveAssistantSession(progress.session)
    }

    /// The answers a filed ticket gets besides the form's: the articles the assistant showed.
    func assistantAnswers(_ state: FlowState) -> [String: AnswerValue] {
        guard let shown = state.assistant?.session.shown, !shown.isEmpty else { return [:] }
        return [Self.articlesShownKey: .choices(shown)]
    }
}
