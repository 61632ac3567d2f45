import Foundation

/// The definition's validation keys, checked on every answer: `format:`, `pattern:`, date and
/// datetime `min:`/`max:` (fixed or relative to today), `must_be:` and options that must be chosen.
extension AnswerParser {
    /// A text answer with its `format:` and `pattern:` checked; a phone number comes back in E.164.
    func checkShape(_ text: String, _ field: FieldDefinition) -> Result<AnswerValue, AnswerProblem> {
        func fail(_ message: String) -> Result<AnswerValue, AnswerProblem> {
            .failure(AnswerProblem(field: field.id, message: message))
        }
        var value = text
        switch field.format {
        case .url?:
            guard Self.isWebAddress(text) else { return fail("'\(text)' is not a web address (https://example.com)") }
        case .email?:
            guard Self.isEmail(text) else { return fail("'\(text)' is not an e-mail address (name@example.com)") }
        case .phone?:
            guard let phone = Self.e164(text) else {
                return fail("'\(text)' is not a phone number in international format (+5511999990000)")
            }
            value = phone
        case nil:
            break
        }
        if let pattern = field.pattern, !text.isEmpty, !Self.matches(pattern.source, wholeOf: value) {
            return fail(pattern.message?.text(in: language) ?? "must match the pattern \(pattern.source)")
        }
        return .success(.text(value))
    }

    /// Whether the whole of `text` matches `pattern` (patterns are checked when the catalog loads).
    static func matches(_ pattern: String, wholeOf text: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: "\\A(?:" + pattern + ")\\z") else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// An `http` or `https` address with a host and no spaces.
    static func isWebAddress(_ text: String) -> Bool {
        guard !text.contains(where: { $0.isWhitespace }), let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty, !host.hasPrefix("."), !host.hasSuffix(".") else { return false }
        return host.contains(".") || host == "localhost"
    }

    /// `+` and 8 to 15 digits, the first not 0, once spaces, dots, dashes and parentheses are removed.
    static func e164(_ text: String) -> String? {
        let kept = text.filter { !" .-()\u{A0}".contains($0) }
        guard kept.hasPrefix("+") else { return nil }
        let digits = kept.dropFirst()
        guard (8...15).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.first != "0" else { return nil }
        return kept
    }

    /// `YYYY-MM-DDTHH:MM` (or with a space) in the field's zone, or with an offset (`Z`, `-03:00`)
    /// converted to that zone.
    func dateTime(_ text: String, in zone: TimeZone?) -> LocalDateTime? {
        if let local = LocalDateTime(iso: text) { return local }
        var body = Substring(text), offset = 0
        if body.hasSuffix("Z") || body.hasSuffix("z") {
            body = body.dropLast()
        } else if body.count > 16, let sign = body.lastIndex(where: { $0 == "+" || $0 == "-" }),
                  body.distance(from: body.startIndex, to: sign) >= 16 {
            let parts = body[body.index(after: sign)...].split(separator: ":")
            guard parts.count <= 2, let hours = Int(parts[0].prefix(2)), hours <= 14,
                  let minutes = Int(parts.count == 2 ? parts[1] : parts[0].dropFirst(2).isEmpty ? "0" : parts[0].dropFirst(2)),
                  minutes < 60 else { return nil }
            offset = (hours * 60 + minutes) * (body[sign] == "-" ? -1 : 1)
            body = body[..<sign]
        } else {
            return nil
        }
        guard let written = LocalDateTime(iso: String(body)) else { return nil }
        let seconds = (Double(written.date.dayNumber) * 86_400) + Double((written.minutes - offset) * 60)
        return LocalDateTime(Date(timeIntervalSince1970: seconds), in: zone ?? TimeZone(identifier: "UTC") ?? .current)
    }

    /// Today in the field's zone.
    public func today(for field: FieldDefinition) -> LocalDate {
        LocalDateTime(now, in: field.timeZone ?? TimeZone(identifier: "UTC") ?? .current).date
    }

    /// The problem with a date or datetime answer outside the field's `min:`/`max:`.
    func checkBounds(_ value: LocalDateTime, shown: String, _ field: FieldDefinition) -> String? {
        let today = today(for: field)
        if let low = field.earliest, value < low.start(today: today) {
            return "must be on or after \(low.text(today: today)), got \(shown)"
        }
        if let high = field.latest, high.end(today: today) < value {
            return "must be on or before \(high.text(today: today)), got \(shown)"
        }
        return nil
    }

    /// The problem with a boolean answer other than the field's `must_be:`.
    func mustBe(_ value: Bool, _ field: FieldDefinition) -> String? {
        guard let wanted = field.mustBe, wanted != value else { return nil }
        return Self.mustBeMessage(field)
    }

    /// `'I agree to the terms' must be accepted` (`must_be: true`), `… must be no` (`must_be: false`).
    public static func mustBeMessage(_ field: FieldDefinition) -> String {
        "'\(field.label.english)' must be " + (field.mustBe == false ? "no" : "accepted")
    }

    /// The problem with a multichoice answer that leaves out options with `required: true`.
    func missingOptions(_ chosen: [String], _ field: FieldDefinition) -> String? {
        let missing = field.requiredOptions.filter { !chosen.contains($0.id) }.map { "'\($0.label.text(in: language))'" }
        guard let last = missing.last else { return nil }
        return "must include " + (missing.count == 1 ? last : missing.dropLast().joined(separator: ", ") + " and " + last)
    }
}
