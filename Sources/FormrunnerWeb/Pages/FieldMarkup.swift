import FormrunnerCore
import Foundation

/// The parts of a field's HTML that depend only on its definition and the page language (its
/// label, help, limits, options, data attributes), escaped once; ``FieldRenderer`` adds what
/// depends on the request (values, the problem, whether the field is shown).
struct FieldMarkup: Sendable {
    /// The control's id (`f-…`).
    let id: String
    /// `name="…"`.
    let nameAttribute: String
    /// The label's text, escaped, then the required or optional mark.
    let label: String
    /// The help and limits paragraphs.
    let help: String
    /// The ids of those paragraphs.
    let describedBy: [String]
    /// The same ids separated by spaces, as `aria-describedby` lists them.
    let describedByList: String
    /// `data-field`, `data-type` and `data-when`.
    let dataAttributes: String
    /// The choices of a choice, multichoice or yes/no field, in order.
    let options: [Option]

    /// One choice: its value, its `value="…"` attribute, its label (escaped) and its control's id.
    struct Option: Sendable {
        let value: String
        let valueAttribute: String
        let label: String
        let id: String
    }

    /// The markup of `field` in `language`.
    init(_ field: FieldDefinition, language: String) {
        id = "f-" + HTML.identifier(field.id)
        nameAttribute = HTML.attribute("name", field.id)
        let mark = field.required || field.mustBe != nil ? PageText.required.text(language) : PageText.optional.text(language)
        label = HTML.escape(field.label.text(in: language)) + " <span class=\"mark\">\(mark)</span>"
        var help = "", describedBy: [String] = []
        if let text = field.help?.text(in: language) {
            help = "<p class=\"help\" id=\"\(id)-help\">\(HTML.escape(text))</p>"
            describedBy.append("\(id)-help")
        }
        if let limits = Self.limitsText(field, language: language) {
            help += "<p class=\"help\" id=\"\(id)-limits\">\(HTML.escape(limits))</p>"
            describedBy.append("\(id)-limits")
        }
        self.help = help
        self.describedBy = describedBy
        describedByList = describedBy.joined(separator: " ")
        var data = HTML.attribute("data-field", field.id) + HTML.attribute("data-type", field.type.rawValue)
        if let condition = field.shownWhen { data += HTML.attribute("data-when", condition) }
        dataAttributes = data
        let choices: [(String, String)] = field.type == .boolean
            ? [("yes", PageText.yes.text(language)), ("no", PageText.no.text(language))]
            : field.options.map { ($0.id, $0.label.text(in: language)) }
        let id = self.id
        options = choices.map { value, text in
            Option(value: value, valueAttribute: HTML.attribute("value", value), label: HTML.escape(text),
                   id: id + "-" + HTML.identifier(value))
        }
    }

    /// "Up to 3 file(s), 10 MB each · Accepted types: application/pdf" for files fields.
    private static func limitsText(_ field: FieldDefinition, language: String) -> String? {
        guard field.type == .files else { return nil }
        let limits = field.fileLimits ?? .default
        var text = PageText.limits.text(language, String(limits.count), FileLimits.describe(size: limits.size))
        if !limits.types.isEmpty { text += " · " + PageText.accepted.text(language, limits.types.joined(separator: ", ")) }
        return text
    }
}

/// The ``FieldMarkup`` and ``FieldStencil`` of every field a portal has shown, by form, field and
/// language, and the ``FormLayout`` of every form: made once per portal (whose catalog does not
/// change), safe from any thread. Each table is a ``BoundedMemo`` far larger than a catalog needs.
final class FieldMarkupCache: Sendable {
    private let fieldEntries = BoundedMemo<Key, Entry>(capacity: 1 << 16)
    private let layouts = BoundedMemo<String, FormLayout>(capacity: 1 << 12)
    private let unanswered = BoundedMemo<FormLanguage, (layout: FormLayout, html: String)>(capacity: 1 << 12)
    private let formEntries = BoundedMemo<FormLanguage, [Entry]>(capacity: 1 << 12)

    /// The layout of `form` (see ``FormLayout``), by its id; made again if a form of that id now
    /// has other fields.
    func layout(_ form: FormDefinition) -> FormLayout {
        layouts.value(of: form.id, isCurrent: { $0.describes(form) }, make: { _ in FormLayout(form) })
    }

    /// The fields of `form` in `language` as a page shows them before anything is answered (no
    /// value, no problem, no file): made by `render` the first time, then the same text for every
    /// such page. Kept by form and language and, like ``layout(_:)``, made again for a form of that
    /// id with other fields.
    func unansweredFields(_ form: FormDefinition, language: String, render: () -> String) -> String {
        unanswered.value(of: FormLanguage(formID: form.id, language: language), isCurrent: { $0.layout.describes(form) },
                         make: { _ in (layout(form), render()) }).html
    }

    /// The entries of `form`'s fields in `language`, in the form's order: one lookup for a page
    /// instead of one for each field. Made again, like ``layout(_:)``, for a form of that id with
    /// other fields.
    func entries(_ form: FormDefinition, language: String) -> [Entry] {
        formEntries.value(of: FormLanguage(formID: form.id, language: language),
                          isCurrent: { made in made.count == form.fields.count && made.indices.allSatisfy { made[$0].fieldID == form.fields[$0].id } },
                          make: { _ in form.fields.map { entry($0, formID: form.id, language: language) } })
    }

    private struct FormLanguage: Hashable, Sendable {
        let formID: String
        let language: String
    }

    /// A field's markup and stencil in one language (a class: a page takes it with one retain,
    /// not one for each of the markup's texts).
    final class Entry: Sendable {
        /// The field it was made for: a page drawn from the stencil never copies the definition.
        let field: FieldDefinition
        let markup: FieldMarkup
        let stencil: FieldStencil

        /// The id of the field it was made for.
        var fieldID: String { field.id }

        init(field: FieldDefinition, markup: FieldMarkup, stencil: FieldStencil) {
            self.field = field
            self.markup = markup
            self.stencil = stencil
        }
    }

    private struct Key: Hashable, Sendable {
        let formID: String
        let fieldID: String
        let language: String
    }

    /// The markup of `field` of the form `formID` in `language`.
    func markup(_ field: FieldDefinition, formID: String, language: String) -> FieldMarkup {
        entry(field, formID: formID, language: language).markup
    }

    /// The markup and stencil of `field` of the form `formID` in `language`.
    func entry(_ field: FieldDefinition, formID: String, language: String) -> Entry {
        fieldEntries.value(of: Key(formID: formID, fieldID: field.id, language: language)) { _ in
            Entry(field: field, markup: FieldMarkup(field, language: language), stencil: FieldStencil(field))
        }
    }
}
