import Foundation

/// The validation keys of a field: `pattern:` (with `pattern_message:`), `format:`, `must_be:`,
/// and the `min:`/`max:` of date and datetime fields.
extension FormDecoder {
    func decodeRules(_ reader: MappingReader, into field: inout FieldDefinition) {
        let textual = [.text, .multiline, .secret].contains(field.type)
        for key in ["pattern", "pattern_message"] where reader.has(key) && !textual {
            sink.error("'\(key)' only applies to text, multiline and secret fields, and '\(field.id)' is \(field.type.rawValue)",
                       at: reader.keyLocation(key))
        }
        if textual, let scalar = reader.scalar("pattern", required: false) {
            field.pattern = pattern(scalar, field: field, message: reader.label("pattern_message", required: false))
        } else if textual, reader.has("pattern_message") {
            sink.error("'pattern_message' of '\(field.id)' has no 'pattern' to go with", at: reader.keyLocation("pattern_message"))
        }
        if reader.has("format"), field.type != .text {
            sink.error("'format' only applies to text fields, and '\(field.id)' is \(field.type.rawValue)",
                       at: reader.keyLocation("format"))
        } else if field.type == .text {
            field.format = reader.keyword("format", as: TextFormat.self, required: false)
        }
        if reader.has("must_be"), field.type != .boolean {
            sink.error("'must_be' only applies to boolean fields, and '\(field.id)' is \(field.type.rawValue)",
                       at: reader.keyLocation("must_be"))
        } else if field.type == .boolean, let value = reader.boolean("must_be") {
            field.mustBe = value
            if field.requiredWasWritten, !field.required {
                sink.error("field '\(field.id)' says `required: false` but `must_be: \(value)` needs an answer; remove `required`",
                           at: reader.keyLocation("required"))
            }
        }
    }

    /// A compiled, safe pattern; reports one that does not compile, that backtracks exponentially,
    /// or that needs more characters than `max_length` allows.
    private func pattern(_ scalar: YAMLScalar, field: FieldDefinition, message: LocalizedText?) -> FieldPattern? {
        let location = scalar.contentLocation
        guard (try? NSRegularExpression(pattern: scalar.value)) != nil else {
            sink.error("the 'pattern' of '\(field.id)' is not a valid regular expression", at: location)
            return nil
        }
        let shape = RegexShape.parse(scalar.value)
        if let shape, let nested = RegexShape.nestedRepetition(shape) {
            sink.error("the 'pattern' of '\(field.id)' repeats a repetition ('\(nested)'), which can take exponential time "
                       + "on some answers; repeat the inner part once (for example '(a+)+' becomes 'a+')", at: location)
            return nil
        }
        if let shape, let needed = RegexShape.minimumLength(shape), let high = field.maximumLength, needed > high {
            sink.error("the 'pattern' of '\(field.id)' needs at least \(needed) characters but 'max_length' is \(high): "
                       + "no answer can satisfy both", at: location)
            return nil
        }
        return FieldPattern(source: scalar.value, message: message, location: location)
    }

    func decodeDateBounds(_ reader: MappingReader, into field: inout FieldDefinition) {
        func bound(_ key: String) -> DateBound? {
            guard let scalar = reader.scalar(key, required: false) else { return nil }
            if let bound = DateBound(scalar.value) {
                if field.type == .date, case .time = bound {
                    sink.error("'\(key)' of date field '\(field.id)' is a day, not a time: write YYYY-MM-DD", at: scalar.location)
                    return nil
                }
                return bound
            }
            let times = field.type == .datetime ? ", YYYY-MM-DDTHH:MM" : ""
            sink.error("expected YYYY-MM-DD\(times), today, or today+N d / today-N d (today+30d) for '\(key)' of '\(field.id)', "
                       + "found '\(scalar.value)'", at: scalar.location)
            return nil
        }
        field.earliest = bound("min")
        field.latest = bound("max")
        guard let low = field.earliest, let high = field.latest else { return }
        // Both fixed, or both relative to today: comparable whatever the day.
        let today = LocalDate(year: 2000, month: 1, day: 1)!
        var comparable = true
        switch (low, high) {
        case (.today, .today): break
        case (.today, _), (_, .today): comparable = false
        default: break
        }
        if comparable, high.end(today: today) < low.start(today: today) {
            sink.error("'min' (\(low)) is after 'max' (\(high)): no \(field.type.rawValue) can satisfy both", at: reader.keyLocation("min"))
        }
    }
}
