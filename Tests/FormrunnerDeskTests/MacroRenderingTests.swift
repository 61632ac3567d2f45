import Foundation
import FormrunnerCore
import FormrunnerDesk
import FormrunnerNotify
import Testing

/// Macros render in the requester's language, with the ticket's and the agent's values.
@Suite("Macros")
struct MacroRenderingTests {
    static let monday = AgentDesk.instant("2026-12-07T12:00:00Z")

    /// A financial ticket filed in `language`.
    static func ticket(_ desk: AgentDesk, language: String?) async throws -> Ticket {
        try await desk.tickets.create(formID: "financial.change-monthly-invoice-expiration-date", answers: [
            "desired_day": .single("10"), "what_happened": .single("We need invoices due on the 10th (\(language ?? "none")).")],
            requester: Requester(email: "ana@example.com", name: "Ana Souza"), account: "lojaana", language: language, at: Self.monday)
    }

    @Test("a pt ticket gets the pt text, an es ticket the es text, a ticket without a language the en text")
    func requesterLanguage() async throws {
        try await AgentDesk.with(.memory) { desk in
            let macros = MacroRenderer(renderer: desk.desk.renderer)
            let expected = [("pt", "Você mesmo pode baixar a segunda via de qualquer fatura: no Admin da conta lojaana"),
                            ("es", "Puedes descargar tú mismo una segunda copia de cualquier factura: en el Admin de la cuenta lojaana"),
                            (nil, "You can download a second copy of any invoice yourself: in the Admin of the account lojaana")]
            for (language, start) in expected {
                let ticket = try await Self.ticket(desk, language: language)
                let text = try macros.render("invoice-second-copy", ticket: ticket, agentName: "Bia Lima", agentEmail: "Bia@Desk.example")
                #expect(text.hasPrefix(start), "\(text)")
                #expect(text.hasSuffix("\n\nBia Lima\n"))
            }
        }
    }

    @Test("a body missing the requester's language falls back to English; the agent's name falls back to the e-mail")
    func fallbacks() async throws {
        try await AgentDesk.with(.memory) { desk in
            var renderer = desk.desk.renderer
            renderer.catalog.macros["short"] = MacroDefinition(
                id: "short", label: LocalizedText("Short"),
                bodies: [.init(language: "en", text: "Ticket #{{ticket.number}} ({{ticket.form_title}}) for {{requester.name}}, by {{agent.name}}",
                               location: SourceLocation(file: "Workflows/macros.yaml", line: 1, column: 1), isBlock: false)],
                location: SourceLocation(file: "Workflows/macros.yaml", line: 1, column: 1))
            let ticket = try await Self.ticket(desk, language: "pt")
            let text = try MacroRenderer(renderer: renderer).render("short", ticket: ticket, agentName: nil, agentEmail: "bia@desk.example")
            #expect(text == "Ticket #1 (Mudança do vencimento mensal da fatura) for Ana Souza, by bia@desk.example")
            #expect(throws: MacroRenderer.Failure.unknown("shrt", hint: "; did you mean 'short'?")) {
                _ = try MacroRenderer(renderer: renderer).render("shrt", ticket: ticket, agentName: nil, agentEmail: nil)
            }
            #expect(MacroRenderer.Failure.unknown("shrt", hint: "; did you mean 'short'?").description
                    == "unknown macro 'shrt'; did you mean 'short'?")
        }
    }
}
