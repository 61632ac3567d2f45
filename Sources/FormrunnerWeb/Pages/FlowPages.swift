import FormrunnerCore
import FormrunnerFlow

/// The bodies of an entry flow's step pages.
struct FlowPages {
    let flow: WorkflowDefinition
    let language: String
    /// The hidden CSRF field.
    let csrf: String

    private var action: String { "/flows/" + HTML.escape(flow.id) }

    func heading(_ step: StepDefinition, title: String? = nil) -> String {
        var html = "<h1>\(HTML.escape(title ?? step.title?.text(in: language) ?? flow.title.text(in: language)))</h1>"
        if let help = step.help?.text(in: language) { html += "<p class=\"lead\">\(HTML.escape(help))</p>" }
        return html
    }

    func open(_ step: StepDefinition, multipart: Bool = false) -> String {
        var html = ""
        open(step, multipart: multipart, into: &html)
        return html
    }

    /// ``open(_:multipart:)`` appended to `html`.
    func open(_ step: StepDefinition, multipart: Bool = false, into html: inout String) {
        html += "<form method=\"post\" action=\""
        html += action
        html += multipart ? "\" data-conditions enctype=\"multipart/form-data\">" : "\" data-conditions>"
        html += csrf
        html += "<input type=\"hidden\" name=\"_step\" value=\""
        html += HTML.escape(step.id)
        html += "\">"
    }

    /// A form's problems announced at the top.
    static func summary(_ count: Int, language: String) -> String {
        count == 0 ? "" : "<p role=\"alert\" class=\"alert\">\(HTML.escape(PageText.correctProblems.text(language, String(count))))</p>"
    }

    /// The assistant: language, scenario, guidance, then find answers in the knowledge base
    /// (`searches`) or talk to a person; without a knowledge base, talk to a person or done.
    func assistant(_ step: StepDefinition, _ settings: StepDefinition.Assistant, state: FlowState, searches: Bool) -> String {
        var html = heading(step) + open(step)
        if !settings.languages.isEmpty {
            html += radios("language", legend: PageText.language.text(language), options: settings.languages, chosen: state.language)
        }
        if !settings.scenarios.isEmpty {
            html += radios("scenario", legend: PageText.scenario.text(language), options: settings.scenarios,
                           chosen: state.scenario ?? settings.scenarios.first?.id)
        }
        for prompt in settings.guidance {
            let id = "g-" + HTML.identifier(prompt.id)
            html += "<div class=\"field\"><label for=\"\(id)\">\(HTML.escape(prompt.label.text(in: language)))</label>"
            var described = ""
            if let help = prompt.help?.text(in: language) {
                html += "<p class=\"help\" id=\"\(id)-help\">\(HTML.escape(help))</p>"
                described = " aria-describedby=\"\(id)-help\""
            }
            html += "<textarea id=\"\(id)\"\(HTML.attribute("name", "guidance." + prompt.id)) rows=\"4\"\(described)>"
                + HTML.escape(state.guidance[prompt.id] ?? "") + "</textarea></div>"
        }
        if searches {
            html += "<button type=\"submit\" name=\"_action\" value=\"search\">\(HTML.escape(settings.texts.findAnswers.text(in: language)))</button> "
            html += "<button type=\"submit\" name=\"_action\" value=\"handoff\" class=\"secondary\">"
                + "\(HTML.escape(settings.handoff.text(in: language)))</button></form>"
        } else {
            html += "<button type=\"submit\" name=\"_action\" value=\"handoff\">\(HTML.escape(settings.handoff.text(in: language)))</button> "
            html += "<button type=\"submit\" name=\"_action\" value=\"answered\" class=\"secondary\">"
                + "\(HTML.escape(settings.texts.answered.text(in: language)))</button></form>"
        }
        return html
    }

