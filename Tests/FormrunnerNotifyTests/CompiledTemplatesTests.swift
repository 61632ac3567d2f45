import Foundation
import Testing
import FormrunnerCore
@testable import FormrunnerNotify

/// The renderer compiles its templates once: what it renders must not change because of it.
@Suite("Templates compiled once per renderer")
struct CompiledTemplatesTests {
    let renderer = MessageRenderer(catalog: Sample.catalog)

    /// Ticket `number` of `name`, otherwise the sample ticket.
    static func ticket(_ number: Int64, name: String, status: String = "open") -> Ticket {
        var ticket = Sample.ticket(title: "Title of \(number)", status: status, name: name)
        ticket.number = number
        ticket.requester.email = "\(name.lowercased())@example.com"
        return ticket
    }

    func message(_ template: String, _ ticket: Ticket, renderer: MessageRenderer? = nil,
                 lifecycle: LifecycleDefinition = Sample.lifecycle) throws(MessageRenderError) -> OutboxMessage {
        let request = NotificationRequest(recipient: .requester, template: template, event: template)
        return try (renderer ?? self.renderer).message(for: request, ticket: ticket, lifecycle: lifecycle,
                                                       address: ticket.requester.email, now: Sample.now, id: "m")
    }

    /// The real catalog with a `survey_url` life cycle variable shown by the solved template.
    static let variableCatalog: Catalog = {
        var catalog = Sample.catalog
        catalog.lifecycles[Sample.lifecycle.id]?.variables["survey_url"] = "https://support.example.com/survey/{{ticket.number}}"
        catalog.templates["solved"] = "Subject: [{{desk.name}}] Ticket #{{ticket.number}} solved\n\nHello {{requester.name}},\n\n{{survey_url}}\n"
        return catalog
    }()

    /// A renderer whose catalog holds `templates` instead of the real ones.
    static func renderer(_ templates: [String: String]) -> MessageRenderer {
        var catalog = Sample.catalog
        catalog.templates = templates
        return MessageRenderer(catalog: catalog)
    }

    /// Why `source` is not valid Mustache, as compiling it afresh says.
    static func reason(_ source: String) -> String {
        do {
            _ = try EmailTemplate.compile(source, name: "v")
            return "it compiled"
        } catch {
            guard case .invalidTemplate(_, let reason) = error else { return "\(error)" }
            return reason
        }
    }

    @Test("one template rendered twice shows each ticket's own values")
    func sameTemplateTwice() throws {
        let first = try message("closed", Self.ticket(12, name: "Ana", status: "closed"))
        let second = try message("closed", Self.ticket(99, name: "Rui", status: "closed"))
        #expect(first.subject.contains("#12") && !first.subject.contains("#99"))
        #expect(second.subject.contains("#99") && !second.subject.contains("#12"))
        #expect(first.body.hasPrefix("Hello Ana,\n") && second.body.hasPrefix("Hello Rui,\n"))
        #expect(!first.body.contains("Rui") && !second.body.contains("Ana"))
        #expect(try message("closed", Self.ticket(12, name: "Ana", status: "closed")) == first)
    }

    @Test("the same template with contexts of its own, one after the other")
    func renderWithContexts() throws {
        let renderer = MessageRenderer(catalog: Sample.catalog, deskName: "Acme")
        let first = try renderer.render(template: "one-time-code", context: TemplateContext(["code": "111111", "expires_minutes": "5"]))
        let second = try renderer.render(template: "one-time-code", context: TemplateContext(["code": "222222", "expires_minutes": "9"]))
        #expect(first.subject == "[Acme] Your one-time password: 111111" && first.body.contains("expires in 5 minutes"))
        #expect(second.subject == "[Acme] Your one-time password: 222222" && second.body.contains("expires in 9 minutes"))
        #expect(!second.body.contains("111111"))
    }

    @Test("life cycle variables are rendered for each ticket")
    func variablesPerTicket() throws {
        let renderer = MessageRenderer(catalog: Self.variableCatalog)
        let lifecycle = Self.variableCatalog.lifecycles[Sample.lifecycle.id]!
        let first = try message("solved", Self.ticket(12, name: "Ana", status: "solved"), renderer: renderer, lifecycle: lifecycle)
        let second = try message("solved", Self.ticket(99, name: "Rui", status: "solved"), renderer: renderer, lifecycle: lifecycle)
        #expect(first.body.contains("\nhttps://support.example.com/survey/12\n"))
        #expect(second.body.contains("\nhttps://support.example.com/survey/99\n"))
        #expect(!second.body.contains("survey/12"))
    }

    @Test("a life cycle whose variables are not the catalog's gets its own")
    func variablesOutsideTheCatalog() throws {
        var lifecycle = Self.variableCatalog.lifecycles[Sample.lifecycle.id]!
        lifecycle.variables["survey_url"] = "https://other.example/rate?ticket={{ticket.number}}"
        let message = try message("solved", Self.ticket(7, name: "Ana", status: "solved"),
                                  renderer: MessageRenderer(catalog: Self.variableCatalog), lifecycle: lifecycle)
        #expect(message.body.contains("\nhttps://other.example/rate?ticket=7\n"))
        #expect(!message.body.contains("support.example.com/survey"))
    }

