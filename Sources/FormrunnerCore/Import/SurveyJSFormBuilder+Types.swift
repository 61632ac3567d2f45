import Foundation

/// Text, comment, boolean, rating and file questions.
extension SurveyJSFormBuilder {
    /// `inputType` values and the field type and format they become.
    static let inputTypes: [String: (FieldType, String?)] = [
        "text": (.text, nil), "email": (.text, "email"), "url": (.text, "url"), "tel": (.text, "phone"),
        "number": (.number, nil), "range": (.number, nil), "date": (.date, nil), "datetime-local": (.datetime, nil),
        "datetime": (.datetime, nil), "password": (.secret, nil),
    ]

    func textual(_ element: JSONSourceValue, type: String, into field: inout ImportedForm.Field, subject: String) {
        if type == "comment" {
            field.type = .multiline
        } else if type == "slider" {
            field.type = .number
        } else if let member = element.member("inputType"), let input = member.value.string {
            if let (fieldType, format) = Self.inputTypes[input] {
                field.type = fieldType
                field.format = format
            } else {
                ledger.lose("inputType '\(input)' (asked as plain text)", subject: subject, line: member.line)
            }
        }
        if let member = element.member("maxLength"), let length = member.value.number, length > 0 {
            if [.text, .multiline, .secret].contains(field.type) {
                field.maximumLength = Int(length)
            } else {
                ledger.lose("maxLength \(Int(length)) (a \(field.type.rawValue) field has no length)", subject: subject, line: member.line)
            }
        }
        for key in ["min", "max"] {
            guard let member = element.member(key) else { continue }
            let bound: ImportedYAML?
            switch field.type {
            case .number: bound = member.value.number.map { .raw(ValueReader.format($0)) }
            case .date: bound = member.value.string.flatMap { LocalDate(iso: $0) == nil ? nil : .raw($0) }
            case .datetime: bound = member.value.string.flatMap { LocalDateTime(iso: $0) == nil ? nil : .raw($0) }
            default: bound = nil
            }
            guard let bound else {
                ledger.lose("\(key) \(member.value.scalarText ?? member.value.kindDescription) (not a bound of a \(field.type.rawValue) field)",
                            subject: subject, line: member.line)
                continue
            }
            if key == "min" { field.minimum = bound } else { field.maximum = bound }
        }
    }

    func boolean(_ element: JSONSourceValue, into field: inout ImportedForm.Field, subject: String) {
        field.type = .boolean
        for key in ["labelTrue", "labelFalse", "valueTrue", "valueFalse"] {
            guard let member = element.member(key) else { continue }
            let what = key.hasPrefix("label") ? "the answers are shown as yes and no" : "the answer is kept as true or false"
            ledger.lose("\(key) '\(member.value.scalarText ?? "")' (\(what))", subject: subject, line: member.line)
        }
    }

    /// A rating is a choice of its rate values (`rateValues`, else `rateMin`…`rateMax` by `rateStep`).
    func rating(_ element: JSONSourceValue, into field: inout ImportedForm.Field, subject: String) {
        var values: [(value: String, label: ImportedForm.Text)] = []
        if let items = element["rateValues"]?.array, !items.isEmpty {
            for item in items {
                guard let value = item.scalarText ?? item["value"]?.scalarText else { continue }
                values.append((value, item["text"].flatMap { text($0, subject: subject, what: "rate value text", line: item.line) } ?? .init(value)))
            }
        } else {
            let low = element["rateMin"]?.number ?? 1, step = max(element["rateStep"]?.number ?? 1, 0.01)
            let high = element["rateMax"]?.number ?? (element["rateCount"]?.number).map { low + ($0 - 1) * step } ?? 5
            var value = low
            while value <= high + 1e-9, values.count < 100 {
                values.append((ValueReader.format(value), .init(ValueReader.format(value))))
                value += step
            }
        }
        field.type = .choice
        field.options = zip(ImportSlug.optionIDs(values.map(\.value)), values).map {
            ImportedForm.Option(id: $0, label: $1.label, sourceValue: $1.value)
        }
        for (key, index) in [("minRateDescription", 0), ("maxRateDescription", field.options.count - 1)] where field.options.indices.contains(index) {
            guard let description = element[key].flatMap({ text($0, subject: subject, what: key, line: element.line) }) else { continue }
            var label = field.options[index].label
            label.translations = label.translations.map { translation in
                let described = description.translations.first { $0.language == translation.language }?.text ?? description.english
                return (translation.language, "\(translation.text) (\(described))")
            }
            field.options[index].label = label
        }
    }

    func file(_ element: JSONSourceValue, into field: inout ImportedForm.Field) {
        field.type = .files
        if element["allowMultiple"]?.bool != true { field.limits.append(.init("count", .raw("1"))) }
        if let size = element["maxSize"]?.number, size > 0 { field.limits.append(.init("size", .raw(ValueReader.format(size)))) }
        if let types = element["acceptedTypes"]?.string {
            let list = types.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if !list.isEmpty { field.limits.append(.init("types", .raw("[" + list.map { ImportedYAML.quoted($0, flow: true) }.joined(separator: ", ") + "]"))) }
        }
    }

    /// `defaultValue` written as the field's type reads it; reported when it does not fit.
    func defaultValue(_ element: JSONSourceValue, into field: inout ImportedForm.Field, subject: String) {
        guard let member = element.member("defaultValue") else { return }
        let value = member.value
        func option(_ item: JSONSourceValue) -> String? {
            guard let text = item.scalarText else { return nil }
            return field.options.first { ($0.sourceValue ?? $0.id) == text }?.id
        }
        switch field.type {
        case .text, .multiline: field.defaultValue = value.scalarText.map(ImportedYAML.text)
        case .number: field.defaultValue = value.number.map { .raw(ValueReader.format($0)) }
        case .boolean: field.defaultValue = value.bool.map { .raw(String($0)) }
        case .date: field.defaultValue = value.string.flatMap { LocalDate(iso: $0) == nil ? nil : .raw($0) }
        case .choice: field.defaultValue = option(value).map(ImportedYAML.raw)
        case .multichoice:
            let ids = (value.array ?? [value]).map(option)
            field.defaultValue = ids.contains(nil) || ids.isEmpty ? nil : .sequence(ids.compactMap { $0 }.map(ImportedYAML.raw))
        default: field.defaultValue = nil
        }
        if field.defaultValue == nil {
            ledger.lose("defaultValue \(value.scalarText.map { "'\($0)'" } ?? value.kindDescription) (not an answer of a \(field.type.rawValue) field)",
                        subject: subject, line: member.line)
        }
    }
}
