import Foundation
import Testing
import FormrunnerCore
@testable import FormrunnerNotify

/// A ticket's e-mails are written in its requester's language: the template's version in it
/// (`confirmation.pt.mustache`), with the statuses and form title in it too.
@Suite("E-mails in the requester's language")
struct LocalizedMessageTests {
    let renderer = MessageRenderer(catalog: Sample.catalog)

    func render(_ template: String, language: String?, event: String = "create", previous: String? = nil,
                status: String = "open") throws -> OutboxMessage {
        var ticket = Sample.ticket(status: status)
        ticket.language = language
        let request = NotificationRequest(recipient: .requester, template: template, event: event,
                                          previousStatus: previous, message: nil)
        return try renderer.message(for: request, ticket: ticket, lifecycle: Sample.lifecycle,
                                    address: "ana@example.com", now: Sample.now, id: "m-1")
    }

    @Test("a Portuguese ticket's confirmation is confirmation.pt.mustache, with the status and form title in Portuguese")
    func portugueseConfirmation() throws {
        let message = try render("confirmation", language: "pt")
        #expect(message.subject == "[Support] Chamado #12 criado: Printer on fire")
        #expect(message.body.hasPrefix("Olá, Ana Souza,\n\n"))
        #expect(message.body.contains("Seu chamado #12 (Troca de Master Admin) foi criado com o status Aberto."))
        #expect(message.template == "confirmation")
    }

    @Test("a Spanish ticket's status change names both statuses in Spanish")
    func spanishStatusChange() throws {
        let message = try render("status-changed", language: "es", event: "solve", previous: "awaiting_reply", status: "solved")
        #expect(message.subject == "[Support] El ticket #12 ahora está Resuelto")
        #expect(message.body.contains("cambió de Esperando tu respuesta a Resuelto."))
    }

    @Test("a ticket without a language, or in English, gets the English template")
    func english() throws {
        #expect(try render("confirmation", language: nil).subject == "[Support] Ticket #12 created: Printer on fire")
        #expect(try render("confirmation", language: "en").body.contains("with the status Open."))
    }

    @Test("every template renders in pt and es with no leftover Mustache")
    func everyTemplate() throws {
        let names = Sample.catalog.templates.keys.filter { !$0.contains(".") && !["one-time-code", "sms-code"].contains($0) }
        for name in names {
            for language in ["pt", "es"] {
                let message = try render(name, language: language, event: "ask", previous: "open", status: "awaiting_reply")
                #expect(!message.body.contains("{{") && !message.subject.contains("{{"), "\(name).\(language)")
                // The agent desk's e-mails greet the agent, the others the requester.
                let greeting = ["assigned", "sla-warning", "sla-breach"].contains(name)
                    ? (language == "pt" ? "Olá,\n" : "Hola:\n") : (language == "pt" ? "Olá, Ana Souza," : "Hola, Ana Souza:")
                #expect(message.body.hasPrefix(greeting), "\(name).\(language)")
            }
        }
    }

    @Test("a one-time code e-mail is rendered in the language asked for")
    func code() throws {
        let email = try renderer.render(template: "one-time-code",
                                        context: TemplateContext(["code": "123456", "expires_minutes": "10"]), language: "pt")
        #expect(email.subject == "[Support] Seu código OTP (One Time Password): 123456")
        #expect(email.body.contains("O código expira em 10 minutos"))
    }
}