    private func radios(_ name: String, legend: String, options: [OptionDefinition], chosen: String?) -> String {
        var html = "<fieldset><legend>\(HTML.escape(legend))</legend>"
        for option in options {
            let id = name + "-" + HTML.identifier(option.id)
            html += "<div class=\"option\"><input type=\"radio\" id=\"\(id)\" name=\"\(name)\"\(HTML.attribute("value", option.id))"
                + (option.id == chosen ? " checked" : "") + "><label for=\"\(id)\">\(HTML.escape(option.label.text(in: language)))</label></div>"
        }
        return html + "</fieldset>"
    }

    /// The one-time code of a flow step.
    func code(_ step: StepDefinition, _ settings: StepDefinition.OneTimeCode) -> String {
        let label = settings.label?.text(in: language) ?? PageText.code.text(language)
        return heading(step) + open(step)
            + "<div class=\"field\"><label for=\"code\">\(HTML.escape(label))</label>"
            + "<input type=\"text\" id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" autofocus></div>"
            + "<button type=\"submit\" name=\"_action\" value=\"verify\">\(PageText.continueButton.text(language))</button> "
            + "<button type=\"submit\" name=\"_action\" value=\"resend\" class=\"secondary\">\(PageText.sendNewCode.text(language))</button></form>"
    }

    /// The subject choice.
    func subject(_ step: StepDefinition, _ choice: StepDefinition.SubjectChoice, chosen: String?) -> String {
        var html = heading(step) + open(step) + "<input type=\"hidden\" name=\"_action\" value=\"choose\">"
        html += "<fieldset><legend>\(HTML.escape(choice.label.text(in: language)))</legend>"
        for subject in choice.subjects {
            let id = "subject-" + HTML.identifier(subject.id)
            html += "<div class=\"option\"><input type=\"radio\" id=\"\(id)\" name=\"subject\"\(HTML.attribute("value", subject.id))"
                + (subject.id == chosen ? " checked" : "") + "><label for=\"\(id)\">\(HTML.escape(subject.label.text(in: language)))</label></div>"
        }
        return html + "</fieldset><button type=\"submit\">\(PageText.continueButton.text(language))</button></form>"
    }

    /// A set of fields (the identification or the form): every field, those hidden by a condition
    /// with the `hidden` attribute, problems beside their fields.
    func fields(_ step: StepDefinition, form: FormDefinition, input: FieldInput, renderer: FieldRenderer,
                subjectLine: String? = nil) -> String {
        let layout = renderer.markups?.layout(form) ?? FormLayout(form)
        // A subject's form is headed by its own title ("Sending payment receipt").
        var html = ""
        html.reserveCapacity(8192)
        html += heading(step, title: subjectLine == nil ? nil : form.title.text(in: language))
        if let subjectLine { html += subjectLine }
        html += Self.summary(input.errors.count, language: language)
        open(step, multipart: layout.multipart, into: &html)
        // What follows the form's opening depends only on the input, the language and the accounts:
        // before anything is answered it is the same text on every such page.
        if input.isEmpty, renderer.accounts.isEmpty, let markups = renderer.markups {
            html += markups.unansweredFields(form, language: language) {
                var rest = ""
                rest.reserveCapacity(8192)
                controls(form, layout: layout, input: input, renderer: renderer, into: &rest)
                return rest
            }
        } else {
            controls(form, layout: layout, input: input, renderer: renderer, into: &html)
        }
        return html
    }

