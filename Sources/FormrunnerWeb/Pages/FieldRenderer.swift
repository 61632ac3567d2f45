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
        let markup = markups?.markup(field, formID: formID, language: language) ?? FieldMarkup(field, language: language)
        let id = markup.id
        var describedBy = markup.describedBy
        var errorHTML = ""
        if let error {
            let errorID = HTML.identifier(field.id) + "-error"
            errorHTML = "<p class=\"error\" id=\"\(errorID)\">\(HTML.escape(error))</p>"
            describedBy.append(errorID)
        }
        var wrapper = "<div class=\"field\(error == nil ? "" : " invalid")\"" + markup.dataAttributes
        if !shown { wrapper += " hidden" }
        wrapper += ">"
        let common = (describedBy.isEmpty ? "" : HTML.attribute("aria-describedby", describedBy.joined(separator: " ")))
            + (error == nil ? "" : " aria-invalid=\"true\"")
        let control = common + (shown ? "" : " disabled")
        let required = field.required ? " aria-required=\"true\"" : ""
        let body: String
        switch field.type {
        case .note:
            let note = "<div class=\"note\"" + markup.dataAttributes + (shown ? "" : " hidden") + ">"
            return note + MarkdownText.html(field.text?.text(in: language) ?? "", link: { _ in "#" }) + "</div>"
        case .boolean where field.mustBe == true:
            // An "I agree" box: one checkbox that must be ticked.
            body = "<div class=\"option\"><input type=\"checkbox\" id=\"\(id)\"\(markup.nameAttribute) value=\"yes\""
                + (values.contains("yes") ? " checked" : "") + "\(control)\(required.isEmpty ? " aria-required=\"true\"" : required)>"
                + "<label for=\"\(id)\">\(markup.label)</label></div>" + markup.help
            return wrapper + body + errorHTML + "</div>"
        case .choice where field.options.count <= 12, .boolean, .multichoice:
            body = "<fieldset\(common)><legend>\(markup.label)</legend>\(markup.help)"
                + choices(field, markup: markup, values: values, disabled: !shown) + "</fieldset>"
            return wrapper + body + errorHTML + "</div>"
        case .choice, .account:
            var select = "<select id=\"\(id)\"\(markup.nameAttribute)\(control)\(required)>"
            select += "<option value=\"\">\(PageText.chooseOne.text(language))</option>"
            if field.type == .account {
                for account in accounts {
                    select += "<option\(HTML.attribute("value", account))\(values.contains(account) ? " selected" : "")>\(HTML.escape(account))</option>"
                }
            } else {
                for option in markup.options {
                    select += "<option\(option.valueAttribute)\(values.contains(option.value) ? " selected" : "")>\(option.label)</option>"
                }
            }
            body = select + "</select>"
        case .multiline:
            body = "<textarea id=\"\(id)\"\(markup.nameAttribute) rows=\"6\"\(control)\(required)>"
                + HTML.escape(values.first ?? "") + "</textarea>"
        case .files:
            var input = "<input type=\"file\" id=\"\(id)\"\(markup.nameAttribute) multiple\(control)"
            if let types = field.fileLimits?.types, !types.isEmpty { input += HTML.attribute("accept", types.joined(separator: ",")) }
            input += ">"
            if !attached.isEmpty {
                input += "<p class=\"help\">\(HTML.escape(PageText.filesKept.text(language, attached.joined(separator: ", "))))</p>"
            }
            body = input
        case .text, .email, .secret, .number, .date, .datetime:
            let type = switch field.type {
            case .email: "email"
            case .secret: "password"
            case .number: "number"
            case .date: "date"
            case .datetime: "datetime-local"
            default: field.format == .url ? "url" : field.format == .phone ? "tel" : "text"
            }
            let value = field.type == .secret ? "" : (values.first ?? "")
            body = "<input type=\"\(type)\" id=\"\(id)\"\(markup.nameAttribute)\(HTML.attribute("value", value))"
                + (field.type == .number ? " step=\"any\"" : "") + "\(control)\(required)>"
        }
        return wrapper + "<label for=\"\(id)\">\(markup.label)</label>" + markup.help + body + errorHTML + "</div>"
    }

    private func choices(_ field: FieldDefinition, markup: FieldMarkup, values: [String], disabled: Bool) -> String {
        let type = field.type == .multichoice ? "checkbox" : "radio"
        var html = ""
        for option in markup.options {
            html += "<div class=\"option\"><input type=\"\(type)\" id=\"\(option.id)\"\(markup.nameAttribute)"
                + option.valueAttribute + (values.contains(option.value) ? " checked" : "") + (disabled ? " disabled" : "")
                + "><label for=\"\(option.id)\">\(option.label)</label></div>"
        }
        return html
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