    @Test("a broken template fails with the same error on every call while the others render")
    func brokenTemplate() throws {
        let bad = "Subject: Hi\n\nline one\n{{#ticket}}unclosed\n"
        let renderer = Self.renderer([
            "good": "Subject: Ticket {{ticket.number}}\n\nHello {{requester.name}}\n",
            "no-subject": "Hello\n\nBody\n",
            "bad": bad,
        ])
        let ticket = Self.ticket(5, name: "Ana")
        var errors: [MessageRenderError] = []
        for number in Int64(1)...3 {
            #expect(throws: MessageRenderError.missingSubject(template: "no-subject")) {
                try message("no-subject", ticket, renderer: renderer)
            }
            do {
                _ = try message("bad", ticket, renderer: renderer)
                Issue.record("the broken template rendered")
            } catch {
                errors.append(error)
            }
            let good = try message("good", Self.ticket(number, name: "Ana"), renderer: renderer)
            #expect(good.subject == "Ticket \(number)" && good.body == "Hello Ana\n")
        }
        // The very error compiling the template afresh gives, each time.
        let fresh = #expect(throws: MessageRenderError.self) { try EmailTemplate(name: "bad", source: bad) }
        guard case .invalidTemplate("bad", let reason)? = fresh else {
            Issue.record("expected invalidTemplate, got \(String(describing: fresh))")
            return
        }
        #expect(reason.hasPrefix("expectedSectionEnd on line "))
        #expect(errors == Array(repeating: .invalidTemplate("bad", reason: reason), count: 3))
        #expect(throws: MessageRenderError.templateNotFound("missing")) { try message("missing", ticket, renderer: renderer) }
    }

    @Test("a broken variable shared by two life cycles names each one's variable and life cycle, every time")
    func brokenSharedVariable() throws {
        var catalog = Sample.catalog
        var first = Sample.lifecycle
        first.variables = ["survey_url": "{{#x}}"]
        var second = Sample.lifecycle
        second.id = "other-lifecycle"
        second.variables = ["rating_url": "{{#x}}"]
        catalog.lifecycles = [first.id: first, second.id: second]
        let renderer = MessageRenderer(catalog: catalog)
        let expected = Self.reason("{{#x}}")
        for _ in 1...2 {
            for (lifecycle, variable) in [(first, "survey_url"), (second, "rating_url")] {
                #expect(throws: MessageRenderError.invalidVariable(variable, lifecycle: lifecycle.id, reason: expected)) {
                    try message("closed", Self.ticket(3, name: "Ana"), renderer: renderer, lifecycle: lifecycle)
                }
            }
        }
    }

    @Test("a new catalog is compiled again: no template of the old one is served")
    func newCatalog() throws {
        var renderer = self.renderer
        let ticket = Self.ticket(8, name: "Ana", status: "closed")
        #expect(try message("closed", ticket, renderer: renderer).subject.hasPrefix("[Support] "))
        renderer.catalog.templates["closed"] = "Subject: Closed {{ticket.number}}\n\nBye\n"
        #expect(try message("closed", ticket, renderer: renderer).subject == "Closed 8")
        renderer.catalog.templates["closed"] = nil
        #expect(throws: MessageRenderError.templateNotFound("closed")) { try message("closed", ticket, renderer: renderer) }
        renderer.catalog.lifecycles[Sample.lifecycle.id]?.variables["survey_url"] = "{{#x}}"
        #expect(throws: MessageRenderError.invalidVariable("survey_url", lifecycle: Sample.lifecycle.id,
                                                           reason: Self.reason("{{#x}}"))) {
            try message("solved", ticket, renderer: renderer, lifecycle: renderer.catalog.lifecycles[Sample.lifecycle.id]!)
        }
        #expect(try message("closed", ticket).subject.hasPrefix("[Support] "), "the original renderer is unchanged")
    }

    @Test("one renderer used by many tasks at once renders each message for its own ticket")
    func concurrentRendering() async throws {
        var linking = self.renderer
        linking.surveyLinks = SurveyLinks(baseURL: "https://desk.example") { number, round in "\(number)-\(round)" }
        let renderer = linking
        let subjects = try await withThrowingTaskGroup(of: (Int64, String, String).self) { group in
            for number in Int64(1)...200 {
                group.addTask {
                    let template = number.isMultiple(of: 2) ? "closed" : "solved"
                    let ticket = Self.ticket(number, name: "N\(number)", status: template)
                    var request = NotificationRequest(recipient: .requester, template: template, event: template)
                    request.surveyRound = 1
                    let message = try renderer.message(for: request, ticket: ticket, lifecycle: Sample.lifecycle,
                                                       address: "a@b", now: Sample.now, id: "m")
                    return (number, message.subject, message.body)
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = ($1.1, $1.2) }
        }
        #expect(subjects.count == 200)
        for (number, (subject, body)) in subjects {
            #expect(subject.contains("#\(number) "), "\(number): \(subject)")
            #expect(body.hasPrefix("Hello N\(number),\n"), "\(number)")
            #expect(number.isMultiple(of: 2) || body.contains("/survey/\(number)-1\n"), "\(number)")
        }
    }
}
