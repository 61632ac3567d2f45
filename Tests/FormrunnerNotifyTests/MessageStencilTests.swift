import Foundation
import Testing
import FormrunnerCore
@testable import FormrunnerNotify

/// Messages are spliced from a template rendered once for many tickets: the text must be exactly the
/// text rendering each one gives.
@Suite("E-mails spliced from a stencil")
struct MessageStencilTests {
    /// Tickets that differ in what is spliced (number, title, requester) and in what is not (status, language).
    static let tickets: [Ticket] = {
        let titles = ["Printer on fire", "Ünïcödé 🔥 title", "Line one\nline two", "  spaced  ", "{{ticket.number}} & <b>",
                      "Printer on fire"]
        let names: [String?] = ["Ana Souza", nil, "  ", "Rui", "Zé", "Ana Souza"]
        return titles.indices.flatMap { index -> [Ticket] in
            ["open", "solved", "closed"].map { status in
                var ticket = Sample.ticket(title: titles[index], status: status, name: names[index])
                ticket.number = Int64(index * 1000 + 7)
                ticket.requester.email = "person\(index)@example.com"
                ticket.language = [nil, "pt", "es"][index % 3]
                return ticket
            }
        }
    }()

    /// The message `renderer` makes, or the error it throws.
    static func message(_ template: String, _ ticket: Ticket, renderer: MessageRenderer) -> Result<OutboxMessage, MessageRenderError> {
        let request = NotificationRequest(recipient: .requester, template: template, event: template, previousStatus: "open")
        return Result { () throws(MessageRenderError) in
            try renderer.message(for: request, ticket: ticket, lifecycle: Sample.lifecycle, address: ticket.requester.email,
                                 now: Sample.now, id: "m")
        }
    }

    /// The same message rendered in full from its context, never from a stencil.
    static func rendered(_ template: String, _ ticket: Ticket, renderer: MessageRenderer) -> Result<RenderedEmail, MessageRenderError> {
        let request = NotificationRequest(recipient: .requester, template: template, event: template, previousStatus: "open")
        return Result { () throws(MessageRenderError) in
            let context = try renderer.context(for: request, ticket: ticket, lifecycle: Sample.lifecycle)
            return try renderer.render(template: template, context: context, language: ticket.language)
        }
    }

    static func expectSame(_ template: String, renderer: MessageRenderer, tickets: [Ticket] = tickets) {
        for ticket in tickets {
            let spliced = message(template, ticket, renderer: renderer).map { RenderedEmail(subject: $0.subject, body: $0.body) }
            #expect(spliced == rendered(template, ticket, renderer: renderer), "\(template), ticket \(ticket.number)")
        }
    }

    @Test("every template of the catalog, in every language: spliced is rendered")
    func catalogTemplates() {
        let renderer = MessageRenderer(catalog: Sample.catalog)
        let names = Sample.catalog.templates.keys.filter { !$0.contains(".") && !["one-time-code", "sms-code"].contains($0) }.sorted()
        #expect(names.count > 5)
        for name in names {
            Self.expectSame(name, renderer: renderer)
        }
    }

    @Test("values transformed by a function or tested by a section are rendered for each ticket")
    func valueDependentTemplates() throws {
        var catalog = Sample.catalog
        catalog.templates = [
            "shout": "Subject: {{uppercased(ticket.title)}}\n\nHello {{lowercased(requester.name)}}\n",
            "section": "Subject: x{{#ticket.title}}[{{ticket.title}}]{{/ticket.title}}y\n\n{{^requester.name}}nobody{{/requester.name}}#{{ticket.number}}\n",
        ]
        let renderer = MessageRenderer(catalog: catalog)
        var quiet = Sample.ticket(title: "Quiet title", name: "Ana")
        quiet.number = 5
        let shout = try Self.message("shout", quiet, renderer: renderer).get()
        #expect(shout.subject == "QUIET TITLE" && shout.body == "Hello ana\n")
        var other = Sample.ticket(title: "Other one", name: "RUI")
        other.number = 6
        let again = try Self.message("shout", other, renderer: renderer).get()
        #expect(again.subject == "OTHER ONE" && again.body == "Hello rui\n")
        #expect(try Self.message("section", quiet, renderer: renderer).get().subject == "x[Quiet title]y")
        var untitled = quiet
        untitled.title = ""
        Self.expectSame("section", renderer: renderer, tickets: [quiet, untitled, other] + Self.tickets)
    }

    @Test("life cycle variables made from a ticket's values are spliced with them")
    func variables() throws {
        var catalog = Sample.catalog
        catalog.lifecycles[Sample.lifecycle.id]?.variables["link"] = "https://desk.example/t/{{ticket.number}}?by={{requester.email}}"
        catalog.templates = ["linked": "Subject: #{{ticket.number}}\n\n{{link}}\n"]
        let renderer = MessageRenderer(catalog: catalog)
        let lifecycle = try #require(catalog.lifecycles[Sample.lifecycle.id])
        for ticket in Self.tickets.prefix(4) {
            let request = NotificationRequest(recipient: .requester, template: "linked", event: "linked")
            let message = try renderer.message(for: request, ticket: ticket, lifecycle: lifecycle, address: "a@b", now: Sample.now, id: "m")
            #expect(message.body == "https://desk.example/t/\(ticket.number)?by=\(ticket.requester.email)\n")
        }
    }

    @Test("a tag that calls a function is found in the template's text")
    func functionCalls() {
        #expect(MessageStencil.callsFunctions("Hi {{ uppercased(ticket.title) }}!"))
        #expect(MessageStencil.callsFunctions("{{#reversed(items)}}{{.}}{{/reversed(items)}}"))
        #expect(!MessageStencil.callsFunctions("Hi {{ticket.title}} (you asked)"))
        #expect(!MessageStencil.callsFunctions("Nothing to see (here)"))
    }
}
