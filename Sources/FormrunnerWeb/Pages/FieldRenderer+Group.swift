import Foundation
import FormrunnerCore

/// Repeatable groups on the web, without a script: a `<fieldset>` holding one row per item (each a
/// `<fieldset>` with the group's fields, named `orders[2].amount` as the item's problems are), the
/// number of rows in a hidden `orders[]` input, and an "Add another" submit button that posts the
/// page and shows it again with one more row. Rows left blank at the end are not items.
extension FieldRenderer {
    /// The markup of `group`, its rows filled from the posted texts, else from the stored items.
    func renderGroup(_ group: FieldDefinition, in formID: String, input: FieldInput, shown: Bool) -> String {
        let markup = markups?.markup(group, formID: formID, language: language) ?? FieldMarkup(group, language: language)
        var stored: [[String: AnswerValue]] = []
        if case .items(let items)? = input.answers[group.id] { stored = items }
        let rows = Self.rowCount(group, posted: input.values[group.id + "[]"]?.first, stored: stored.count)
        let error = input.errors[group.id]
        var html = "<div class=\"field group\(error == nil ? "" : " invalid")\"" + markup.dataAttributes + (shown ? "" : " hidden") + ">"
        html += "<fieldset id=\"\(markup.id)\"><legend>\(markup.label)</legend>" + markup.help
        let range = PageText.itemCount.text(language, String(group.itemCount.lowerBound), String(group.itemCount.upperBound))
        html += "<p class=\"help\">\(HTML.escape(range))</p>"
        html += "<input type=\"hidden\"\(HTML.attribute("name", group.id + "[]")) value=\"\(rows)\"\(shown ? "" : " disabled")>"
        let name = group.itemLabel?.text(in: language) ?? PageText.item.text(language)
        let heading = name.prefix(1).uppercased() + name.dropFirst()
        for index in 0..<rows {
            let path = "\(group.id)[\(index + 1)]."
            let item = index < stored.count ? stored[index] : [:]
            html += "<fieldset class=\"item\" data-item=\"\(index + 1)\"><legend>"
                + HTML.escape(PageText.itemHeading.text(language, heading, String(index + 1))) + "</legend>"
            var seen: [String: AnswerValue] = [:]
            for field in group.itemFields {
                var named = field
                named.id = path + field.id
                named.condition = nil
                let posted = input.values[named.id]
                let fieldShown = shown && field.isShown(given: seen)
                let value = posted == nil ? item[field.id] : Self.typed(posted ?? [], for: field)
                if fieldShown, let value { seen[field.id] = value }
                html += render(named, in: formID, values: posted ?? Self.texts(of: item[field.id]),
                               error: input.errors[named.id], shown: fieldShown)
            }
            html += "</fieldset>"
        }
        if let error { html += "<p class=\"error\" id=\"\(markup.id)-error\">\(HTML.escape(error))</p>" }
        if rows < group.itemCount.upperBound {
            html += "<button type=\"submit\" name=\"_add\"\(HTML.attribute("value", group.id)) class=\"secondary\""
                + (shown ? "" : " disabled") + ">\(HTML.escape(PageText.addAnother.text(language, name)))</button>"
        }
        return html + "</fieldset></div>"
    }

    /// The rows to show: as posted (one more after "Add another"), else the stored items, at least
    /// `min` and one, at most `max`.
    static func rowCount(_ group: FieldDefinition, posted: String?, stored: Int) -> Int {
        let wanted = posted.flatMap { Int($0) } ?? max(stored, group.itemCount.lowerBound)
        return min(max(wanted, 1), group.itemCount.upperBound)
    }

    /// A posted text as its field would read it; nil when it does not parse (the condition then sees no answer).
    private static func typed(_ texts: [String], for field: FieldDefinition) -> AnswerValue? {
        guard let text = texts.first, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, case .success(let value) = AnswerParser().parse(.single(text), for: field) else {
            return nil
        }
        return value
    }
}
