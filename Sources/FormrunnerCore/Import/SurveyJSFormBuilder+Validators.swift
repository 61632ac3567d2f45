/// SurveyJS validators: `numeric` → `min`/`max`, `text` → lengths, `regex` → `pattern`, `email` →
/// `format: email`, `answercount` → how many options; the rest are reported.
extension SurveyJSFormBuilder {
    func validators(_ element: JSONSourceValue, into field: inout ImportedForm.Field, subject: String) {
        for validator in element["validators"]?.array ?? [] {
            let type = validator["type"]?.string ?? ""
            let message = validator["text"].flatMap { text($0, subject: subject, what: "\(type) validator's text", line: validator.line) }
            var messageKept = false
            switch type {
            case "numeric" where [.number, .text].contains(field.type):
                field.type = .number
                field.format = nil
                field.maximumLength = nil
                if let low = validator["minValue"]?.number { field.minimum = .raw(ValueReader.format(low)) }
                if let high = validator["maxValue"]?.number { field.maximum = .raw(ValueReader.format(high)) }
            case "text" where [.text, .multiline, .secret].contains(field.type):
                if let low = validator["minLength"]?.number, low > 0 { field.minimumLength = Int(low) }
                if let high = validator["maxLength"]?.number, high > 0 { field.maximumLength = Int(high) }
                if validator["allowDigits"]?.bool == false {
                    ledger.lose("allowDigits: false of its text validator", subject: subject, line: validator.member("allowDigits")?.line ?? validator.line)
                }
            case "regex" where [.text, .multiline, .secret].contains(field.type):
                guard let regex = validator["regex"]?.string else { continue }
                field.pattern = Self.wholeAnswerPattern(regex)
                field.patternMessage = message
                messageKept = message != nil
            case "email" where field.type == .text:
                field.format = "email"
            case "answercount" where field.type == .multichoice:
                if let low = validator["minCount"]?.number { field.minimum = .raw(ValueReader.format(low)) }
                if let high = validator["maxCount"]?.number { field.maximum = .raw(ValueReader.format(high)) }
            default:
                ledger.lose("its \(type.isEmpty ? "untyped" : type) validator (no formrunner rule of that kind for a \(field.type.rawValue) field)",
                            subject: subject, line: validator.line)
                continue
            }
            if let message, !messageKept {
                ledger.lose("the message of its \(type) validator, '\(message.english)' (formrunner gives its own)", subject: subject,
                            line: validator.member("text")?.line ?? validator.line)
            }
        }
    }

    /// SurveyJS tests a regex anywhere in the answer; formrunner's pattern must match all of it.
    static func wholeAnswerPattern(_ regex: String) -> String {
        var body = regex, anchoredStart = false, anchoredEnd = false
        if body.hasPrefix("^") {
            body.removeFirst()
            anchoredStart = true
        }
        if body.hasSuffix("$"), !body.hasSuffix("\\$") {
            body.removeLast()
            anchoredEnd = true
        }
        if anchoredStart, anchoredEnd { return body }
        return (anchoredStart ? "" : ".*") + "(?:" + body + ")" + (anchoredEnd ? "" : ".*")
    }
}
