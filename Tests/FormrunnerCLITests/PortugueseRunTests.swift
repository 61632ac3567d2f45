import Foundation
import Testing

extension RunEndToEndTests {
    /// The technical flow in Portuguese: Português chosen at Copilot applies to every later prompt,
    /// the review, the confirmation e-mail and `tickets show`; `--lang pt` from the first prompt.
    @Suite("technical-support in Portuguese")
    struct PortugueseRunTests {
        /// An environment that names no language of the desk (the run starts in English) ...
        static let neutral = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"]
        /// ... and one in Brazilian Portuguese.
        static let brazilian = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "pt_BR.UTF-8"]

        @Test("choosing Português at Copilot: prompts, review, confirmation e-mail and tickets show in Portuguese")
        func portugueseFromCopilot() async throws {
            let desk = try RunDesk()
            try desk.addUser("ana@example.com", name: "Ana Souza", accounts: ["lojaana"])
            let tmux = try desk.terminal(["run", "technical-support"], environment: Self.neutral)
            defer { tmux.close() }
            try await tmux.signInWithEmailCode("ana@example.com", desk: desk)
            try await tmux.waitFor("Signed in as Ana Souza <ana@example.com>.")

            try await tmux.choose("Language", "pt")
            try await tmux.choose("Cenário", "unexpected_behavior")
            try await tmux.write("Explique o objetivo", "Os compradores não conseguem pagar.")
            try await tmux.write("Detalhe o problema", "Erro 500 no pagamento.")
            try await tmux.write("Liste os recursos já utilizados", "Limpei o cache.")
            try await tmux.choose("O que deseja fazer?", "pessoa")
            try await tmux.waitFor("Abertura de ticket")
            try await tmux.waitFor("Enviamos um código para ana@example.com.")
            let otp = try await desk.nextCode(screen: { tmux.screen() })
            try await tmux.answer("Insira o código OTP (One Time Password) enviado para seu email.", text: otp)

            try await tmux.waitFor("Identifique e relate problemas")
            try await tmux.waitFor("Informe o assunto da sua solicitação.")
            try await tmux.answer("Título", text: "O checkout falha")
            try await tmux.waitFor("│ Explique o objetivo:")
            try await tmux.answer("Descrição") { try tmux.press("C-d") }
            // The accepted multiline answer is summed up in Portuguese too.
            let described = try await tmux.waitFor("✔ Descrição · Explique o objetivo: (+")
            #expect(described.contains(" linhas)\n"))
            try await tmux.choose("Nível de experiência com a plataforma", "advanced")
            try await tmux.waitFor("opcional: pressione Enter para pular")
            try await tmux.accept("Agência")
            try await tmux.choose("Usuários impactados pelo problema", "end_users")
            try await tmux.choose("Impacto do problema", "critical")
            try await tmux.choose("Ambiente onde o problema está ocorrendo", "production")
            try await tmux.choose("Tipo de problema", "unexpected_behavior")
            try await tmux.accept("Evidência")

            let review = try await tmux.waitFor("? O que deseja fazer?")
            #expect(review.contains("Revisão: Suporte técnico"))
            #expect(review.contains("Título: O checkout falha\n"))
            #expect(review.contains("Agência: —"))
            #expect(review.contains("Ambiente onde o problema está ocorrendo: Produção"))
            #expect(review.contains("Usuários impactados pelo problema: Compradores, consumidores ou usuários finais"))
            try await tmux.choose("O que deseja fazer?", "Criar")
            try await tmux.waitFor("Chamado 1 criado: O checkout falha [Aberto]. Uma confirmação foi enviada para ana@example.com.")
            #expect(try await tmux.waitForExit() == 0)

            let confirmation = try #require(desk.mail().last { $0.subject.contains("#1") })
            #expect(confirmation.subject == "[Support] Chamado #1 criado: O checkout falha")
            let body = Self.decoded(confirmation.body)
            #expect(body.hasPrefix("Olá, Ana Souza,\n"))
            #expect(body.contains("Seu chamado #1 (Suporte técnico) foi criado com o status Aberto."))
            #expect(body.contains("Todas as atualizações do seu chamado serão enviadas para ana@example.com."))

            let ticket = try #require(try desk.ticket(1))
            #expect(ticket["language"] as? String == "pt")
            let description = (try desk.answers(ofTicket: 1)["description"] as? [String: String])?["text"] ?? ""
            #expect(description.hasPrefix("Explique o objetivo:\nOs compradores não conseguem pagar."))

            let shown = try CommandRunner.run(["tickets", "show", "1"], environment: desk.environment.merging(Self.brazilian) { $1 })
            #expect(shown.status == 0)
            #expect(shown.stdout.contains("  Status:    Aberto\n"))
            #expect(shown.stdout.contains("  Language:  pt\n"))
            #expect(shown.stdout.contains("  Título: O checkout falha\n"))
            #expect(shown.stdout.contains("  Ambiente onde o problema está ocorrendo: Produção\n"))
            #expect(shown.stdout.contains("  Nível de experiência com a plataforma: Sou experiente e entendo recursos avançados.\n"))
            #expect(shown.stdout.contains("  requester  create  Aberto\n"))
            #expect(shown.stdout.contains("[Support] Chamado #1 criado: O checkout falha"))
            let english = try CommandRunner.run(["tickets", "show", "1", "--lang", "en"], environment: desk.environment)
            #expect(english.stdout.contains("  Status:    Open\n"))
        }

