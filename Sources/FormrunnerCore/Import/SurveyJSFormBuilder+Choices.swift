/// Dropdown, radio group, checkbox, tag box and image picker questions: their choices and special items.
extension SurveyJSFormBuilder {
    /// Fills the options of a choice or multichoice field; returns the follow-up fields of its
    /// "other" and comment boxes, which are asked when "other" is chosen or always.
    func choices(_ element: JSONSourceValue, type: String, into field: inout ImportedForm.Field, subject: String) -> [ImportedForm.Field] {
        let multiple = ["checkbox", "tagbox"].contains(type) || (type == "imagepicker" && element["multiSelect"]?.bool == true)
        field.type = multiple ? .multichoice : .choice
        var values: [(value: String, label: ImportedForm.Text)] = []
        for item in element["choices"]?.array ?? [] {
            guard let value = item.scalarText ?? item["value"]?.scalarText else {
                ledger.lose("a choice without a value", subject: subject, line: item.line)
                continue
            }
            let label = item["text"].flatMap { text($0, subject: subject, what: "choice '\(value)'", line: item.line) } ?? .init(value)
            values.append((value, label))
            for member in item.members where !["value", "text"].contains(member.key) {
                let reason = member.key == "imageLink" ? "the image of choice '\(value)' (the choice is shown by its text)"
                    : "\(member.key) of choice '\(value)' (an option is always offered)"
                ledger.lose(reason, subject: subject, line: member.line)
            }
        }
        for key in ["choicesByUrl", "choicesFromQuestion"] {
            guard let member = element.member(key) else { continue }
            ledger.lose("\(key) (an option list is written in the form, or shared as an option_list)", subject: subject, line: member.line)
        }
        if let member = element.member("choicesOrder"), let order = member.value.string, order != "none" {
            ledger.lose("choicesOrder '\(order)' (options are shown in the order written)", subject: subject, line: member.line)
        }
        if let member = element.member("showSelectAllItem") ?? element.member("hasSelectAll"), member.value.bool == true {
            ledger.lose("\(member.key), the 'Select all' item", subject: subject, line: member.line)
        }
        var extra: [ImportedForm.Field] = []
        let id = field.id ?? "question"
        if let member = element.member("showNoneItem") ?? element.member("hasNone"), member.value.bool == true {
            values.append(("none", element["noneText"].flatMap { text($0, subject: subject, what: "noneText", line: member.line) } ?? .init("None")))
            if multiple { ledger.lose("\(member.key): 'None' does not clear the other boxes", subject: subject, line: member.line) }
        }
        if let member = element.member("showOtherItem") ?? element.member("hasOther"), member.value.bool == true {
            values.append(("other", element["otherText"].flatMap { text($0, subject: subject, what: "otherText", line: member.line) } ?? .init("Other")))
            var other = ImportedForm.Field(id: ledger.fieldID(id + "_other", fallback: "other"), label: .init("Please specify"), type: .text)
            other.required = true
            other.placeholder = (element["otherPlaceholder"] ?? element["otherPlaceHolder"]).flatMap {
                text($0, subject: subject, what: "otherPlaceholder", line: member.line)
            }
            other.when = Self.conjunction([field.when, multiple ? "\(id) contains \"other\"" : "\(id) == \"other\""])
            extra.append(other)
        }
        if let member = element.member("showCommentArea") ?? element.member("hasComment"), member.value.bool == true {
            let label = element["commentText"].flatMap { text($0, subject: subject, what: "commentText", line: member.line) } ?? .init("Comment")
            var comment = ImportedForm.Field(id: ledger.fieldID(id + "_comment", fallback: "comment"), label: label, type: .multiline)
            comment.required = false
            comment.when = field.when
            extra.append(comment)
        }
        guard !values.isEmpty else {
            field.type = .text
            ledger.lose("it has no choices written in the survey; it is asked as text", subject: subject, line: element.line)
            return extra
        }
        field.options = zip(ImportSlug.optionIDs(values.map(\.value)), values).map {
            ImportedForm.Option(id: $0, label: $1.label, sourceValue: $1.value)
        }
        if multiple {
            field.minimum = element["minSelectedChoices"]?.number.flatMap { $0 > 0 ? .raw(ValueReader.format($0)) : nil }
            field.maximum = element["maxSelectedChoices"]?.number.flatMap { $0 > 0 ? .raw(ValueReader.format($0)) : nil }
        }
        return extra
    }
}
