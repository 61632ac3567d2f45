import FormrunnerCore
import FormrunnerKnowledge

/// Renders a form's fields as accessible HTML: every control labelled (`label for`, or `fieldset`
/// and `legend` for choices), required and optional marked, help and error tied to the control with
/// `aria-describedby`, and the `data-field`/`data-type`/`data-when` attributes the condition script reads.
struct FieldRenderer {
    let language: String
    /// The accounts the signed-in user may act for (`account` fields).
    var accounts: [String] = []

    /// The markup of fields already shown, when the portal keeps it; nil to make it on each call.
    var markups: FieldMarkupCache?

    /// One field of the form `formID`. `values` are what to show in it (posted texts or stored
    /// answers), `error` its problem, `shown` whether its condition holds now.
    func render(_ field: FieldDefinition, in formID: String = "", values: [String], error: String?, shown: Bool,
                attached: [String] = []) -> String {
        var html = ""
        render(field, in: formID, values: values, error: error, shown: shown, attached: attached, into: &html)
        return html
    }

    /// ``render(_:in:values:error:shown:attached:)`` appended to `html`: a page is written into one
    /// buffer instead of joining a string per piece (the joins were a third of a form page's CPU).
    func render(_ field: FieldDefinition, in formID: String = "", values: [String], error: String?, shown: Bool,
                attached: [String] = [], into html: inout String) {
        guard let entry = markups?.entry(field, formID: formID, language: language) else {
            renderFully(field, in: formID, markup: FieldMarkup(field, language: language), values: values, error: error, shown: shown,
                        attached: attached, into: &html)
            return
        }
        render(entry, in: formID, values: values, error: error, shown: shown, attached: attached, into: &html)
    }

    /// The field of a cached `entry` (its markup and stencil already looked up), appended to `html`.
    func render(_ entry: FieldMarkupCache.Entry, in formID: String, values: [String], error: String?, shown: Bool,
                attached: [String], into html: inout String) {
        // A field without a problem comes from its stencil when it has one (see FieldStencil).
        if error == nil, attached.isEmpty,
           entry.stencil.write(values: values, shown: shown, choices: entry.markup.options, into: &html, render: { values in
               var made = ""
               renderFully(entry.field, in: formID, markup: entry.markup, values: values, error: nil, shown: shown, attached: [],
                           into: &made)
               return made
           }) {
            return
        }
        renderFully(entry.field, in: formID, markup: entry.markup, values: values, error: error, shown: shown, attached: attached,
                    into: &html)
    }

