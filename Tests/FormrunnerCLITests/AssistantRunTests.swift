import Foundation
import Testing

extension RunEndToEndTests {
    /// The assistant answers from the knowledge base in the requester's language: a question it
    /// answers files no ticket and counts as a deflection; a hand-off files a ticket that lists the
    /// articles shown.
    @Suite("technical-support: the assistant answers")
    struct AssistantRunTests {
        static let neutral = PortugueseRunTests.neutral

        /// Signs Ana in and answers Copilot's questions in Portuguese, up to the suggestions.
        static func askInPortuguese(_ tmux: TmuxSession, desk: RunDesk) async throws -> String {
            try await tmux.signInWithEmailCode("ana@example.com", desk: desk)
            try await tmux.waitFor("Signed in as Ana Souza <ana@example.com>.")
            try await tmux.choose("Language", "pt")
            try await tmux.choose("Cenário", "doubt")
            try await tmux.write("Explique o objetivo", "Gerar um arquivo HAR no Chrome para o suporte.")
            try await tmux.write("Detalhe o problema", "Não sei como gerar o arquivo HAR.")
            try await tmux.write("Liste os recursos já utilizados", "Nenhum.")
            return try await tmux.waitFor("? O que deseja fazer?")
        }

        @Test("a Portuguese requester gets Portuguese articles, reads one, and is answered: no ticket, a deflection recorded")
        func answered() async throws {
            let desk = try RunDesk()
            try desk.addUser("ana@example.com", name: "Ana Souza", accounts: ["lojaana"])
            let tmux = try desk.terminal(["run", "technical-support"], environment: Self.neutral)
            defer { tmux.close() }
            let suggestions = try await Self.askInPortuguese(tmux, desk: desk)
            #expect(suggestions.contains("Artigos que podem responder à sua dúvida"))
            #expect(suggestions.contains("1. Como gerar um arquivo HAR\n"))
            #expect(suggestions.contains("Perguntar de novo com outras palavras"))

            try await tmux.choose("O que deseja fazer?", "read:har-file")
            let article = try await tmux.waitFor("? O que deseja fazer?")
            #expect(article.contains("Antes de enviar"))
            #expect(!article.contains("**"))
            try await tmux.choose("O que deseja fazer?", "respondida")
            try await tmux.waitFor("Que bom que ajudou! Nenhum chamado foi aberto. Volte quando precisar.")
            #expect(try await tmux.waitForExit() == 0)
            #expect(try desk.ticket(1) == nil)

            let stats = try desk.run(["knowledge", "stats", "--json"])
            #expect(stats.status == 0, "\(stats.stderr)")
            let figures = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
            #expect(figures["sessions"] as? Int == 1)
            #expect(figures["answered"] as? Int == 1)
            #expect(figures["handed_off"] as? Int == 0)
            #expect(figures["deflection_rate"] as? Double == 1)
            let answering = figures["articles_answering"] as? [[String: Any]]
            #expect(answering?.first?["id"] as? String == "har-file")
            let text = try desk.run(["knowledge", "stats"])
            #expect(text.stdout.contains("  Answered:        1\n"))
            #expect(text.stdout.contains("  Deflection rate: 100.0%\n"))
            // The desk manager's report of the month counts it too.
            let report = try desk.run(["report"])
            #expect(report.status == 0, "\(report.stderr)")
            #expect(report.stdout.contains("Assistant sessions: 1 (answered without a ticket 1, handed off 0, abandoned 0, in progress 0); deflection rate 100%\n"))
        }

        @Test("talking to a person after the suggestions files a ticket that lists the articles shown")
        func handoff() async throws {
            let desk = try RunDesk()
            try desk.addUser("ana@example.com", name: "Ana Souza", accounts: ["lojaana"])
            let tmux = try desk.terminal(["run", "technical-support"], environment: Self.neutral)
            defer { tmux.close() }
            _ = try await Self.askInPortuguese(tmux, desk: desk)
            try await tmux.choose("O que deseja fazer?", "pessoa")
            try await tmux.waitFor("Enviamos um código para ana@example.com.")
            let otp = try await desk.nextCode(screen: { tmux.screen() })
            try await tmux.answer("Insira o código OTP (One Time Password) enviado para seu email.", text: otp)
            try await tmux.answer("Título", text: "Preciso de ajuda com o HAR")
            try await tmux.waitFor("│ Explique o objetivo:")
            try await tmux.answer("Descrição") { try tmux.press("C-d") }
            try await tmux.choose("Nível de experiência com a plataforma", "advanced")
            try await tmux.accept("Agência")
            try await tmux.choose("Usuários impactados pelo problema", "end_users")
            try await tmux.choose("Impacto do problema", "critical")
            try await tmux.choose("Ambiente onde o problema está ocorrendo", "production")
            try await tmux.choose("Tipo de problema", "unexpected_behavior")
            try await tmux.accept("Evidência")
            try await tmux.choose("O que deseja fazer?", "Criar")
            try await tmux.waitFor("Chamado 1 criado: Preciso de ajuda com o HAR")
            #expect(try await tmux.waitForExit() == 0)

            let articles = (try desk.answers(ofTicket: 1)["_assistant.articles"] as? [String: Any])?["choices"] as? [String]
            #expect(articles?.first == "har-file")
            #expect(articles?.count == 3)
            let shown = try desk.run(["tickets", "show", "1"])
            #expect(shown.stdout.contains("Articles the assistant suggested:\n  har-file: Como gerar um arquivo HAR\n"))
            let stats = try desk.run(["knowledge", "stats"])
            #expect(stats.stdout.contains("  Handed off:      1\n"))
            #expect(stats.stdout.contains("  Deflection rate: 0.0%\n"))
            #expect(stats.stdout.contains("1 of 1 shown  har-file: How to generate a HAR file\n"))
        }

        @Test("knowledge stats refuses a malformed day and a period that ends before it starts")
        func statsUsage() throws {
            let day = try CommandRunner.run(["knowledge", "stats", "--from", "03/12/2026"])
            #expect(day.status == 64)
            #expect(day.stderr.contains("--from must be a day (YYYY-MM-DD) or an ISO-8601 instant (2026-12-03T09:00:00Z), not '03/12/2026'"))
            let order = try CommandRunner.run(["knowledge", "stats", "--from", "2026-12-03", "--to", "2026-12-01"])
            #expect(order.status == 64)
            #expect(order.stderr.contains("--to must be later than --from"))
        }
    }
}
