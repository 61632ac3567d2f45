import Foundation
import Testing
import FormrunnerCore
@testable import FormrunnerNotify

/// Pathological templates are located errors, never a crash, and cost nothing until mail is composed.
@Suite("Template bounds")
struct TemplateBoundsTests {
    static func failure(_ renderer: MessageRenderer, _ name: String) -> MessageRenderError? {
        do {
            _ = try renderer.render(template: name, context: TemplateContext())
            return nil
        } catch {
            return error
        }
    }

    @Test("a template of 1,000 nested sections is refused with its line instead of overflowing the stack")
    func deepSections() {
        let body = "Hello\n" + String(repeating: "{{#a}}", count: 1000) + String(repeating: "{{/a}}", count: 1000) + "\n"
        let renderer = CompiledTemplatesTests.renderer(["deep": "Subject: Deep\n\n" + body])
        #expect(Self.failure(renderer, "deep") == .invalidTemplate(
            "deep", reason: "sections are nested 25 deep; at most 24 levels are allowed (line 4)"))
        #expect(Self.failure(renderer, "deep")?.description
                == "e-mail template 'deep' is not valid Mustache: sections are nested 25 deep; at most 24 levels are allowed (line 4)")
    }

    @Test("changed delimiters and inverted sections do not get past the depth limit")
    func delimiters() {
        let body = "{{=<% %>=}}\n" + String(repeating: "<%^a%>", count: 30) + String(repeating: "<%/a%>", count: 30)
        let renderer = CompiledTemplatesTests.renderer(["deep": "Subject: Deep\n\n" + body])
        #expect(Self.failure(renderer, "deep") == .invalidTemplate(
            "deep", reason: "sections are nested 25 deep; at most 24 levels are allowed (line 4)"))
    }

    @Test("24 nested sections still render")
    func withinLimits() throws {
        let source = String(repeating: "{{^a}}", count: 24) + "x" + String(repeating: "{{/a}}", count: 24)
        let renderer = CompiledTemplatesTests.renderer(["ok": "Subject: Fine\n\n" + source])
        let body = try renderer.render(template: "ok", context: TemplateContext()).body
        #expect(body == "x\n", "\(body.debugDescription)")
    }

    @Test("a 1 MiB template is refused when used, costs nothing when the renderer is made, and the others still render")
    func hugeTemplate() throws {
        let body = String(repeating: "{{a}}", count: 1024 * 1024 / 5)
        let started = Date()
        let renderer = CompiledTemplatesTests.renderer(["huge": "Subject: Huge\n\n" + body, "small": "Subject: Small\n\nHi\n"])
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(try renderer.render(template: "small", context: TemplateContext()).body == "Hi\n")
        #expect(Self.failure(renderer, "huge") == .invalidTemplate(
            "huge", reason: "the template has \(body.utf8.count) bytes; at most 65536 are allowed (line 3)"))
    }
}
