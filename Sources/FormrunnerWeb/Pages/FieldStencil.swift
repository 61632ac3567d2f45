import FormrunnerCore
import Foundation

/// A field's finished HTML for the cases most pages show, made once by ``FieldRenderer`` and
/// reused: a field without a problem, either with one text value (split around a marker where the
/// value goes) or with one of its own choices chosen (the whole field, by choice).
///
/// Every stencil is checked when made: the marker must appear exactly once, so a definition text
/// that happened to contain it only costs a full rendering. Choice stencils are kept only for the
/// field's own choices (and none), so whoever posts what, their number is bounded by the catalog.
final class FieldStencil: @unchecked Sendable {
    /// What a field's stencils look like, from its type.
    enum Kind {
        /// A single text value: text, e-mail, number, date, date and time, multiline.
        case value
        /// One chosen value among the field's own choices: choice, yes/no, multichoice.
        case choice
        /// Rendered in full each time: secrets, files, accounts, agreements, notes and groups.
        case none
    }

    /// The value a text stencil is rendered with, then split around.
    static let marker = "\u{27E6}formrunner-value\u{27E7}"

    let kind: Kind
    private let lock = NSLock()
    /// By whether the field is shown: the HTML before and after the value, or nil when the
    /// rendering did not hold the marker exactly once.
    private var splits: [Bool: (String, String)?] = [:]
    /// By whether the field is shown and the chosen value ("" for none).
    private var chosen: [ChoiceKey: String] = [:]

    private struct ChoiceKey: Hashable {
        let shown: Bool
        let value: String
    }

    init(_ field: FieldDefinition) {
        switch field.type {
        case .text, .email, .number, .date, .datetime, .multiline: kind = .value
        case .choice, .multichoice: kind = .choice
        case .boolean: kind = field.mustBe == true ? .none : .choice
        default: kind = .none
        }
    }

    /// Appends the field's HTML for `values` to `html` from a stencil, made with `render` the first
    /// time; false when no stencil applies (the caller renders in full).
    func write(values: [String], shown: Bool, choices: [FieldMarkup.Option], into html: inout String,
               render: ([String]) -> String) -> Bool {
        switch kind {
        case .none:
            return false
        case .value:
            guard values.count <= 1, let (before, after) = split(shown: shown, render: render) else { return false }
            html += before
            html += HTML.escape(values.first ?? "")
            html += after
            return true
        case .choice:
            guard values.count <= 1 else { return false }
            let value = values.first ?? ""
            guard value.isEmpty || choices.contains(where: { $0.value == value }) else { return false }
            let key = ChoiceKey(shown: shown, value: value)
            lock.lock()
            let cached = chosen[key]
            lock.unlock()
            if let cached {
                html += cached
                return true
            }
            let made = render(value.isEmpty ? [] : [value])
            lock.lock()
            chosen[key] = made
            lock.unlock()
            html += made
            return true
        }
    }

    /// How many choice renderings are kept (tests check the bound).
    var choiceCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return chosen.count
    }

    private func split(shown: Bool, render: ([String]) -> String) -> (String, String)? {
        lock.lock()
        let cached = splits[shown]
        lock.unlock()
        if let cached { return cached }
        let rendered = render([Self.marker])
        let parts = rendered.components(separatedBy: Self.marker)
        let made: (String, String)? = parts.count == 2 ? (parts[0], parts[1]) : nil
        lock.lock()
        splits[shown] = made
        lock.unlock()
        return made
    }
}
