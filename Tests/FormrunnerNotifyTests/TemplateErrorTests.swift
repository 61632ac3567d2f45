import Foundation
import Testing
import FormrunnerCore
@testable import FormrunnerNotify

@Suite("Template errors")
struct TemplateErrorTests {
    func renderer(_ templates: [String: String], variables: [String: String] = [:]) -> (MessageRenderer, LifecycleDefinition) {
        var catalog = Sample.catalog
        catalog.templates = templates
        var lifecycle = Sample.lifecycle
        lifecycle.variables = variables
        return (MessageRenderer(catalog: catalog), lifecycle)
    }

    func error(_ templates: [String: String], variables: [String: String] = [:], template: String = "t") -> MessageRenderError? {
        let (renderer, lifecycle) = renderer(templates, variables: variables)
        let request = NotificationRequest(recipient: .requester, template: template, event: "create")
        do {
            _ = try renderer.message(for: request, ticket: Sample.ticket(), lifecycle: lifecycle,
                                     address: "a@b", now: Sample.now, id: "x")
            return nil
        } catch {
            return error
        }
    }

    @Test("a missing template is named")
    func missing() {
        let error = error([:], template: "welcome")
        #expect(error == .templateNotFound("welcome"))
        #expect(error?.description == "e-mail template 'welcome' does not exist (expected Workflows/templates/welcome.mustache)")
    }

    @Test("a template without a Subject: line is named")
    func noSubject() {
        let error = error(["t": "Hello {{requester.name}}\n\nBody\n"])
        #expect(error == .missingSubject(template: "t"))
        #expect(error?.description == "e-mail template 't' must start with a 'Subject: …' line, then a blank line, then the body")
        #expect(self.error(["t": ""]) == .missingSubject(template: "t"))
    }

    @Test("the Subject: line must be followed by a blank line")
    func noBlankLine() {
        #expect(error(["t": "Subject: Hi\nBody\n"]) == .missingBlankLine(template: "t"))
    }

    @Test("CRLF templates and a subject-only template are accepted")
    func lenient() throws {
        let (renderer, _) = renderer(["crlf": "Subject: Hi {{ticket.number}}\r\n\r\nBody\r\nmore\r\n", "only": "subject: Only"])
        let crlf = try renderer.render(template: "crlf", context: TemplateContext(["ticket.number": "3"]))
        #expect(crlf == RenderedEmail(subject: "Hi 3", body: "Body\nmore\n"))
        #expect(try renderer.render(template: "only", context: TemplateContext()) == RenderedEmail(subject: "Only", body: ""))
    }

    @Test("invalid Mustache is reported with its line")
    func invalidMustache() {
        let error = error(["t": "Subject: Hi\n\nline one\n{{#ticket}}unclosed\n"])
        guard case .invalidTemplate(let name, let reason)? = error else {
            Issue.record("expected invalidTemplate, got \(String(describing: error))")
            return
        }
        #expect(name == "t")
        #expect(reason.contains("line"))
    }

    @Test("an invalid life cycle variable names the variable and the life cycle")
    func invalidVariable() {
        let error = error(["t": "Subject: Hi\n\n{{survey_url}}\n"], variables: ["survey_url": "{{#x}}"])
        guard case .invalidVariable(let name, let lifecycle, _)? = error else {
            Issue.record("expected invalidVariable, got \(String(describing: error))")
            return
        }
        #expect(name == "survey_url" && lifecycle == "ticket-lifecycle")
    }
}
