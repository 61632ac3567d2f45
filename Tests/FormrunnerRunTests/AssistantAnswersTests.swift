import Foundation
import FormrunnerCore
import FormrunnerFlowTestSupport
import FormrunnerKnowledge
import FormrunnerRun
import Testing

@Suite("The assistant answers from the knowledge base")
struct AssistantAnswersTests {
    /// The desk's own articles, indexed in memory.
    static func index() throws -> KnowledgeIndex {
        try KnowledgeIndex.open(KnowledgeLoader(root: FlowDesk.repository).load())
    }

    static let askingForHAR: [ScriptedPrompter.Answer] = [
        .text("pt"), .text("doubt"), .text("Gerar um arquivo HAR no Chrome"), .text("Não sei gerar o arquivo HAR"), .enter,
    ]

    static func run(_ desk: FlowDesk, _ prompter: ScriptedPrompter, resume: Bool = false) async throws -> FlowOutcome {
        var services = desk.services
        services.knowledge = try index()
        let flow = try #require(FlowDesk.catalog.workflows["technical-support"])
        return try await FlowRunner(flow: flow, services: services, prompter: prompter, resume: resume).run()
    }

    @Test("in Portuguese: Portuguese articles, one read, then answered: no ticket, the session answered by it")
    func answered() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        let prompter = ScriptedPrompter(desk.emailSignIn() + Self.askingForHAR + [.text("read:har-file"), .text("answered")])
        let outcome = try await Self.run(desk, prompter)
        guard case .answeredByAssistant = outcome else { Issue.record("\(outcome)"); return }
        #expect(prompter.finished)
        #expect(prompter.said.contains("Artigos que podem responder à sua dúvida"))
        #expect(prompter.said.contains { $0.hasPrefix("1. Como gerar um arquivo HAR\n   ") })
        #expect(prompter.said.contains("Como gerar um arquivo HAR"))
        #expect(prompter.said.contains("Que bom que ajudou! Nenhum chamado foi aberto. Volte quando precisar."))
        #expect(prompter.offered["O que deseja fazer?"]?.prefix(3) == ["handoff", "answered", "read:har-file"])
        #expect(try await desk.store.count(status: nil) == 0)
        let sessions = try await desk.store.assistantSessions(from: nil, to: nil)
        #expect(sessions.count == 1)
        #expect(sessions.first?.outcome == .answered)
        #expect(sessions.first?.answeredBy == "har-file")
        #expect(sessions.first?.language == "pt")
        #expect(sessions.first?.shown.count == 3)
    }

    @Test("asked again and handed off, interrupted and resumed: the ticket lists every article shown")
    func handoffAcrossResume() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        let code = desk.codeReader()
        let first = ScriptedPrompter(desk.emailSignIn() + Self.askingForHAR
                                     + [.text("again"), .text("como reabrir um chamado resolvido"), .text("handoff"),
                                        .computed(code), .text("Preciso de ajuda"), .interrupt])
        guard case .interrupted(.cancelled, true) = try await Self.run(desk, first) else { Issue.record("not interrupted"); return }
        #expect(first.said.contains { $0.hasPrefix("1. Como reabrir um chamado\n") })
        desk.clock.advance(61)
        let second = ScriptedPrompter(desk.emailSignIn() + [
            .enter, .text("learning"), .enter, .text("end_users"), .text("critical"), .text("production"),
            .text("unexpected_behavior"), .enter, .text("send"),
        ])
        guard case .filed(let ticket) = try await Self.run(desk, second, resume: true) else { Issue.record("not filed"); return }
        guard case .choices(let articles)? = ticket.answers["_assistant.articles"] else { Issue.record("no articles"); return }
        #expect(articles.first == "har-file")
        #expect(articles.contains("reopening-a-ticket"))
        let sessions = try await desk.store.assistantSessions(from: nil, to: nil)
        #expect(sessions.map(\.outcome) == [.handoff])
        #expect(sessions.first?.shown == articles)
    }

    @Test("without a knowledge base the step offers only a person or done, as before")
    func withoutKnowledge() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        let prompter = ScriptedPrompter(desk.emailSignIn() + Self.askingForHAR + [.text("answered")])
        guard case .answeredByAssistant = try await desk.run("technical-support", prompter) else { Issue.record("not answered"); return }
        #expect(prompter.offered["O que deseja fazer?"] == ["handoff", "answered"])
        #expect(try await desk.store.assistantSessions(from: nil, to: nil).isEmpty)
    }
}
