/// One SurveyJS question into one field (and the follow-up fields of its "other" and comment boxes).
extension SurveyJSFormBuilder {
    /// Question types formrunner has nothing like, and why.
    static let uncarried: [String: String] = [
        "matrix": "a grid of rows and columns has no formrunner equivalent",
        "matrixdropdown": "a grid of questions per row has no formrunner equivalent",
        "matrixdynamic": "a table whose rows the requester adds has no formrunner equivalent",
        "multipletext": "several text boxes under one question; ask them as separate text fields",
        "paneldynamic": "a panel the requester repeats has no formrunner equivalent",
        "ranking": "formrunner keeps no order of choices",
        "signaturepad": "formrunner takes no drawn signature",
        "expression": "a computed value; formrunner asks questions and computes nothing",
        "image": "formrunner shows no images between questions",
    ]

    /// Question properties whose loss is worth a reason.
    static let questionLossReasons: [String: String] = [
        "readOnly": "readOnly (formrunner has no read-only fields)",
        "correctAnswer": "correctAnswer (formrunner does not score answers)",
        "requiredErrorText": "requiredErrorText, its own message for a missing answer",
        "defaultValueExpression": "defaultValueExpression (a default is a fixed value)",
        "valueName": "valueName (the answer is kept under the field id)",
    ]

    mutating func question(_ element: JSONSourceValue) -> [ImportedForm.Field] {
        guard element.isObject else {
            ledger.lose("expected an object, found \(element.kindDescription)", subject: "element", line: element.line)
            return []
        }
        let type = element["type"]?.string ?? "text"
        let name = element["name"]?.scalarText ?? ""
        let id = ledger.fieldID(name.isEmpty ? (element["title"]?.scalarText ?? "") : name, fallback: type == "html" ? "note" : "question")
        let subject = "element '\(name.isEmpty ? id : name)' (type \(type))"
        if let reason = Self.uncarried[type] {
            ledger.lose(reason, subject: subject, line: element.line)
            return []
        }
        if element["visible"]?.bool == false {
            ledger.lose("visible: false, a question never shown", subject: subject, line: element.member("visible")?.line ?? element.line)
            return []
        }
        let shown = condition(element, "visibleIf", subject: subject, consequence: "the field is always shown")
        let enabled = condition(element, "enableIf", subject: subject, consequence: "the field is always shown")
        if let member = element.member("enableIf"), enabled != nil {
            ledger.lose("enableIf disables rather than hides; the field is hidden while '\(member.value.string ?? "")' does not hold",
                        subject: subject, line: member.line)
        }
        let when = Self.conjunction([shown, enabled])
        if type == "html" {
            var note = ImportedForm.Field(id: id, label: nil, type: .note)
            note.text = .init(SurveyJSHTML.markdown(element["html"].flatMap { text($0, subject: subject, what: "html", line: element.line) }?.english ?? ""))
            note.when = when
            return [note]
        }
        let label = element["title"].flatMap { text($0, subject: subject, what: "title", line: element.member("title")?.line ?? element.line) }
            ?? .init(name.isEmpty ? id : name)
        var field = ImportedForm.Field(id: id, label: label, type: .text)
        field.help = element["description"].flatMap { text($0, subject: subject, what: "description", line: element.member("description")?.line ?? element.line) }
        field.placeholder = (element["placeholder"] ?? element["placeHolder"]).flatMap {
            text($0, subject: subject, what: "placeholder", line: element.line)
        }
        field.required = element["isRequired"]?.bool ?? false
        field.when = when
        var extra: [ImportedForm.Field] = []
        switch type {
        case "text", "comment", "slider": textual(element, type: type, into: &field, subject: subject)
        case "boolean": boolean(element, into: &field, subject: subject)
        case "rating": rating(element, into: &field, subject: subject)
        case "file": file(element, into: &field)
        case "dropdown", "radiogroup", "checkbox", "tagbox", "imagepicker":
            extra = choices(element, type: type, into: &field, subject: subject)
        default:
            ledger.lose("unknown question type '\(type)'", subject: subject, line: element.line)
            return []
        }
        validators(element, into: &field, subject: subject)
        defaultValue(element, into: &field, subject: subject)
        if element["isRequired"]?.bool != true, element.member("requiredIf") != nil {
            pendingRequirements.append((element, field, subject))
        }
        for member in element.members where !Self.presentation.contains(member.key) {
            ledger.lose(Self.questionLossReasons[member.key] ?? "property '\(member.key)' (no formrunner equivalent)", subject: subject, line: member.line)
        }
        register(name: name, field: field)
        return [field] + extra
    }

    /// Each `requiredIf` as a form rule (the field must be answered while the condition holds),
    /// once every question is known.
    mutating func addRequirementRules() {
        rules += pendingRequirements.compactMap { requiredIf($0.element, field: $0.field, subject: $0.subject) }
    }

    private func requiredIf(_ element: JSONSourceValue, field: ImportedForm.Field, subject: String) -> ImportedForm.Rule? {
        guard let id = field.id,
              let condition = condition(element, "requiredIf", subject: subject, consequence: "the field stays optional") else { return nil }
        let check = (condition.contains(" or ") || condition.contains(" and ") ? "not (\(condition))" : "not \(condition)") + " or answered(\(id))"
        return ImportedForm.Rule(check: check, message: .init("'\(field.label?.english ?? id)' is required here"), field: id)
    }

    /// Makes the field readable by later conditions under its SurveyJS name.
    mutating func register(name: String, field: ImportedForm.Field) {
        guard let id = field.id, !name.isEmpty else { return }
        let values = field.options.map { (value: $0.sourceValue ?? $0.id, id: $0.id) }
        let kind: SurveyJSConditionTranslator.Question.Kind
        switch field.type {
        case .number: kind = .number
        case .date: kind = .date
        case .datetime: kind = .dateTime
        case .boolean: kind = .boolean
        case .files: kind = .files
        case .choice: kind = .choice(values)
        case .multichoice: kind = .multichoice(values)
        default: kind = .text
        }
        translator.questions[name] = .init(id: id, kind: kind)
    }
}
