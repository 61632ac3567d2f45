import Foundation

/// Keeps what the person wrote in a reply: drops the quoted message and the signature.
///
/// Cut from the first line that starts the quoted message — an attribution line (`On … wrote:`,
/// `Em … escreveu:`, `El … escribió:`, `Le … a écrit :`, `Am … schrieb:`, also when the mailer
/// wrapped it over two lines), an Outlook `-----Original Message-----` (or `Mensagem original`,
/// `Mensaje original`), or an Outlook header block (`From:` followed by `Sent:`/`Date:`/`Enviado:`…);
/// then from a signature delimiter (`-- `) or a trailing `Sent from my …`/`Enviado do meu …` line.
/// Remaining lines that start with `>` (inline quoting) are dropped too.
public enum ReplyCleaner {
    /// The cleaned text: no quote, no signature, no leading or trailing blank lines, at most one
    /// blank line in a row.
    public static func clean(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = normalized.components(separatedBy: "\n")
        if let cut = quoteStart(lines) { lines = Array(lines[..<cut]) }
        if let cut = lines.firstIndex(where: { $0 == "-- " || $0 == "--" }) { lines = Array(lines[..<cut]) }
        lines = lines.filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix(">") }
        while let last = lines.last?.trimmingCharacters(in: .whitespaces),
              last.allSatisfy({ $0 == "_" }) || isMobileSignature(last) {
            lines.removeLast()
        }
        var output: [String] = []
        for line in lines.map({ $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }) {
            if line.isEmpty && (output.last?.isEmpty ?? true) { continue }
            output.append(line)
        }
        return output.joined(separator: "\n")
    }

    /// The index of the line the quoted message starts at.
    static func quoteStart(_ lines: [String]) -> Int? {
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let next = index + 1 < lines.count ? lines[index + 1].trimmingCharacters(in: .whitespaces) : ""
            if isAttribution(line) || (startsAttribution(line) && isAttribution(line + " " + next)) { return index }
            if isOriginalMessageRule(line) { return index }
            if isHeaderBlock(at: index, in: lines) { return index }
        }
        return nil
    }

    private static let attributions: [(start: String, end: String)] = [
        ("on ", "wrote:"), ("em ", "escreveu:"), ("el ", "escribió:"), ("le ", "a écrit :"), ("le ", "a écrit:"),
        ("am ", "schrieb:"), ("op ", "geschreven:"), ("il ", "ha scritto:"),
    ]

    private static func startsAttribution(_ line: String) -> Bool {
        let lower = line.lowercased()
        return attributions.contains { lower.hasPrefix($0.start) }
    }

    private static func isAttribution(_ line: String) -> Bool {
        let lower = line.lowercased()
        return attributions.contains { lower.hasPrefix($0.start) && lower.hasSuffix($0.end) }
    }

    private static func isOriginalMessageRule(_ line: String) -> Bool {
        let lower = line.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "-_ "))
        return line.hasPrefix("-----") && ["original message", "mensagem original", "mensaje original",
                                           "message d'origine", "ursprüngliche nachricht"].contains(lower)
    }

    /// `From: …` followed within three lines by `Sent:`, `Date:`, `Enviado:`, `Enviada em:` or
    /// `Fecha:` (Outlook's quoted header), possibly under a line of underscores.
    private static func isHeaderBlock(at index: Int, in lines: [String]) -> Bool {
        let fromWords = ["from:", "de:", "von:"]
        let dateWords = ["sent:", "date:", "enviado:", "enviada em:", "enviado el:", "fecha:", "data:", "gesendet:"]
        let line = lines[index].trimmingCharacters(in: .whitespaces).lowercased()
        let candidate = line.hasPrefix("*") ? String(line.drop { $0 == "*" }) : line
        guard fromWords.contains(where: { candidate.hasPrefix($0) }) else { return false }
        for offset in 1...3 where index + offset < lines.count {
            let later = lines[index + offset].trimmingCharacters(in: .whitespaces).lowercased().drop { $0 == "*" }
            if dateWords.contains(where: { later.hasPrefix($0) }) { return true }
        }
        return false
    }

    private static func isMobileSignature(_ line: String) -> Bool {
        let lower = line.lowercased()
        return ["sent from my ", "enviado do meu ", "enviado desde mi ", "enviado de meu ", "get outlook for "]
            .contains { lower.hasPrefix($0) }
    }
}
