import Foundation
import FormrunnerCore
@testable import FormrunnerWeb
import Testing

/// Notes, sections and validation rules on the web form page: what the HTML holds.
@Suite("Notes, sections and rules on the web form page")
struct FormBlocksPageTests {
    static let catalog: Catalog = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/blocks").path
        return CatalogLoader(root: root).load().catalog
    }()

    func page(errors: [String: String] = [:], answers: [String: AnswerValue] = [:], note: String? = nil) throws -> String {
        let flow = try #require(Self.catalog.workflows["incident"])
        var form = try #require(Self.catalog.forms["incident.report"])
        if let note, let index = form.fields.firstIndex(where: { $0.id == "intro" }) {
            form.fields[index].text = LocalizedText(note)
        }
        let step = try #require(flow.steps.first { $0.id == "report" })
        var input = FieldInput()
        input.errors = errors
        input.answers = answers
        return FlowPages(flow: flow, language: "en", csrf: "").fields(step, form: form, input: input, renderer: FieldRenderer(language: "en"))
    }

    @Test("a note is Markdown made into escaped HTML, never a control")
    func note() throws {
        let html = try page(note: "Read **this** <script>alert(1)</script> [link](javascript:alert(1))")
        #expect(html.contains("<div class=\"note\" data-field=\"intro\" data-type=\"note\"><p>Read <strong>this</strong> &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("href=\"javascript"))
        #expect(!html.contains("name=\"intro\""))
    }

    @Test("sections are fieldsets with a legend; a section whose when does not hold is hidden, its fields carry both conditions")
    func sections() throws {
        let html = try page()
        #expect(html.contains("<fieldset class=\"section\" data-section=\"1\"><legend>Before you start</legend><p class=\"help\">Read this, then confirm.</p>"))
        #expect(html.contains("<fieldset class=\"section\" data-section=\"3\" hidden><legend>Refund</legend>"))
        #expect(html.contains("data-field=\"refund\" data-type=\"boolean\" data-when=\"answered(order)\""))
        #expect(html.components(separatedBy: "<fieldset class=\"section\"").count == 4)
    }

    @Test("a must_be box is one checkbox; a datetime is a datetime-local input; a rule's message shows at its field")
    func rules() throws {
        let html = try page(errors: ["agree": "'I agree to the terms of service' must be accepted",
                                     "end_date": "The last day affected must be on or after the first day."])
        #expect(html.contains("<input type=\"checkbox\" id=\"f-agree\" name=\"agree\" value=\"yes\""))
        #expect(html.contains("<p class=\"error\" id=\"agree-error\">&#39;I agree to the terms of service&#39; must be accepted</p>")
                || html.contains("<p class=\"error\" id=\"agree-error\">'I agree to the terms of service' must be accepted</p>"))
        #expect(html.contains("<input type=\"datetime-local\" id=\"f-started_at\""))
        let field = try #require(html.range(of: "data-field=\"end_date\""))
        let error = try #require(html.range(of: "The last day affected must be on or after the first day."))
        #expect(field.upperBound < error.lowerBound)
        #expect(html[field.upperBound..<error.lowerBound].contains("data-field") == false)
    }
}
