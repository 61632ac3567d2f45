import FormrunnerCore
import FormrunnerFlowTestSupport
@testable import FormrunnerWeb
import Testing

/// A field drawn from its stencil is byte for byte the field drawn piece by piece.
@Suite("Field stencils")
struct FieldStencilTests {
    /// Every field of every catalog form, in the three languages, shown and hidden, empty, with a
    /// text that needs escaping, with each of its choices and with a value that is none of them.
    @Test("every catalog field from its stencil equals its full rendering, twice (made, then reused)")
    func catalogFields() {
        let cache = FieldMarkupCache()
        var compared = 0
        for form in FlowDesk.catalog.forms.values {
            for field in form.fields + form.fields.flatMap(\.itemFields) {
                var valueSets: [[String]] = [[], ["Tom & \"Jerry\" <b>x</b>\nline two"], ["not-a-choice"], ["a", "b"]]
                valueSets += field.options.map { [$0.id] } + [["yes"], ["no"]]
                for language in ["en", "pt", "es"] {
                    for shown in [true, false] {
                        for values in valueSets {
                            let full = FieldRenderer(language: language)
                                .render(field, in: form.id, values: values, error: nil, shown: shown)
                            let fast = FieldRenderer(language: language, markups: cache)
                            let first = fast.render(field, in: form.id, values: values, error: nil, shown: shown)
                            let again = fast.render(field, in: form.id, values: values, error: nil, shown: shown)
                            #expect(first == full, "\(form.id).\(field.id) \(language) shown=\(shown) \(values)")
                            #expect(again == full, "\(form.id).\(field.id) \(language) shown=\(shown) \(values), reused")
                            compared += 1
                        }
                    }
                }
            }
        }
        #expect(compared > 1000)
    }

    @Test("a field with a problem is drawn in full: its error beside it, never a stencil's")
    func problemsAreRenderedInFull() throws {
        let form = try #require(FlowDesk.catalog.forms.values.first { $0.fields.contains { $0.type == .text } })
        let field = try #require(form.fields.first { $0.type == .text })
        let renderer = FieldRenderer(language: "en", markups: FieldMarkupCache())
        _ = renderer.render(field, in: form.id, values: ["x"], error: nil, shown: true)
        let html = renderer.render(field, in: form.id, values: ["x"], error: "Too short.", shown: true)
        #expect(html.contains("Too short."))
        #expect(html.contains("aria-invalid=\"true\""))
        #expect(html == FieldRenderer(language: "en").render(field, in: form.id, values: ["x"], error: "Too short.", shown: true))
    }

    @Test("a label holding the stencil's marker costs a full rendering, never a wrong page")
    func markerInDefinitionText() throws {
        var field = FieldDefinition(id: "name", label: LocalizedText("Name " + FieldStencil.marker), type: .text,
                                    location: SourceLocation(file: "form.yaml", line: 1, column: 1))
        field.required = true
        let renderer = FieldRenderer(language: "en", markups: FieldMarkupCache())
        let html = renderer.render(field, in: "f", values: ["Ann"], error: nil, shown: true)
        #expect(html == FieldRenderer(language: "en").render(field, in: "f", values: ["Ann"], error: nil, shown: true))
        #expect(html.contains("value=\"Ann\""))
    }

    @Test("choices keep a rendering only for the field's own choices: posted junk adds nothing")
    func choiceRenderingsAreBounded() throws {
        let form = try #require(FlowDesk.catalog.forms.values.first { $0.fields.contains { $0.type == .choice } })
        let field = try #require(form.fields.first { $0.type == .choice })
        let cache = FieldMarkupCache()
        let renderer = FieldRenderer(language: "en", markups: cache)
        for junk in 0..<200 { _ = renderer.render(field, in: form.id, values: ["junk\(junk)"], error: nil, shown: true) }
        for option in field.options { _ = renderer.render(field, in: form.id, values: [option.id], error: nil, shown: true) }
        _ = renderer.render(field, in: form.id, values: [], error: nil, shown: true)
        #expect(cache.entry(field, formID: form.id, language: "en").stencil.choiceCount == field.options.count + 1)
    }
}

/// A form's layout is made once, and again when a form of the same id has other fields.
@Suite("Form layout")
struct FormLayoutTests {
    @Test("the cached layout follows the form it is asked for: a field added under the same id is counted")
    func layoutFollowsTheForm() throws {
        var form = try #require(FlowDesk.catalog.forms.values.first { !$0.fields.isEmpty })
        let cache = FieldMarkupCache()
        let first = cache.layout(form)
        #expect(first.ids == form.fields.map(\.id))
        let extra = FieldDefinition(id: "extra_files", label: LocalizedText("More"), type: .files,
                                    location: SourceLocation(file: "form.yaml", line: 1, column: 1))
        form.fields.append(extra)
        let second = cache.layout(form)
        #expect(second.ids.last == "extra_files")
        #expect(second.multipart)
        #expect(second.shownIDs(form, given: [:]).contains("extra_files"))
    }
}

