import Foundation
import FormrunnerCore
import FormrunnerFlowTestSupport
import Testing

/// Português chosen at Copilot on the web: the later pages, the ticket and its e-mails in Portuguese.
@Suite("The technical flow in Portuguese on the web")
struct PortugueseFlowPageTests {
    @Test("choosing Português at Copilot: the code, the form, the review and the confirmation in Portuguese; the ticket keeps pt")
    func portuguese() async throws {
        let web = PortalFixture()
        try await web.desk.directory.add(try FlowDesk.ana())
        try await web.browse { browser in
            try await web.signIn(browser, next: "/flows/technical-support")
            try await browser.post("/flows/technical-support", [
                ("_step", "copilot"), ("language", "pt"), ("scenario", "doubt"),
                ("guidance.objective", "Vender online"), ("guidance.problem", "Erro 500"),
                ("guidance.resources", "Limpei o cache"), ("_action", "handoff"),
            ])
            #expect(browser.page.contains(#"<html lang="pt">"#))
            #expect(browser.page.contains("Insira o código OTP (One Time Password) enviado para seu email."))
            try await browser.post("/flows/technical-support", [
                ("_step", "otp"), ("code", web.desk.notifier.lastCode(to: "ana@example.com")), ("_action", "verify"),
            ])
            #expect(browser.page.contains("<h1>Identifique e relate problemas</h1>"))
            #expect(browser.page.contains("Nível de experiência com a plataforma"))
            #expect(browser.page.contains("Recursos críticos da loja estão se comportando indevidamente"))
            try await browser.post("/flows/technical-support", [
                ("_step", "intake"), ("title", "Checkout quebrado"), ("description", "Explique o objetivo: vender online, erro 500"),
                ("experience_level", "learning"), ("agency", ""), ("users_affected", "end_users"), ("problem_impact", "critical"),
                ("environment", "production"), ("problem_type", "question"), ("_action", "continue"),
            ])
            #expect(browser.page.contains("Criar ticket"))
            #expect(browser.page.contains("Produção"))
            try await browser.post("/flows/technical-support", [("_step", "create"), ("_action", "send")])
        }
        let ticket = try #require(try await web.desk.store.ticket(1))
        #expect(ticket.language == "pt")
        let confirmation = try #require(try await web.desk.store.outbox(for: 1).first)
        #expect(confirmation.subject == "[Support] Chamado #1 criado: Checkout quebrado")
        #expect(confirmation.body.contains("foi criado com o status Aberto."))
        #expect(web.desk.notifier.messages.contains { $0.subject.contains("Seu código OTP (One Time Password)") })
    }
}
