import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerFlowTestSupport
import FormrunnerRun
import Testing

@Suite("The requester's language in a terminal run")
struct LanguageFlowTests {
    static let assistantInPortuguese: [ScriptedPrompter.Answer] = [
        .text("pt"), .text("doubt"), .text("Vender online"), .text("Erro 500"), .text("Limpei o cache"), .enter,
    ]

    /// Files a ticket through the technical flow with `assistant` as the Copilot answers.
    func file(_ desk: FlowDesk, assistant: [ScriptedPrompter.Answer], language: String? = nil, wrongCodeFirst: Bool = false)
        async throws -> (Ticket?, ScriptedPrompter) {
        let code = desk.codeReader()
        let codes: [ScriptedPrompter.Answer] = (wrongCodeFirst ? [.text("000000")] : []) + [.computed(code)]
        let prompter = ScriptedPrompter(desk.emailSignIn() + assistant + codes + TechnicalFlowTests.intake + [.text("send")])
        let flow = try #require(FlowDesk.catalog.workflows["technical-support"])
        let outcome = try await FlowRunner(flow: flow, services: desk.services, prompter: prompter, language: language).run()
        guard case .filed(let ticket) = outcome else { return (nil, prompter) }
        return (ticket, prompter)
    }

    @Test("Português at Copilot: every later prompt, the review and the ticket's language are Portuguese")
    func choiceAtCopilot() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        let (ticket, prompter) = try await file(desk, assistant: Self.assistantInPortuguese, wrongCodeFirst: true)
        #expect(ticket?.language == "pt")
        #expect(prompter.said.contains("o código não está correto; restam 4 tentativas"))
        #expect(prompter.asked.contains("Language"))
        #expect(Array(prompter.asked.drop { $0 != "Cenário" }.prefix(5)) == [
            "Cenário", "Explique o objetivo", "Detalhe o problema", "Liste os recursos já utilizados", "O que deseja fazer?",
        ])
        #expect(prompter.asked.contains("Insira o código OTP (One Time Password) enviado para seu email."))
        #expect(prompter.asked.contains("Nível de experiência com a plataforma"))
        #expect(prompter.said.contains("Revisão: Suporte técnico"))
        #expect(prompter.said.contains("Enviamos um código para ana@example.com."))
        #expect(ticket?.answers["description"]?.plainText.hasPrefix("Explique o objetivo:\nVender online") == true)
        let confirmation = try await desk.store.outbox(for: 1).first
        #expect(confirmation?.subject == "[Support] Chamado #1 criado: Checkout broken")
        #expect(desk.notifier.messages.contains { $0.subject.hasPrefix("[Support] Seu código OTP") })
    }

    @Test("the next run speaks the stored preference (the latest ticket's language) after sign-in; --lang wins over it")
    func storedPreference() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        _ = try await file(desk, assistant: Self.assistantInPortuguese)
        let keep: [ScriptedPrompter.Answer] = [.enter, .text("doubt"), .text("a"), .text("b"), .text("c"), .enter]
        let (second, remembered) = try await file(desk, assistant: keep)
        #expect(second?.language == "pt")
        #expect(remembered.said.contains("Login realizado como Ana Souza <ana@example.com>."))
        #expect(remembered.asked.contains("Idioma"))
        let (third, english) = try await file(desk, assistant: keep, language: "en")
        #expect(third?.language == "en")
        #expect(english.asked.contains("Language") && english.asked.contains("Scenario"))
    }

    @Test("--lang es from the start: sign-in in Spanish")
    func spanishFromTheStart() async throws {
        let desk = FlowDesk()
        try await desk.directory.add(try FlowDesk.ana())
        let (ticket, prompter) = try await file(desk, assistant: [.enter, .text("doubt"), .text("a"), .text("b"), .text("c"), .enter],
                                                language: "es")
        #expect(ticket?.language == "es")
        #expect(Array(prompter.asked.prefix(2)) == ["¿Cómo quieres iniciar sesión?", "Email"])
        #expect(prompter.asked.contains("Idioma") && prompter.asked.contains("Escenario"))
    }
}
