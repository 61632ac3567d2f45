import Foundation
import FormrunnerCore

/// The help shown under a question: the field's own help, then what the answer must look like.
struct FieldHelp {
    let language: String

    /// The field's help and hints, one per line.
    func text(for field: FieldDefinition, hasDefault: Bool) -> String? {
        var lines: [String] = []
        if let help = field.help?.text(in: language), !help.isBlank { lines.append(help) }
        if let format = format(of: field) { lines.append(([format] + dateBounds(of: field)).joined(separator: "; ")) }
        if !field.required, field.type != .boolean, field.type != .choice {
            lines.append(hasDefault ? PromptText.clearHint(language) : PromptText.skipHint(language))
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    private func format(of field: FieldDefinition) -> String? {
        switch field.type {
        case .date: return RequesterText.dateFormat.text(language)
        case .datetime: return RequesterText.dateTimeFormat.text(language, (field.timeZone ?? .init(identifier: "UTC")!).identifier)
        case .email: return RequesterText.emailFormat.text(language)
        case .text where field.format != nil:
            switch field.format {
            case .url?: return RequesterText.urlFormat.text(language)
            case .phone?: return RequesterText.phoneFormat.text(language)
            default: return RequesterText.emailFormat.text(language)
            }
        case .number: return bounds(field.minimum, field.maximum, noun: RequesterText.aNumber.text(language))
        case .multichoice:
            let format = { (value: Double) in AnswerValue.number(value).plainText }
            switch (field.minimum, field.maximum) {
            case let (low?, high?): return RequesterText.chooseRange.text(language, format(low), format(high))
            case let (low?, nil): return RequesterText.chooseAtLeast.text(language, format(low))
            case let (nil, high?): return RequesterText.chooseAtMost.text(language, format(high))
            case (nil, nil): return nil
            }
        case .files:
            let limits = field.fileLimits ?? .default
            var text = RequesterText.filesFormat.text(language, String(limits.count), FileLimits.describe(size: limits.size))
            if !limits.types.isEmpty { text += "; " + RequesterText.fileTypes.text(language, limits.types.joined(separator: ", ")) }
            return text
        case .text, .multiline, .secret, .account:
            switch (field.minimumLength, field.maximumLength) {
            case let (low?, high?): return RequesterText.lengthRange.text(language, String(low), String(high))
            case let (low?, nil): return RequesterText.lengthAtLeast.text(language, String(low))
            case let (nil, high?): return RequesterText.lengthAtMost.text(language, String(high))
            case (nil, nil): return nil
            }
        case .boolean, .choice, .note: return nil
        }
    }

    /// "on or after 2026-12-03", "on or before 2027-01-02" for a date or datetime field's bounds.
    private func dateBounds(of field: FieldDefinition) -> [String] {
        let today = AnswerParser().today(for: field)
        var parts: [String] = []
        if let low = field.earliest { parts.append(RequesterText.onOrAfter.text(language, low.resolved(today: today))) }
        if let high = field.latest { parts.append(RequesterText.onOrBefore.text(language, high.resolved(today: today))) }
        return parts
    }

    private func bounds(_ low: Double?, _ high: Double?, noun: String) -> String? {
        let format = { (value: Double) in AnswerValue.number(value).plainText }
        switch (low, high) {
        case let (low?, high?): return RequesterText.numberRange.text(language, noun, format(low), format(high))
        case let (low?, nil): return RequesterText.numberAtLeast.text(language, noun, format(low))
        case let (nil, high?): return RequesterText.numberAtMost.text(language, noun, format(high))
        case (nil, nil): return nil
        }
    }
}
