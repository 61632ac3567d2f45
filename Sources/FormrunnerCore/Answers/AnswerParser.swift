import Foundation

/// Turns the text of one answer into a typed ``AnswerValue`` for its field, or says what is wrong.
///
/// This is the single validation path shared by the interactive prompts and the non-interactive
/// `--answers` / `--set` input. Files are checked by ``AttachmentInspector`` instead.
public struct AnswerParser: Sendable {
    /// The instant answers are given at: `today` in `min:`/`max:` is its day in the form's zone.
    public var now: Date
    /// The language of the definition's own messages (`pattern_message`).
    public var language: String

    public init(now: Date = Date(), language: String = "en") {
        self.now = now
        self.language = language
    }

    /// Parses `raw` for `field`; the message of a failure is ready to show next to the question.
    public func parse(_ raw: RawAnswer, for field: FieldDefinition) -> Result<AnswerValue, AnswerProblem> {
        func fail(_ message: String) -> Result<AnswerValue, AnswerProblem> {
            .failure(AnswerProblem(field: field.id, message: message))
        }
        if field.type != .multichoice, field.type != .files, case .list = raw {
            return fail("expected one answer, got a list")
        }
        if case .group = raw {
            return fail("expected \(field.type == .multichoice || field.type == .files ? "a list of values" : "one answer"), got a list of items")
        }
        let text = raw.items.first.map { QuickTrim.whitespaces($0) } ?? ""
        switch field.type {
        case .text, .secret, .account:
            if field.type == .text, text.contains(where: \.isNewline) { return fail("must be a single line") }
            if let problem = checkLength(text, field) { return fail(problem) }
            return checkShape(text, field).mapError { AnswerProblem(field: field.id, message: $0.message) }
        case .multiline:
            let body = raw.items.first ?? ""
            if let problem = checkLength(body, field) { return fail(problem) }
            return checkShape(body, field).mapError { AnswerProblem(field: field.id, message: $0.message) }
        case .email:
            return Self.isEmail(text) ? .success(.text(text)) : fail("'\(text)' is not an e-mail address (name@example.com)")
        case .number:
            guard ValueReader.isDecimal(text), let value = Double(text) else { return fail("'\(text)' is not a number") }
            if let low = field.minimum, value < low { return fail("must be at least \(ValueReader.format(low)), got \(text)") }
            if let high = field.maximum, value > high { return fail("must be at most \(ValueReader.format(high)), got \(text)") }
            return .success(.number(value))
        case .date:
            guard let date = LocalDate(iso: text) else { return fail("'\(text)' is not a date; write YYYY-MM-DD") }
            return checkBounds(LocalDateTime(date: date, minutes: 0), shown: text, field).map { fail($0) } ?? .success(.date(date))
        case .datetime:
            guard let time = dateTime(text, in: field.timeZone) else {
                return fail("'\(text)' is not a date and time; write YYYY-MM-DD HH:MM")
            }
            return checkBounds(time, shown: time.description, field).map { fail($0) } ?? .success(.dateTime(time))
        case .boolean:
            switch text.lowercased() {
            case "true", "yes", "y", "sim", "s", "sí", "si": return mustBe(true, field).map { fail($0) } ?? .success(.boolean(true))
            case "false", "no", "n", "não", "nao": return mustBe(false, field).map { fail($0) } ?? .success(.boolean(false))
            default: return fail("answer yes or no, got '\(text)'")
            }
        case .choice:
            return option(text, field).map { .success(.choice($0)) } ?? fail(unknownOption(text, field))
        case .multichoice:
            let items = raw.items.count == 1 ? raw.items[0].split(separator: ",").map { QuickTrim.whitespaces(String($0)) }
                                             : raw.items.map { QuickTrim.whitespaces($0) }
            var chosen: [String] = []
            for item in items where !item.isEmpty {
                guard let id = option(item, field) else { return fail(unknownOption(item, field)) }
                if !chosen.contains(id) { chosen.append(id) }
            }
            if let low = field.minimum, Double(chosen.count) < low { return fail("choose at least \(ValueReader.format(low))") }
            if let high = field.maximum, Double(chosen.count) > high { return fail("choose at most \(ValueReader.format(high))") }
            if let problem = missingOptions(chosen, field) { return fail(problem) }
            let ordered = field.options.map(\.id).filter(chosen.contains)
            return .success(.choices(ordered))
        case .files:
            return fail("files are checked by the attachment inspector")
        case .note:
            return fail("'\(field.id)' is a note, not a question; it takes no answer")
        case .group:
            return fail("a group's items are checked by FormAnswers")
        }
    }