        @Test("--lang pt speaks Portuguese from the sign-in on, and Copilot offers Português first")
        func langFlag() async throws {
            let desk = try RunDesk()
            try desk.addUser("ana@example.com", name: "Ana Souza", accounts: ["lojaana"])
            let tmux = try desk.terminal(["run", "technical-support", "--lang", "pt"], environment: Self.neutral)
            defer { tmux.close() }
            try await tmux.waitFor("Realizar login na sua conta")
            try await tmux.choose("Como você quer entrar?", "email")
            try await tmux.answer("Email", text: "ana@example.com")
            try await tmux.waitFor("Se ana@example.com puder entrar aqui, um código está a caminho.")
            let code = try await desk.nextCode(screen: { tmux.screen() })
            try await tmux.answer("Código enviado para ana@example.com", text: code)
            try await tmux.waitFor("Login realizado como Ana Souza <ana@example.com>.")
            try await tmux.waitFor("Permissão de suporte: concedida")
            try await tmux.accept("Idioma")
            try await tmux.waitFor("✔ Idioma · Português")
            try tmux.press("C-c")
            #expect(try await tmux.waitForExit() == 130)
            // The sign-in e-mail was written in Portuguese too.
            #expect(desk.mail().contains { Self.decoded($0.body).contains("Insira este código OTP (One Time Password)") })
        }

        @Test("an unknown --lang is a usage error (exit 64)")
        func unknownLanguage() throws {
            let run = try CommandRunner.run(["run", "technical-support", "--lang", "fr"])
            #expect(run.status == 64)
            #expect(run.stderr.contains("unknown language 'fr'; use en, pt or es"))
        }

        /// A quoted-printable body decoded (soft line breaks joined, `=XX` bytes as UTF-8).
        static func decoded(_ body: String) -> String {
            let joined = Array(body.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=\n", with: "").utf8)
            var bytes: [UInt8] = []
            var position = 0
            while position < joined.count {
                if joined[position] == UInt8(ascii: "="), position + 2 < joined.count,
                   let byte = UInt8(String(decoding: joined[(position + 1)...(position + 2)], as: UTF8.self), radix: 16) {
                    bytes.append(byte)
                    position += 3
                } else {
                    bytes.append(joined[position])
                    position += 1
                }
            }
            return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        }
    }
}
