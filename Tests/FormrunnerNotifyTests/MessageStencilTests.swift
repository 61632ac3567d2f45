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

    @Test("stencil keys are equal only when every part is, and equal keys hash alike")
    func keys() {
        func shared(assignee: String? = "ana@example.com", event: String? = "assign") -> [String?] {
            MessageRenderer.sharedNames.map { name in
                switch name {
                case "ticket.status": return "Open"
                case "ticket.assignee": return assignee
                case "event": return event
                default: return nil
                }
            }
        }
        #expect(shared().count == MessageRenderer.sharedNames.count)
        let key = MessageStencil.Key(template: "assigned", language: "en", shared: shared(), variables: ["v": "{{event}}"])
        let same = MessageStencil.Key(template: "assigned", language: "en", shared: shared(), variables: ["v": "{{event}}"])
        #expect(key == same)
        #expect(key.hashValue == same.hashValue)
        let others = [
            MessageStencil.Key(template: "assigned", language: "en", shared: shared(assignee: "bea@example.com"),
                               variables: ["v": "{{event}}"]),
            // A value that is not set differs from an empty one.
            MessageStencil.Key(template: "assigned", language: "en", shared: shared(assignee: nil), variables: ["v": "{{event}}"]),
            MessageStencil.Key(template: "assigned", language: "en", shared: shared(assignee: ""), variables: ["v": "{{event}}"]),
            MessageStencil.Key(template: "assigned", language: "pt", shared: shared(), variables: ["v": "{{event}}"]),
            MessageStencil.Key(template: "confirmation", language: "en", shared: shared(), variables: ["v": "{{event}}"]),
            MessageStencil.Key(template: "assigned", language: "en", shared: shared(), variables: [:]),
            MessageStencil.Key(template: "assigned", language: "en", shared: shared(event: "create"), variables: ["v": "{{event}}"]),
        ]
        for other in others { #expect(key != other) }
        #expect(Set(others + [key, same]).count == others.count + 1)
    }

    @Test("a ticket's values are its context: the spliced keys first, every other key by name")
    func ticketValues() {
        let renderer = MessageRenderer(catalog: Sample.catalog, deskName: "Desk")
        for var ticket in Self.tickets {
            ticket.assignee = ticket.number.isMultiple(of: 2) ? "agent@example.com" : nil
            ticket.account = ticket.status == "open" ? "Store 9" : nil
            let values = renderer.ticketValues(ticket, lifecycle: Sample.lifecycle)
            let context = renderer.ticketContext(ticket, lifecycle: Sample.lifecycle)
            #expect(values.spliced.count == MessageStencil.splicedKeys.count)
            #expect(values.shared.count == TicketValues.sharedNames.count)
            let listed = Dictionary(uniqueKeysWithValues: zip(TicketValues.names, values.spliced + values.shared))
                .compactMapValues { $0 }
            #expect(listed == context.values)
            #expect(context["ticket.number"] == String(ticket.number))
            #expect(context["ticket.assignee"] == ticket.assignee)
            #expect(context["ticket.account"] == ticket.account)
            #expect(context["desk.name"] == "Desk")
        }
    }

    @Test("notices to several agents (a stencil each) are spliced exactly as rendered in full")
    func noticesByAgent() throws {
        let renderer = MessageRenderer(catalog: Sample.catalog)
        for round in 0..<3 {
            for index in 0..<6 {
                var ticket = Self.tickets[index]
                ticket.assignee = "agent\(index)@example.com"
                var request = NotificationRequest(recipient: .agent, template: "assigned", event: "assign")
                request.address = ticket.assignee
                let rendered = try renderer.message(for: request, ticket: ticket, lifecycle: Sample.lifecycle,
                                                    address: ticket.assignee ?? "", now: Sample.now, id: "n\(round)-\(index)")
                let context = try renderer.context(for: request, ticket: ticket, lifecycle: Sample.lifecycle)
                let full = try renderer.render(template: "assigned", context: context, language: ticket.language)
                #expect(rendered.subject == full.subject)
                #expect(rendered.body == full.body)
            }
        }
    }

    @Test("a body tidied once in the stencil is the body tidied after splicing, whatever its ends and values")
    func tidiedOnce() throws {
        let endings = ["\n\n{{desk}}\n", "Bye\n\n \t\n", "Bye", "Bye ", " \n\n", "", "x\u{301} \n", "\u{301}\n",
                       "line\r\nBye\n", "\n\u{0600}", "Bye 🇧🇷\n"]
        let valueSets = [["7", "Title", "Ana", "ana@example.com"], ["8", "Two\nlines  ", "Bea\t", "b@example.com"],
                         ["9", "Carriage\r\nreturn", "Caio", "c@example.com"], ["10", "ends with space ", "🇧", "\u{0600}"]]
        var tidyChecked = 0
        for ending in endings {
            for last in [0, 1, 2, 3] {
                // The body ends with a value, or with literal text after one.
                let render: ([String]) -> (subject: String, body: String) = { values in
                    ("Ticket #\(values[0]): \(values[1])",
                     "Hello \(values[2]) <\(values[3])>\n\(values[last])" + ending.replacingOccurrences(of: "{{desk}}", with: "Desk"))
                }
                // A combining mark right after a value joins the marker's character: no stencil, rendered in full.
                guard let stencil = MessageStencil.make(render: render, first: valueSets[0]) else {
                    #expect(ending == "\u{301}\n")
                    continue
                }
                for values in valueSets {
                    let raw = render(values)
                    let filled = try #require(stencil.fill(values))
                    #expect(filled == RenderedEmail(subject: raw.subject, body: raw.body),
                            "ending \(ending.debugDescription), values \(values)")
                    tidyChecked += 1
                }
            }
        }
        #expect(tidyChecked == (endings.count - 1) * 4 * valueSets.count)
    }
}