    /// An option id from its id or its label (case-insensitive).
    private func option(_ text: String, _ field: FieldDefinition) -> String? {
        if let exact = field.option(text) { return exact.id }
        let lowered = text.lowercased()
        return field.options.first { $0.id.lowercased() == lowered || $0.label.english.lowercased() == lowered }?.id
    }

    private func unknownOption(_ text: String, _ field: FieldDefinition) -> String {
        let ids = field.options.map(\.id)
        return "'\(text)' is not an option" + Suggestion.hintOrList(for: text, in: ids)
    }

    private func checkLength(_ text: String, _ field: FieldDefinition) -> String? {
        let count = text.count
        if let low = field.minimumLength, count < low { return "must be at least \(low) characters, got \(count)" }
        if let high = field.maximumLength, count > high { return "must be at most \(high) characters, got \(count)" }
        if let words = field.minimumWords {
            let given = text.split(whereSeparator: { $0.isWhitespace }).count
            if given < words { return "must have at least \(words) words, got \(given)" }
        }
        return nil
    }

    /// A pragmatic address check: one `@`, a non-empty local part, a dotted domain, no spaces of
    /// any kind (U+2028 and NEL included), no control characters (C0, DEL or C1).
    public static func isEmail(_ text: String) -> Bool {
        asciiIsEmail(text) ?? unicodeIsEmail(text)
    }

    /// ``isEmail(_:)`` of an all-ASCII `text`, byte by byte (the same answer, without Unicode
    /// properties); `nil` when `text` is not all ASCII.
    static func asciiIsEmail(_ text: String) -> Bool? {
        var at: Int?
        var count = 0
        var valid = true
        for byte in text.utf8 {
            if byte >= 0x80 { return nil }
            switch byte {
            case 0...0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
                 UInt8(ascii: "\\"), UInt8(ascii: "\""):
                valid = false
            case UInt8(ascii: "@"):
                if at != nil { valid = false }
                at = count
            default:
                break
            }
            count += 1
        }
        guard valid, let at, at > 0, at <= 64, count <= 254 else { return false }
        // The domain: at least two dot-separated labels, none empty or beginning or ending with a
        // hyphen, the last at least two long.
        var labels = 0, length = 0
        var previous: UInt8 = 0
        for byte in text.utf8.dropFirst(at + 1) {
            if byte == UInt8(ascii: ".") {
                if length == 0 || previous == UInt8(ascii: "-") { return false }
                labels += 1
                length = 0
            } else {
                if length == 0, byte == UInt8(ascii: "-") { return false }
                length += 1
            }
            previous = byte
        }
        if length == 0 || previous == UInt8(ascii: "-") { return false }
        return labels + 1 >= 2 && length >= 2
    }

    /// ``isEmail(_:)`` for any text.
    static func unicodeIsEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, text.count <= 254,
              text.unicodeScalars.allSatisfy({ $0.value > 0x20 && !(0x7F...0x9F).contains($0.value) && !$0.properties.isWhitespace
                  && !"<>()[],;:\\\"".unicodeScalars.contains($0) })
        else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
            && (labels.last?.count ?? 0) >= 2
    }
}