/// A form's fields before anything is answered are made once per form and language, and equal the
/// fields made piece by piece.
@Suite("Unanswered fields")
struct UnansweredFieldsTests {
    private func page(_ form: FormDefinition, step: StepDefinition, language: String, input: FieldInput,
                      cache: FieldMarkupCache?, accounts: [String] = []) -> String {
        FlowPages(flow: FlowDesk.catalog.workflows.values.first!, language: language, csrf: "<csrf>")
            .fields(step, form: form, input: input, renderer: FieldRenderer(language: language, accounts: accounts, markups: cache))
    }

    private var step: StepDefinition {
        get throws {
            try #require(FlowDesk.catalog.workflows.values.flatMap(\.steps).first { if case .form = $0.kind { true } else { false } })
        }
    }

    @Test("every catalog form, in the three languages: the kept text equals a fresh rendering, made and reused")
    func everyForm() throws {
        let cache = FieldMarkupCache()
        let step = try step
        var compared = 0
        for form in FlowDesk.catalog.forms.values {
            for language in ["en", "pt", "es"] {
                let fresh = page(form, step: step, language: language, input: FieldInput(), cache: nil)
                #expect(page(form, step: step, language: language, input: FieldInput(), cache: cache) == fresh, "\(form.id) \(language)")
                #expect(page(form, step: step, language: language, input: FieldInput(), cache: cache) == fresh, "\(form.id) \(language), reused")
                compared += 1
            }
        }
        #expect(compared >= 3 * FlowDesk.catalog.forms.count)
    }

    @Test("an answer, a problem or an account list is drawn for this page, never from the kept text")
    func answeredPagesAreDrawn() throws {
        let step = try step
        let form = try #require(FlowDesk.catalog.forms.values.first { $0.fields.contains { $0.type == .text } })
        let field = try #require(form.fields.first { $0.type == .text })
        let cache = FieldMarkupCache()
        _ = page(form, step: step, language: "en", input: FieldInput(), cache: cache)
        var answered = FieldInput()
        answered.answers[field.id] = .text("Answer <kept>")
        #expect(page(form, step: step, language: "en", input: answered, cache: cache).contains("Answer &lt;kept&gt;"))
        var refused = FieldInput()
        refused.errors[field.id] = "Too short."
        #expect(page(form, step: step, language: "en", input: refused, cache: cache).contains("Too short."))
        let withAccounts = page(form, step: step, language: "en", input: FieldInput(), cache: cache, accounts: ["store-1"])
        #expect(withAccounts == page(form, step: step, language: "en", input: FieldInput(), cache: nil, accounts: ["store-1"]))
    }

    @Test("a form of the same id with other fields is drawn again, not served the kept text")
    func followsTheForm() throws {
        let step = try step
        var form = try #require(FlowDesk.catalog.forms.values.first { !$0.fields.isEmpty })
        let cache = FieldMarkupCache()
        _ = page(form, step: step, language: "en", input: FieldInput(), cache: cache)
        form.fields.append(FieldDefinition(id: "extra_note", label: LocalizedText("Something else"), type: .text,
                                           location: SourceLocation(file: "form.yaml", line: 1, column: 1)))
        #expect(page(form, step: step, language: "en", input: FieldInput(), cache: cache).contains("Something else"))
    }

    @Test("the fields shown for answers are those a fresh evaluation shows, for every choice of every catalog form")
    func shownWithAnswers() {
        var compared = 0
        for form in FlowDesk.catalog.forms.values {
            let layout = FormLayout(form)
            func answer(_ field: FieldDefinition, _ option: OptionDefinition) -> AnswerValue {
                field.type == .multichoice ? .choices([option.id]) : .choice(option.id)
            }
            var answerSets: [[String: AnswerValue]] = []
            for field in form.fields {
                for option in field.options { answerSets.append([field.id: answer(field, option)]) }
                if field.type == .boolean { answerSets += [[field.id: .boolean(true)], [field.id: .boolean(false)]] }
            }
            // Everything answered at once, with each field's first choice, and its last.
            answerSets.append(Dictionary(form.fields.compactMap { f in f.options.first.map { (f.id, answer(f, $0)) } }) { a, _ in a })
            answerSets.append(Dictionary(form.fields.compactMap { f in f.options.last.map { (f.id, answer(f, $0)) } }) { a, _ in a })
            for answers in answerSets {
                var visible: [String: AnswerValue] = [:], expected: Set<String> = []
                for field in form.fields where field.condition == nil && field.sectionCondition == nil || field.isShown(given: visible) {
                    expected.insert(field.id)
                    if let answer = answers[field.id] { visible[field.id] = answer }
                }
                #expect(layout.shownIDs(form, given: answers) == expected, "\(form.id) \(answers)")
                compared += 1
            }
        }
        #expect(compared > 50)
    }

    @Test("the fields shown before any answer are those a fresh evaluation shows")
    func shownWithoutAnswers() {
        for form in FlowDesk.catalog.forms.values {
            var visible: Set<String> = []
            for field in form.fields where field.condition == nil && field.sectionCondition == nil || field.isShown(given: [:]) {
                visible.insert(field.id)
            }
            #expect(FormLayout(form).shownIDs(form, given: [:]) == visible, "\(form.id)")
        }
    }
}
