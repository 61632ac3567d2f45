import Foundation
import Testing
import FormrunnerCore
@testable import FormrunnerNotify

@Suite("Rendering the real e-mail templates")
struct MessageRendererTests {
    let renderer = MessageRenderer(catalog: Sample.catalog)

    func render(_ template: String, ticket: Ticket = Sample.ticket(), event: String = "ask",
                previous: String? = nil, message: String? = nil) throws -> OutboxMessage {
        let request = NotificationRequest(recipient: .requester, template: template, event: event,
                                          previousStatus: previous, message: message)
        return try renderer.message(for: request, ticket: ticket, lifecycle: Sample.lifecycle,
                                    address: "ana@example.com", now: Sample.now, id: "m-1")
    }

    @Test("every ticket template renders with a subject, a body and no leftover Mustache")
    func everyTemplate() throws {
        let names = Sample.catalog.templates.keys.filter { !(["one-time-code", "sms-code"] + Self.agentTemplates).contains($0) && !$0.contains(".") }.sorted()
        #expect(names.count == 8)   // with merged: where a merged ticket continues
        for name in names {
            let message = try render(name, previous: "awaiting_reply", message: "Please try again.")
            #expect(message.subject.hasPrefix("[Support] ") && message.subject.lowercased().contains("ticket #12"), "\(name): \(message.subject)")
            #expect(message.body.hasPrefix("Hello Ana Souza,\n\n"), "\(name)")
            #expect(message.body.hasSuffix("\nSupport\n"), "\(name)")
            #expect(!message.body.contains("{{") && !message.subject.contains("{{"), "\(name)")
            #expect(message.template == name && message.id == "m-1" && message.ticketNumber == 12)
            #expect(message.address == "ana@example.com" && message.createdAt == Sample.now && message.attempts == 0)
        }
    }

    /// The templates that go to agents: an assignment and the SLA alerts.
    static let agentTemplates = ["assigned", "sla-warning", "sla-breach"]

