/// Hints for words administrators bring from the tools they know (HTML, GitHub issue forms, SurveyJS,
/// FHIR Questionnaires, form builders): `textarea`, `dropdown`, `description`, `visibleIf`… Each is
/// far from formrunner's word by spelling, so a did-you-mean could never find it.
enum BorrowedVocabulary {
    /// Field types by their names elsewhere.
    static let fieldTypes: [String: String] = [
        "textarea": "multiline", "comment": "multiline", "paragraph": "multiline",
        "input": "text", "string": "text", "textfield": "text", "shorttext": "text",
        "dropdown": "choice", "select": "choice", "radio": "choice", "radiogroup": "choice",
        "checkboxes": "multichoice", "checkbox_group": "multichoice", "tagbox": "multichoice",
        "checkbox": "boolean", "bool": "boolean", "toggle": "boolean",
        "integer": "number", "decimal": "number", "file": "files", "attachment": "files",
        "password": "secret",
    ]

    /// Keys by their names elsewhere, with the formrunner key they stand for.
    static let keys: [String: String] = [
        "description": "help", "helptext": "help", "hint": "help",
        "value": "id", "name": "id",
        "title": "label", "text": "label",
        "visibleif": "when", "visible_if": "when", "enablewhen": "when", "enable_when": "when", "showif": "when",
        "show_if": "when", "condition": "when", "if": "when",
        "choices": "options", "answeroption": "options", "answer_options": "options",
        "isrequired": "required", "mandatory": "required",
    ]

    /// Keys that hold a whole list of validation rules in other tools.
    static let ruleLists: Set<String> = ["validations", "validation", "validators", "rules", "constraints"]

    /// The keys of a field that check its answer, in the order they are listed.
    static let ruleKeys = ["required", "min", "max", "min_length", "max_length", "min_words", "pattern", "format",
                           "must_be", "limits"]

    /// `"; formrunner calls it 'multiline'"` for a type known by another name, else `nil`.
    static func fieldTypeHint(for type: String) -> String? {
        fieldTypes[type.lowercased()].map { "; formrunner calls it '\($0)'" }
    }

    /// A hint for an unknown `key` of a mapping that may hold `allowed`, when it is a word from
    /// another tool for one of them; `nil` otherwise.
    static func keyHint(for key: String, allowed: [String]) -> String? {
        let lowered = key.lowercased()
        if ruleLists.contains(lowered) {
            let rules = ruleKeys.filter(allowed.contains)
            guard !rules.isEmpty, !allowed.contains(key) else { return nil }
            return "; formrunner has no list of validations: write each rule as a key of the field ("
                + rules.joined(separator: ", ") + ")"
        }
        guard let word = keys[lowered], allowed.contains(word) else { return nil }
        if word == "when" {
            return "; formrunner calls it 'when' (a condition such as: kind == \"setup\")"
        }
        return "; formrunner calls it '\(word)'"
    }
}
