import Foundation

/// The addresses in an address header (`To`, `Cc`, `From`…): what is inside `<…>`, or bare
/// `local@domain` words; display names, comments and groups are skipped. Addresses are lower-cased.
enum AddressList {
    /// Every address in `value`.
    static func addresses(in value: String) -> [String] {
        var result: [String] = []
        for mailbox in mailboxes(value) {
            if let open = mailbox.lastIndex(of: "<"), let close = mailbox.lastIndex(of: ">"), open < close {
                let inner = mailbox[mailbox.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
                if inner.contains("@") { result.append(inner.lowercased()) }
                continue
            }
            for word in mailbox.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" }) where word.contains("@") {
                result.append(word.trimmingCharacters(in: CharacterSet(charactersIn: "\"'();,")).lowercased())
            }
        }
        return result
    }

    /// The display name of the first mailbox, if it has one.
    static func displayName(in value: String) -> String? {
        guard let first = mailboxes(value).first, let open = first.lastIndex(of: "<") else { return nil }
        var name = first[..<open].trimmingCharacters(in: .whitespaces)
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
        return name.isEmpty ? nil : EncodedWordDecoder.decode(name)
    }

    /// Splits on commas outside quotes, angle brackets and comments.
    private static func mailboxes(_ value: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quoted = false, angle = false, comment = 0
        for character in value {
            switch character {
            case "\"" where comment == 0: quoted.toggle()
            case "<" where !quoted && comment == 0: angle = true
            case ">" where !quoted && comment == 0: angle = false
            case "(" where !quoted: comment += 1
            case ")" where !quoted && comment > 0:
                comment -= 1
                continue
            case "," where !quoted && !angle && comment == 0:
                pieces.append(current)
                current = ""
                continue
            default: break
            }
            if comment == 0 { current.append(character) }
        }
        pieces.append(current)
        return pieces.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