    @Test("the agents' templates name the ticket, its team, priority and assignee, with no leftover Mustache")
    func agentTemplates() throws {
        var ticket = Sample.ticket()
        ticket.team = "technical"
        ticket.priority = "high"
        ticket.assignee = "bia@desk.example"
        for name in Self.agentTemplates {
            let message = try render(name, ticket: ticket, event: "assign")
            #expect(message.subject.hasPrefix("[Support] ") && message.subject.contains("ticket #12") || message.subject.contains("Ticket #12"),
                    "\(name): \(message.subject)")
            #expect(message.body.hasPrefix("Hello,\n\nTicket #12 (Printer on fire) "), "\(name)")
            #expect(message.body.contains("Priority: High. Status: Open."), "\(name)")
            #expect(message.body.hasSuffix("\nSupport\n"), "\(name)")
            #expect(!message.body.contains("{{") && !message.subject.contains("{{"), "\(name)")
        }
        #expect(try render("assigned", ticket: ticket).body.contains("was assigned to you in Technical support.\n"))
        #expect(try render("sla-breach", ticket: ticket).body.contains("Assigned to: bia@desk.example."))
        #expect(try render("sla-warning", ticket: Sample.ticket()).body.contains("Status: Open. Assigned to: nobody yet."))
    }

    @Test("confirmation: number, form title, status label, title and e-mail")
    func confirmation() throws {
        let message = try render("confirmation", event: "create")
        #expect(message.subject == "[Support] Ticket #12 created: Printer on fire")
        let form = try #require(Sample.catalog.forms[Sample.ticket().formID]).title.english
        #expect(message.body.contains("Your ticket #12 (\(form)) has been created with the status Open."))
        #expect(message.body.contains("  Title: Printer on fire\n"))
        #expect(message.body.contains("will be sent to ana@example.com."))
    }

    @Test("solved: the survey link is made for the ticket's current round by the injected SurveyLinks")
    func solved() throws {
        var renderer = self.renderer
        renderer.surveyLinks = SurveyLinks(baseURL: "https://desk.example/") { number, round in "t\(number)-r\(round)" }
        var request = NotificationRequest(recipient: .requester, template: "solved", event: "solve",
                                          previousStatus: "open", message: "Replaced the fuse.")
        request.surveyRound = 2
        let message = try renderer.message(for: request, ticket: Sample.ticket(status: "solved"), lifecycle: Sample.lifecycle,
                                           address: "ana@example.com", now: Sample.now, id: "m-1")
        #expect(message.body.contains("satisfaction survey (it stays open for 27 working hours):\nhttps://desk.example/survey/t12-r2\n\nSupport\n"))
        #expect(message.body.contains("has been marked as Solved."))
        #expect(message.body.contains("\n\nReplaced the fuse.\n\n"))
    }

    @Test("solved: without SurveyLinks, or without a survey round, the e-mail has no survey paragraph")
    func solvedWithoutLink() throws {
        let plain = try render("solved", ticket: Sample.ticket(status: "solved"), event: "solve")
        #expect(!plain.body.contains("survey"))
        #expect(plain.body.hasSuffix("Otherwise, the ticket will be closed.\n\nSupport\n"))
        var renderer = self.renderer
        renderer.surveyLinks = SurveyLinks { _, _ in "https://never" }
        let request = NotificationRequest(recipient: .requester, template: "solved", event: "solve")
        let noRound = try renderer.message(for: request, ticket: Sample.ticket(status: "solved"), lifecycle: Sample.lifecycle,
                                           address: "ana@example.com", now: Sample.now, id: "m-1")
        #expect(noRound.body == plain.body)
    }

    @Test("closed and reopen-refused say the ticket cannot be reopened")
    func closed() throws {
        let closed = try render("closed", ticket: Sample.ticket(status: "closed"), event: "close")
        #expect(closed.body.contains("Closed tickets cannot be reopened."))
        #expect(closed.body.contains("mention ticket #12"))
        let refused = try render("reopen-refused", ticket: Sample.ticket(status: "closed"), event: "reply")
        #expect(refused.subject == "[Support] Ticket #12 is closed and cannot be reopened")
        #expect(refused.body.contains("this ticket is Closed. Closed tickets cannot be reopened"))
    }

    @Test("status-changed names the previous and the new status by label")
    func statusChanged() throws {
        let message = try render("status-changed", event: "reply", previous: "awaiting_reply")
        #expect(message.subject == "[Support] Ticket #12 is now Open")
        #expect(message.body.contains("changed from Awaiting your reply to Open."))
    }

    @Test("no message, no message paragraph")
    func noMessage() throws {
        let with = try render("comment", message: "Look at this.")
        let without = try render("comment")
        let blank = try render("comment", message: "  \n")
        #expect(with.body.contains("\n\nLook at this.\n\n"))
        #expect(without.body == blank.body)
        #expect(without.body.contains("is still Open.\n\nTo continue the service"))
    }

    @Test("plain text: nothing is HTML-escaped")
    func noEscaping() throws {
        let title = #"Tom & Jerry <script> "quoted" 'single'"#
        let message = try render("confirmation", ticket: Sample.ticket(title: title), message: "a < b && c > d")
        #expect(message.subject == "[Support] Ticket #12 created: " + title)
        #expect(message.body.contains("  Title: " + title + "\n"))
        #expect(!message.body.contains("&amp;") && !message.body.contains("&lt;") && !message.body.contains("&quot;"))
        let comment = try render("comment", message: "a < b && c > d")
        #expect(comment.body.contains("a < b && c > d"))
        let literal = try render("solved", ticket: Sample.ticket(title: "{{desk.name}} {{{survey_url}}}"), message: "{{#x}}")
        #expect(literal.subject.hasSuffix("solved: {{desk.name}} {{{survey_url}}}"), "user text is never re-parsed")
        #expect(literal.body.contains("\n\n{{#x}}\n\n"))
    }

    @Test("the requester's name falls back to the e-mail")
    func nameFallback() throws {
        #expect(try render("confirmation", ticket: Sample.ticket(name: nil)).body.hasPrefix("Hello ana@example.com,"))
        #expect(try render("confirmation", ticket: Sample.ticket(name: " ")).body.hasPrefix("Hello ana@example.com,"))
    }

    @Test("a title with line breaks cannot add a header: the subject stays on one line")
    func headerInjection() throws {
        let message = try render("confirmation", ticket: Sample.ticket(title: "Hi\r\nBcc: evil@x"))
        #expect(message.subject == "[Support] Ticket #12 created: Hi Bcc: evil@x")
        #expect(!message.subject.contains("\r") && !message.subject.contains("\n"))
        let unicode = try render("confirmation", ticket: Sample.ticket(title: "a\u{2028}b\u{85}c\rd\ne\u{1B}[31m"))
        #expect(unicode.subject == "[Support] Ticket #12 created: a b c d e [31m")
    }

    @Test("the context holds every documented key")
    func context() throws {
        let request = NotificationRequest(recipient: .requester, template: "comment", event: "comment",
                                          previousStatus: "solved", message: "Hi")
        let context = try renderer.context(for: request, ticket: Sample.ticket(), lifecycle: Sample.lifecycle)
        #expect(context["ticket.number"] == "12")
        #expect(context["ticket.status"] == "Open" && context["ticket.status_id"] == "open")
        #expect(context["ticket.previous_status"] == "Solved")
        #expect(context["ticket.form_id"] == Sample.ticket().formID)
        #expect(context["requester.email"] == "ana@example.com" && context["requester.name"] == "Ana Souza")
        #expect(context["message"] == "Hi" && context["event"] == "comment" && context["desk.name"] == "Support")
        #expect(context["survey.url"] == nil)
    }

    @Test("the desk name is configurable; the one-time code renders without a ticket")
    func deskAndCode() throws {
        let renderer = MessageRenderer(catalog: Sample.catalog, deskName: "Suporte")
        let email = try renderer.render(template: "one-time-code", context: TemplateContext(["code": "123456", "expires_minutes": "10"]))
        #expect(email.subject == "[Suporte] Your one-time password: 123456")
        #expect(email.body.contains("\n    123456\n") && email.body.contains("expires in 10 minutes"))
        #expect(email.body.hasSuffix("\nSuporte\n"))
        let sms = try renderer.render(template: "sms-code", context: TemplateContext(["code": "654321", "expires_minutes": "5"]))
        #expect(sms.body == "654321 is your Suporte sign-in code. It expires in 5 minutes. Never share it.\n")
    }
}
