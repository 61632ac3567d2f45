import Foundation

/// How ``DefinitionFormatter`` writes one scalar: plain, quoted or as a `|` block.
///
/// A scalar written plain stays plain (the language reads `1`, `true` and `~` only when plain); a
/// quoted one becomes plain only when it cannot pass for anything but text.
enum ScalarStyle {
    /// The scalar on one line (plain or quoted), or `nil` when it needs a block (several lines) or,
    /// in flow, cannot be written there.
    static func inline(_ scalar: YAMLScalar, flow: Bool) -> String? {
        let value = scalar.value
        if scalar.isNull { return flow ? nil : value }
        if value.contains("\n") || value.contains("\r") { return flow ? quoted(value) : nil }
        if (scalar.style == .plain || !looksTyped(value)) && isPlainSafe(value, flow: flow) { return value }
        if scalar.style == .plain { return nil }
        return quoted(value)
    }

    /// A mapping key: plain when it can be, else quoted (a key's meaning is its text alone).
    static func key(_ scalar: YAMLScalar, flow: Bool) -> String? {
        isPlainSafe(scalar.value, flow: flow) ? scalar.value : quoted(scalar.value)
    }

    /// Whether text quoted in the file would read as something else if written plain.
    static func looksTyped(_ value: String) -> Bool {
        let words: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", "-.inf", "+.inf", ".nan"]
        if value.isEmpty || words.contains(value.lowercased()) { return true }
        let numeric = value.unicodeScalars.allSatisfy { "0123456789+-._eExXoOabcdefABCDEF:".unicodeScalars.contains($0) }
        return numeric && value.unicodeScalars.contains { ("0"..."9").contains($0) }
    }

    /// Whether YAML reads `value`, written plain, back as the same text.
    static func isPlainSafe(_ value: String, flow: Bool) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if scalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{FEFF}" }) { return false }
        if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if "-?:".unicodeScalars.contains(first) {
            guard scalars.count > 1, scalars[1] != " " else { return false }
            if flow, ",[]{}".unicodeScalars.contains(scalars[1]) { return false }
        }
        if value.contains(": ") || value.contains(" #") { return false }
        if flow, scalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        return true
    }

    /// `"text"` with escapes, or `'text'` for text holding a `"` and nothing that needs an escape.
    static func quoted(_ value: String) -> String {
        let needsEscape = value.unicodeScalars.contains { $0 == "\\" || $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        if value.contains("\""), !needsEscape {
            return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        }
        return JSONValue.quoted(value)
    }

    /// Text of several lines as a literal block: its header (`|`, `|-`, `|+`, with an indentation
    /// digit when the first line starts with a space) and its lines; `nil` when a block cannot hold
    /// it exactly (a line of only spaces, control characters).
    static func literal(_ value: String) -> (header: String, lines: [String])? {
        guard !value.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
        else { return nil }
        var body = Substring(value)
        var trailingBreaks = 0
        while body.hasSuffix("\n") { body = body.dropLast(); trailingBreaks += 1 }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !body.isEmpty, !lines.contains(where: { !$0.isEmpty && $0.allSatisfy { $0 == " " } }) else { return nil }
        let chomping = trailingBreaks == 0 ? "-" : trailingBreaks == 1 ? "" : "+"
        let indicator = lines[0].hasPrefix(" ") ? "2" : ""
        return ("|" + indicator + chomping, lines + Array(repeating: "", count: max(0, trailingBreaks - 1)))
    }
}
