import FormrunnerCore

/// Renders a form's fields as accessible HTML: every control labelled (`label for`, or `fieldset`
/// and `legend` for choices), required and optional marked, help and error tied to the control with
/// `aria-describedby`, and the `data-field`/`data-type`/`data-when` attributes the condition script reads.
struct FieldRenderer {
    let language: String
    /// The accounts the signed-in user may act for (`account` fields).
    var accounts: [String] = []

    /// One field. `values` are what to show in it (posted texts or stored answers), `error` its
    /// problem, `shown` whether its condition holds now.
    func render(_ field: FieldDefinition, values: [String], error: String?, shown: Bool, attached: [String] = []) -> String {
        let id = "f-" + HTML.identifier(field.id)
        var describedBy: [String] = []
        var help = ""
        if let text = field.help?.text(in: language) {
            help = "<p class=\"help\" id=\"\(id)-help\">\(HTML.escape(text))</p>"
            describedBy.append("\(id)-help")
        }
        if let limits = limitsText(field) {
            help += "<p class=\"help\" id=\"\(id)-limits\">\(HTML.escape(limits))</p>"
            describedBy.append("\(id)-limits")
        }
        var errorHTML = ""
        if let error {
            let errorID = HTML.identifier(field.id) + "-error"
            errorHTML = "<p class=\"error\" id=\"\(errorID)\">\(HTML.escape(error))</p>"
            describedBy.append(errorID)
        }
        var wrapper = "<div class=\"field\(error == nil ? "" : " invalid")\"" + HTML.attribute("data-field", field.id)
            + HTML.attribute("data-type", field.type.rawValue)
        if let condition = field.condition { wrapper += HTML.attribute("data-when", condition.source) }
        if !shown { wrapper += " hidden" }
        wrapper += ">"
        let common = (describedBy.isEmpty ? "" : HTML.attribute("aria-describedby", describedBy.joined(separator: " ")))
            + (error == nil ? "" : " aria-invalid=\"true\"")
        let control = common + (shown ? "" : " disabled")
        let mark = "<span class=\"mark\">\(field.required ? PageText.required.text(language) : PageText.optional.text(language))</span>"
        let label = HTML.escape(field.label.text(in: language))
        let body: String
        switch field.type {
        case .choice where field.options.count <= 12, .boolean, .multichoice:
            body = "<fieldset\(common)><legend>\(label) \(mark)</legend>\(help)\(choices(field, id: id, values: values, disabled: !shown))</fieldset>"
            return wrapper + body + errorHTML + "</div>"
        case .choice, .account:
            let options = field.type == .account ? accounts.map { ($0, $0) }
                : field.options.map { ($0.id, $0.label.text(in: language)) }
            var select = "<select id=\"\(id)\"\(HTML.attribute("name", field.id))\(control)\(field.required ? " aria-required=\"true\"" : "")>"
            select += "<option value=\"\">\(PageText.chooseOne.text(language))</option>"
            for (value, text) in options {
                select += "<option\(HTML.attribute("value", value))\(values.contains(value) ? " selected" : "")>\(HTML.escape(text))</option>"
            }
            body = select + "</select>"
        case .multiline:
            body = "<textarea id=\"\(id)\"\(HTML.attribute("name", field.id)) rows=\"6\"\(control)\(field.required ? " aria-required=\"true\"" : "")>"
                + HTML.escape(values.first ?? "") + "</textarea>"
        case .files:
            var input = "<input type=\"file\" id=\"\(id)\"\(HTML.attribute("name", field.id)) multiple\(control)"
            if let types = field.fileLimits?.types, !types.isEmpty { input += HTML.attribute("accept", types.joined(separator: ",")) }
            input += ">"
            if !attached.isEmpty {
                input += "<p class=\"help\">\(HTML.escape(PageText.filesKept.text(language, attached.joined(separator: ", "))))</p>"
            }
            body = input
        case .text, .email, .secret, .number, .date:
            let type = switch field.type {
            case .email: "email"
            case .secret: "password"
            case .number: "number"
            case .date: "date"
            default: "text"
            }
            let value = field.type == .secret ? "" : (values.first ?? "")
            body = "<input type=\"\(type)\" id=\"\(id)\"\(HTML.attribute("name", field.id))\(HTML.attribute("value", value))"
                + (field.type == .number ? " step=\"any\"" : "") + "\(control)\(field.required ? " aria-required=\"true\"" : "")>"
        }
        return wrapper + "<label for=\"\(id)\">\(label) \(mark)</label>" + help + body + errorHTML + "</div>"
    }

    private func choices(_ field: FieldDefinition, id: String, values: [String], disabled: Bool) -> String {
        let type = field.type == .multichoice ? "checkbox" : "radio"
        let options: [(String, String)] = field.type == .boolean
            ? [("yes", PageText.yes.text(language)), ("no", PageText.no.text(language))]
            : field.options.map { ($0.id, $0.label.text(in: language)) }
        var html = ""
        for (value, text) in options {
            let optionID = id + "-" + HTML.identifier(value)
            html += "<div class=\"option\"><input type=\"\(type)\" id=\"\(optionID)\"\(HTML.attribute("name", field.id))"
                + HTML.attribute("value", value) + (values.contains(value) ? " checked" : "") + (disabled ? " disabled" : "")
                + "><label for=\"\(optionID)\">\(HTML.escape(text))</label></div>"
        }
        return html
    }

    /// "Up to 3 file(s), 10 MB each · Accepted types: application/pdf" for files fields.
    private func limitsText(_ field: FieldDefinition) -> String? {
        guard field.type == .files else { return nil }
        let limits = field.fileLimits ?? .default
        var text = PageText.limits.text(language, String(limits.count), FileLimits.describe(size: limits.size))
        if !limits.types.isEmpty { text += " · " + PageText.accepted.text(language, limits.types.joined(separator: ", ")) }
        return text
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