    /// A form's controls after its opening tag, its Continue button and its closing tag.
    private func controls(_ form: FormDefinition, layout: FormLayout, input: FieldInput, renderer: FieldRenderer,
                          into html: inout String) {
        html += "<noscript><input type=\"hidden\" name=\"_nojs\" value=\"1\"></noscript>"
        let visible = layout.shown(form, given: input.answers)
        let shown = visible.ids
        html += "<input type=\"hidden\" name=\"_shown\" value=\""
        html += HTML.escape(visible.list)
        html += "\">"
        if layout.hasGroups {
            // Enter in a text box presses the first submit button: let it be Continue, not "Add another".
            html += "<button type=\"submit\" name=\"_action\" value=\"continue\" hidden tabindex=\"-1\" aria-hidden=\"true\"></button>"
        }
        var section: Int?
        // The cached entries, when the portal keeps them, hold each field: a field drawn from them is
        // never copied out of the form (passing `form.fields[index]` copied it twice: 2% of a page).
        let entries = renderer.markups?.entries(form, language: language)
        // By index: each field is read in place, where `for field in` copies every definition.
        for index in form.fields.indices {
            if form.fields[index].section != section {
                if section != nil { html += "</fieldset>" }
                section = form.fields[index].section
                if let index = section { html += sectionStart(form, index, shown: shown) }
            }
            let id = form.fields[index].id
            if form.fields[index].type == .group {
                html += renderer.renderGroup(form.fields[index], in: form.id, input: input, shown: shown.contains(id))
                continue
            }
            let values = input.values[id] ?? FieldRenderer.texts(of: input.answers[id])
            if let entries {
                renderer.render(entries[index], in: form.id, values: values, error: input.errors[id], shown: shown.contains(id),
                                attached: input.attached[id] ?? [], into: &html)
            } else {
                renderer.render(form.fields[index], in: form.id, values: values, error: input.errors[id], shown: shown.contains(id),
                                attached: input.attached[id] ?? [], into: &html)
            }
        }
        if section != nil { html += "</fieldset>" }
        html += "<button type=\"submit\" name=\"_action\" value=\"continue\">\(PageText.continueButton.text(language))</button></form>"
    }

    /// A section's `<fieldset>` with its title as the legend and its help; hidden while none of its
    /// fields is shown.
    private func sectionStart(_ form: FormDefinition, _ index: Int, shown: Set<String>) -> String {
        let section = form.sections[index]
        var html = "<fieldset class=\"section\" data-section=\"\(index + 1)\""
        if !section.fieldIDs.contains(where: shown.contains) { html += " hidden" }
        html += "><legend>\(HTML.escape(section.title.text(in: language)))</legend>"
        if let help = section.help?.text(in: language) { html += "<p class=\"help\">\(HTML.escape(help))</p>" }
        return html
    }

    /// The review: every answer with a link to change it, the submit step's button, and Discard.
    func review(_ step: StepDefinition, rows: [(label: String, value: String, change: String)], subject: String?,
                sendLabel: String, submission: String) -> String {
        var html = "<h1>\(PageText.review.text(language))</h1>"
        if let subject { html += "<p>\(PageText.subject.text(language)): \(HTML.escape(subject))</p>" }
        html += "<dl class=\"review\">"
        for row in rows {
            html += "<div><dt>\(HTML.escape(row.label))</dt><dd><span class=\"value\">\(HTML.multiline(row.value))</span> "
                + "<a href=\"\(HTML.escape(row.change))\" aria-label=\"\(HTML.escape(PageText.change.text(language) + ": " + row.label))\">"
                + "\(PageText.change.text(language))</a></dd></div>"
        }
        html += "</dl>" + open(step)
        html += "<input type=\"hidden\" name=\"\(SubmissionToken.field)\"\(HTML.attribute("value", submission))>"
        html += "<button type=\"submit\" name=\"_action\" value=\"send\">\(HTML.escape(sendLabel))</button> "
        html += "<button type=\"submit\" name=\"_action\" value=\"discard\" class=\"secondary\">\(PageText.discard.text(language))</button></form>"
        return html
    }
}

/// What a set of fields shows: the posted texts (after a refused post), the answers so far, the
/// problems by field, and the names of files already attached.
struct FieldInput {
    var values: [String: [String]] = [:]
    var answers: [String: AnswerValue] = [:]
    var errors: [String: String] = [:]
    var attached: [String: [String]] = [:]

    /// Nothing to show yet: no text, answer, problem or file.
    var isEmpty: Bool { values.isEmpty && answers.isEmpty && errors.isEmpty && attached.isEmpty }
}

/// Which fields of a form are shown for some answers, in the form's order (a field's condition
/// sees the answers of the fields before it that are shown).
enum FormAnswersView {
    static func shownIDs(_ form: FormDefinition, given answers: [String: AnswerValue]) -> Set<String> {
        FormLayout(form).shownIDs(form, given: answers)
    }
}
