import Foundation

/// Gives scalars a type only where the language expects one, refusing YAML 1.1's silent coercions.
struct ValueReader {
    let sink: DiagnosticSink

    /// Ids: a letter or digit first, then letters, digits, `_`, `-` and `.`.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 100,
              first.isASCII, CharacterSet.alphanumerics.contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "_-.".unicodeScalars.contains($0)) }
    }

    func scalar(_ node: YAMLNode, what: String) -> YAMLScalar? {
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            sink.error(.wrongKind, "expected a value for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        return scalar
    }

    func string(_ node: YAMLNode, what: String) -> String? {
        guard let scalar = scalar(node, what: what) else { return nil }
        if scalar.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            sink.error(.emptyValue, "\(what) is empty", at: scalar.location)
            return nil
        }
        return scalar.value
    }

    func identifier(_ node: YAMLNode, what: String) -> Reference? {
        guard let scalar = scalar(node, what: what) else { return nil }
        guard Self.isIdentifier(scalar.value) else {
            sink.error(.invalidID, "'\(scalar.value)' is not a valid id for \(what); use letters, digits, '_', '-' and '.'",
                       at: scalar.location)
            return nil
        }
        return Reference(id: scalar.value, location: scalar.location)
    }

    func label(_ node: YAMLNode, what: String) -> LocalizedText? {
        switch node {
        case .scalar:
            return string(node, what: what).map(LocalizedText.init)
        case .mapping(let mapping):
            var translations: [String: String] = [:]
            for entry in mapping.entries {
                guard LocalizedText.supportedLanguages.contains(entry.key.value) else {
                    sink.error(.unknownLanguage, "unknown language '\(entry.key.value)' in \(what); use "
                               + LocalizedText.supportedLanguages.joined(separator: ", ")
                               + Suggestion.hint(for: entry.key.value, in: LocalizedText.supportedLanguages),
                               at: entry.key.location)
                    continue
                }
                if let text = string(entry.value, what: "the '\(entry.key.value)' text of \(what)") {
                    translations[entry.key.value] = text
                }
            }
            guard translations["en"] != nil else {
                if !mapping.entries.contains(where: { $0.key.value == "en" }) {
                    sink.error(.missingEnglish, "\(what) has no English ('en') text, which every label needs as its fallback",
                               at: mapping.location)
                }
                return nil
            }
            return LocalizedText(translations: translations)
        case .sequence:
            sink.error(.wrongKind, "expected text for \(what), found a list", at: node.location)
            return nil
        }
    }

    func integer(_ node: YAMLNode, what: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let scalar = scalar(node, what: what) else { return nil }
        let text = scalar.value
        guard scalar.style == .plain, let value = Int(text), !text.hasPrefix("+") else {
            sink.error(.invalidValue, "expected a whole number for \(what), found '\(text)'", at: scalar.location)
            return nil
        }
        if Self.hasLeadingZero(text) {
            sink.error(.leadingZero, "'\(text)' has a leading zero; write \(value) (YAML 1.1 would read '\(text)' as an octal number)",
                       at: scalar.location)
            return nil
        }
        if let range, !range.contains(value) {
            sink.error(.outOfRange, "\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(value)",
                       at: scalar.location)
            return nil
        }
        return value
    }

    func number(_ node: YAMLNode, what: String) -> Double? {
        guard let scalar = scalar(node, what: what) else { return nil }
        let text = scalar.value
        guard scalar.style == .plain, Self.isDecimal(text), let value = Double(text) else {
            sink.error(.invalidValue, "expected a number for \(what), found '\(text)'", at: scalar.location)
            return nil
        }
        if Self.hasLeadingZero(text) {
            sink.error(.leadingZero, "'\(text)' has a leading zero; write \(Self.format(value)) (YAML 1.1 would read '\(text)' as an octal number)",
                       at: scalar.location)
            return nil
        }
        return value
    }

    func boolean(_ node: YAMLNode, what: String) -> Bool? {
        guard let scalar = scalar(node, what: what) else { return nil }
        if scalar.style == .plain, scalar.value == "true" { return true }
        if scalar.style == .plain, scalar.value == "false" { return false }
        let yaml11 = ["yes", "no", "on", "off", "y", "n", "True", "False", "TRUE", "FALSE", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF"]
        if yaml11.contains(scalar.value) {
            sink.error(.yaml11Boolean, "'\(scalar.value)' is not a boolean here; write true or false (YAML 1.1 would silently read '\(scalar.value)' as a boolean)",
                       at: scalar.location)
        } else {
            sink.error(.invalidValue, "expected true or false for \(what), found '\(scalar.value)'", at: scalar.location)
        }
        return nil
    }

    /// A list, or a single item treated as a list of one.
    func list<T>(_ node: YAMLNode, what: String, item: (YAMLNode) -> T?) -> [T] {
        switch node {
        case .sequence(let sequence): return sequence.items.compactMap(item)
        case .scalar: return item(node).map { [$0] } ?? []
        case .mapping:
            sink.error(.wrongKind, "expected a list for \(what), found a mapping", at: node.location)
            return []
        }
    }

    func keyword<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, as type: T.Type, what: String) -> T?
    where T.RawValue == String {
        guard let scalar = scalar(node, what: what) else { return nil }
        if let value = T(rawValue: scalar.value) { return value }
        let names = T.allCases.map(\.rawValue)
        sink.error(.unknownKeyword, "unknown value '\(scalar.value)' for \(what)" + Suggestion.hintOrList(for: scalar.value, in: names),
                   at: scalar.location)
        return nil
    }

    /// A duration (``DurationText``: `500ms`, `30s`, `10m`, `2h`, or plain seconds) in seconds.
    func duration(_ node: YAMLNode, what: String) -> TimeInterval? {
        guard let scalar = scalar(node, what: what) else { return nil }
        if let seconds = DurationText.seconds(scalar.value) { return seconds }
        sink.error(.invalidValue, "expected a duration such as 30s, 10m or 2h for \(what), found '\(scalar.value)'", at: scalar.location)
        return nil
    }

    static func hasLeadingZero(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return digits.count > 1 && digits.hasPrefix("0") && !digits.hasPrefix("0.")
    }

    static func isDecimal(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasPrefix("-") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return false }
        return true
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
