/// A YAML value an importer writes, with its keys in the order they are to be written.
///
/// The importers build a form as this tree and ``text`` writes it in the catalog's layout: block
/// mappings indented by two, list items indented under their key, option lists in flow style
/// (`- {id: a, label: A}`), and every string quoted only when the strict reader could misread it.
public indirect enum ImportedYAML: Sendable, Hashable {
    /// A string: written plain when that reads back as the same text, else double-quoted, and as a
    /// literal block (`|-`) when it spans lines.
    case text(String)
    /// Written exactly as given: numbers, `true`/`false`, ids.
    case raw(String)
    /// A block mapping.
    case mapping([Entry])
    /// A mapping on one line, `{key: value, …}` (its values must be single-line).
    case flow([Entry])
    /// A block list.
    case sequence([ImportedYAML])

    /// One key and its value.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: ImportedYAML

        public init(_ key: String, _ value: ImportedYAML) {
            self.key = key
            self.value = value
        }
    }

    /// The YAML text of a top-level mapping (or any value), ending with a newline.
    public var text: String {
        var lines: [String] = []
        switch self {
        case .mapping(let entries): Self.write(entries, indent: 0, into: &lines)
        default: lines.append(inline ?? "")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The value written on the line of its key, or `nil` when it needs lines of its own.
    var inline: String? {
        switch self {
        case .raw(let value): return value
        case .text(let value): return value.contains("\n") && Self.fitsLiteralBlock(value) ? nil : Self.quoted(value, flow: false)
        case .flow(let entries):
            return "{" + entries.map { "\($0.key): " + $0.value.flowText }.joined(separator: ", ") + "}"
        case .mapping(let entries): return entries.isEmpty ? "{}" : nil
        case .sequence(let items): return items.isEmpty ? "[]" : nil
        }
    }

    private var flowText: String {
        switch self {
        case .text(let value): return Self.quoted(value, flow: true)
        default: return inline ?? ""
        }
    }

    private static func write(_ entries: [Entry], indent: Int, into lines: inout [String], firstPrefix: String? = nil) {
        let pad = String(repeating: " ", count: indent)
        for (index, entry) in entries.enumerated() {
            let lead = index == 0 ? (firstPrefix ?? pad) : pad
            if let inline = entry.value.inline {
                lines.append(lead + entry.key + ": " + inline)
                continue
            }
            switch entry.value {
            case .text(let value):
                lines.append(lead + entry.key + ": |-")
                lines += value.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "" : pad + "  " + $0 }
            case .mapping(let nested):
                lines.append(lead + entry.key + ":")
                write(nested, indent: indent + 2, into: &lines)
            case .sequence(let items):
                lines.append(lead + entry.key + ":")
                write(items, indent: indent + 2, into: &lines)
            default: break
            }
        }
    }

    private static func write(_ items: [ImportedYAML], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            switch item {
            case .mapping(let entries) where !entries.isEmpty:
                write(entries, indent: indent + 2, into: &lines, firstPrefix: pad + "- ")
            case .sequence(let nested) where !nested.isEmpty:
                lines.append(pad + "-")
                write(nested, indent: indent + 2, into: &lines)
            default:
                lines.append(pad + "- " + (item.inline ?? Self.quoted(item.stringValue, flow: false)))
            }
        }
    }

    private var stringValue: String {
        if case .text(let value) = self { return value }
        return inline ?? ""
    }

    /// Whether multi-line text reads back unchanged from a `|-` block: no tabs, carriage returns or
    /// other control characters, no leading space on its first line, no trailing blanks.
    static func fitsLiteralBlock(_ text: String) -> Bool {
        guard let first = text.first, first != " ", !text.hasSuffix("\n") else { return false }
        if text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || needsEscape($0) }) { return false }
        return !text.split(separator: "\n", omittingEmptySubsequences: false).contains { $0.hasSuffix(" ") }
    }

    /// `text` plain when it reads back as itself, else double-quoted with escapes.
    static func quoted(_ text: String, flow: Bool) -> String {
        isPlainSafe(text, flow: flow) ? text : doubleQuoted(text)
    }

    static func isPlainSafe(_ text: String, flow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`+.0123456789".unicodeScalars.contains(first) { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        if flow, text.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || needsEscape($0) }) { return false }
        let word = text.lowercased()
        return !["true", "false", "null", "~", "yes", "no", "on", "off", "y", "n"].contains(word)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0xFEFF || (0x2028...0x2029).contains(scalar.value)
    }

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
