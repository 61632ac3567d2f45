import FormrunnerCore

/// The help shown under a question: the field's own help, then what the answer must look like.
struct FieldHelp {
    let language: String

    /// The field's help and hints, one per line.
    func text(for field: FieldDefinition, hasDefault: Bool) -> String? {
        var lines: [String] = []
        if let help = field.help?.text(in: language), !help.isBlank { lines.append(help) }
        if let format = format(of: field) { lines.append(format) }
        if !field.required, field.type != .boolean, field.type != .choice {
            lines.append(hasDefault ? PromptText.clearHint : PromptText.skipHint)
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    private func format(of field: FieldDefinition) -> String? {
        switch field.type {
        case .date: return "a date: YYYY-MM-DD"
        case .email: return "an e-mail address: name@example.com"
        case .number: return bounds(field.minimum, field.maximum, noun: "a number")
        case .multichoice:
            let format = { (value: Double) in AnswerValue.number(value).plainText }
            switch (field.minimum, field.maximum) {
            case let (low?, high?): return "choose \(format(low)) to \(format(high)) options"
            case let (low?, nil): return "choose at least \(format(low))"
            case let (nil, high?): return "choose at most \(format(high))"
            case (nil, nil): return nil
            }
        case .files:
            let limits = field.fileLimits ?? .default
            var text = "file paths separated by commas; up to \(limits.count) file(s) of at most \(FileLimits.describe(size: limits.size)) each"
            if !limits.types.isEmpty { text += "; types: " + limits.types.joined(separator: ", ") }
            return text
        case .text, .multiline, .secret, .account:
            switch (field.minimumLength, field.maximumLength) {
            case let (low?, high?): return "\(low) to \(high) characters"
            case let (low?, nil): return "at least \(low) characters"
            case let (nil, high?): return "at most \(high) characters"
            case (nil, nil): return nil
            }
        case .boolean, .choice: return nil
        }
    }

    private func bounds(_ low: Double?, _ high: Double?, noun: String) -> String? {
        let format = { (value: Double) in AnswerValue.number(value).plainText }
        switch (low, high) {
        case let (low?, high?): return "\(noun) from \(format(low)) to \(format(high))"
        case let (low?, nil): return "\(noun): at least \(format(low))"
        case let (nil, high?): return "\(noun): at most \(format(high))"
        case (nil, nil): return nil
        }
    }
}