    /// The field's HTML made piece by piece, as every stencil was first made.
    func renderFully(_ field: FieldDefinition, in formID: String, markup: FieldMarkup, values: [String], error: String?, shown: Bool,
                     attached: [String], into html: inout String) {
        // A note and a group have wrappers of their own; every other field is a `div.field`.
        switch field.type {
        case .note:
            html += "<div class=\"note\""
            html += markup.dataAttributes
            if !shown { html += " hidden" }
            html += ">"
            html += MarkdownText.html(field.text?.text(in: language) ?? "", link: { _ in "#" })
            html += "</div>"
            return
        case .group:
            html += renderGroup(field, in: formID, input: FieldInput(), shown: shown)
            return
        default:
            break
        }
        let errorID = error == nil ? "" : HTML.identifier(field.id) + "-error"
        html += error == nil ? "<div class=\"field\"" : "<div class=\"field invalid\""
        html += markup.dataAttributes
        if !shown { html += " hidden" }
        html += ">"
        // The attributes every control carries: what describes it, whether it is invalid or off.
        func common(disabled: Bool) {
            if !markup.describedBy.isEmpty || error != nil {
                html += " aria-describedby=\""
                html += markup.describedByList
                if error != nil {
                    if !markup.describedBy.isEmpty { html += " " }
                    html += errorID
                }
                html += "\""
            }
            if error != nil { html += " aria-invalid=\"true\"" }
            if disabled, !shown { html += " disabled" }
        }
        // The start of a control: `opening` (`<select id="`), then its id and name.
        func control(_ opening: String) {
            html += opening
            html += markup.id
            html += "\""
            html += markup.nameAttribute
        }
        let required = field.required ? " aria-required=\"true\"" : ""
        switch field.type {
        case .note, .group:
            break   // written above
        case .boolean where field.mustBe == true:
            // An "I agree" box: one checkbox that must be ticked.
            control("<div class=\"option\"><input type=\"checkbox\" id=\"")
            html += " value=\"yes\""
            if values.contains("yes") { html += " checked" }
            common(disabled: true)
            html += " aria-required=\"true\"><label for=\""
            html += markup.id
            html += "\">"
            html += markup.label
            html += "</label></div>"
            html += markup.help
        case .choice where field.options.count <= 12, .boolean, .multichoice:
            html += "<fieldset"
            common(disabled: false)
            html += "><legend>"
            html += markup.label
            html += "</legend>"
            html += markup.help
            choices(field, markup: markup, values: values, disabled: !shown, into: &html)
            html += "</fieldset>"
        case .choice, .account:
            label(markup, into: &html)
            control("<select id=\"")
            common(disabled: true)
            html += required
            html += "><option value=\"\">"
            html += PageText.chooseOne.text(language)
            html += "</option>"
            if field.type == .account {
                for account in accounts {
                    html += "<option"
                    html += HTML.attribute("value", account)
                    if values.contains(account) { html += " selected" }
                    html += ">"
                    html += HTML.escape(account)
                    html += "</option>"
                }
            } else {
                for option in markup.options {
                    html += "<option"
                    html += option.valueAttribute
                    if values.contains(option.value) { html += " selected" }
                    html += ">"
                    html += option.label
                    html += "</option>"
                }
            }
            html += "</select>"
        case .multiline:
            label(markup, into: &html)
            control("<textarea id=\"")
            html += " rows=\"6\""
            common(disabled: true)
            html += required
            html += ">"
            html += HTML.escape(values.first ?? "")
            html += "</textarea>"
        case .files:
            label(markup, into: &html)
            control("<input type=\"file\" id=\"")
            html += " multiple"
            common(disabled: true)
            if let types = field.fileLimits?.types, !types.isEmpty { html += HTML.attribute("accept", types.joined(separator: ",")) }
            html += ">"
            if !attached.isEmpty {
                html += "<p class=\"help\">"
                html += HTML.escape(PageText.filesKept.text(language, attached.joined(separator: ", ")))
                html += "</p>"
            }
        case .text, .email, .secret, .number, .date, .datetime:
            label(markup, into: &html)
            let type = switch field.type {
            case .email: "email"
            case .secret: "password"
            case .number: "number"
            case .date: "date"
            case .datetime: "datetime-local"
            default: field.format == .url ? "url" : field.format == .phone ? "tel" : "text"
            }
            html += "<input type=\""
            html += type
            control("\" id=\"")
            html += HTML.attribute("value", field.type == .secret ? "" : (values.first ?? ""))
            if field.type == .number { html += " step=\"any\"" }
            common(disabled: true)
            html += required
            html += ">"
        }
        if error != nil {
            html += "<p class=\"error\" id=\""
            html += errorID
            html += "\">"
            html += HTML.escape(error ?? "")
            html += "</p>"
        }
        html += "</div>"
    }

    /// The control's `<label>` and its help paragraphs, which come before a single control.
    private func label(_ markup: FieldMarkup, into html: inout String) {
        html += "<label for=\""
        html += markup.id
        html += "\">"
        html += markup.label
        html += "</label>"
        html += markup.help
    }

    private func choices(_ field: FieldDefinition, markup: FieldMarkup, values: [String], disabled: Bool, into html: inout String) {
        let type = field.type == .multichoice ? "<div class=\"option\"><input type=\"checkbox\" id=\"" : "<div class=\"option\"><input type=\"radio\" id=\""
        for option in markup.options {
            html += type
            html += option.id
            html += "\""
            html += markup.nameAttribute
            html += option.valueAttribute
            if values.contains(option.value) { html += " checked" }
            if disabled { html += " disabled" }
            html += "><label for=\""
            html += option.id
            html += "\">"
            html += option.label
            html += "</label></div>"
        }
    }

    /// The texts a stored answer shows in its control.
    static func texts(of value: AnswerValue?) -> [String] {
        switch value {
        case .none: return []
        case .text(let text)?: return [text]
        case .boolean(let flag)?: return [flag ? "yes" : "no"]
        case .choice(let id)?: return [id]
        case .choices(let ids)?: return ids
        case .files?: return []
        case let other?: return [other.plainText]
        }
    }
}
