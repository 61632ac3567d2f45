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
    /// What is recorded of a reply: the text the person wrote, or the whole text when none could be
    /// told apart from the quote (`isWholeText`); empty only when the message has no text at all.
    public struct Reply: Hashable, Sendable {
        /// The text.
        public var text: String
        /// Whether it is the whole text of the message, because cleaning left nothing.
        public var isWholeText: Bool
    }

    /// The reply in `text`: the cleaned text above the quote; when that is empty, the unquoted text
    /// below or between the quotes (bottom-posting, as Thunderbird users do); when that is empty
    /// too but the message has text, the whole text, marked so.
    public static func reply(in text: String) -> Reply {
        let cleaned = clean(text)
        if !cleaned.isEmpty { return Reply(text: cleaned, isWholeText: false) }
        let lines = normalizedLines(text)
        let below = tidy(lines.enumerated().filter { index, line in
            !isQuoted(line) && !isAttributionLine(at: index, in: lines)
        }.map(\.element))
        if !below.isEmpty { return Reply(text: below, isWholeText: false) }
        let whole = tidy(lines, keepQuotes: true)
        return Reply(text: whole, isWholeText: !whole.isEmpty)
    }

    /// The cleaned text: no quote, no signature, no leading or trailing blank lines, at most one
    /// blank line in a row.
    public static func clean(_ text: String) -> String {
        var lines = normalizedLines(text)
        if let cut = quoteStart(lines) { lines = Array(lines[..<cut]) }
        return tidy(lines)
    }

    private static func normalizedLines(_ text: String) -> [String] {
        // On the bytes: splitting on Characters would segment every grapheme of a long message.
        var lines: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(String(text[start..<index]))
                var next = utf8.index(after: index)
                if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                index = next
            } else {
                index = utf8.index(after: index)
            }
        }
        lines.append(String(text[start...]))
        return lines
    }

    private static func isQuoted(_ line: String) -> Bool {
        line.drop { $0 == " " || $0 == "\t" }.hasPrefix(">")
    }

    /// `text` without spaces and tabs at either end (in the standard library: Foundation's
    /// trimming is far slower, and it runs on every line of a message).
    static func trim(_ text: String, also extra: [UInt8] = []) -> String {
        let utf8 = text.utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || extra.contains(byte) }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(text[first...last])
    }

    /// Signature and `>` lines removed (unless `keepQuotes`), trailing spaces and blank runs tidied.
    private static func tidy(_ input: [String], keepQuotes: Bool = false) -> String {
        var lines = input
        if !keepQuotes, let cut = lines.firstIndex(where: { $0 == "-- " || $0 == "--" }) { lines = Array(lines[..<cut]) }
        if !keepQuotes { lines = lines.filter { !isQuoted($0) } }
        while let last = lines.last.map({ trim($0) }),
              !keepQuotes && (last.allSatisfy({ $0 == "_" }) || isMobileSignature(last)) {
            lines.removeLast()
        }
        var output: [String] = []
        for raw in lines {
            var line = Substring(raw)
            while let last = line.last, last.isWhitespace { line = line.dropLast() }
            if line.isEmpty && (output.last?.isEmpty ?? true) { continue }
            output.append(String(line))
        }
        while output.last?.isEmpty == true { output.removeLast() }
        return output.joined(separator: "\n")
    }

    /// The index of the line the quoted message starts at.
    static func quoteStart(_ lines: [String]) -> Int? {
        for index in lines.indices {
            if isAttributionLine(at: index, in: lines) { return index }
            if lines[index].utf8.contains(0x2D), isOriginalMessageRule(trim(lines[index])) { return index }
            if isHeaderBlock(at: index, in: lines) { return index }
        }
        return nil
    }

    /// Whether the line at `index` is an attribution, alone or wrapped over the next one or two lines.
    private static func isAttributionLine(at index: Int, in lines: [String]) -> Bool {
        let line = trim(lines[index])
        guard !line.isEmpty, !isQuoted(line) else { return false }
        if isAttribution(line) { return true }
        guard startsAttribution(line) || hasClue(line) else { return false }
        var joined = line
        for offset in 1...2 where index + offset < lines.count {
            let next = trim(lines[index + offset])
            if next.isEmpty || isQuoted(next) { return false }
            joined += " " + next
            if isAttribution(joined) && startsAttribution(line) { return true }
            if isAttribution(joined) && offset == 1 && !line.hasSuffix(".") { return true }
        }
        return false
    }

    private static let attributions: [(start: String, end: String)] = [
        ("on ", "wrote:"), ("em ", "escreveu:"), ("el ", "escribió:"), ("le ", "a écrit :"), ("le ", "a écrit:"),
        ("am ", "schrieb:"), ("op ", "geschreven:"), ("il ", "ha scritto:"), ("dne ", "napsal(a):"), ("dne ", "napsal:"),
        ("--- on ", "wrote:"),
    ]

    /// Endings that make a line an attribution when it also names an address or a date.
    private static let wroteEndings = [
        "wrote:", "writes:", "escreveu:", "escribió:", "a écrit :", "a écrit:", "schrieb:", "geschreven:", "ha scritto:",
        "написал(а):", "написал:", "написала:", "пишет:", "napsal(a):", "napsal:", "napsala:", "napisał(a):", "napisał:",
        "skrev:", "kirjoitti:", "yazdı:", "pisze:", "napisała:", "写道：", "写道:", "寫道：", "寫道:", "작성:", "님이 작성:", "のメッセージ:",
    ]

    /// Whether `line` names an address or holds a digit, as attributions do.
    private static func hasClue(_ line: String) -> Bool {
        line.utf8.contains { $0 == 0x40 || (0x30...0x39).contains($0) }
    }

    private static func startsAttribution(_ line: String) -> Bool {
        let lower = line.lowercased()
        return attributions.contains { lower.hasPrefix($0.start) }
    }

    private static func isAttribution(_ raw: String) -> Bool {
        // `:`, the last byte of `：` (EF BC 9A), or `-`: what every attribution ends with.
        guard raw.utf8.count <= 1500, let end = raw.utf8.last, end == 0x3A || end == 0x9A || end == 0x2D else { return false }
        let lower = trim(raw.lowercased(), also: [0x2D])
        if attributions.contains(where: { lower.hasPrefix($0.start) && lower.hasSuffix($0.end) }) { return true }
        guard hasClue(lower) else { return false }
        if wroteEndings.contains(where: { lower.hasSuffix($0) }) { return true }
        // Thunderbird in German and Dutch: `Am 25.11.26 um 11:00 schrieb Support:`, `Op … schreef Support:`.
        if lower.hasSuffix(":"), (lower.hasPrefix("am ") && lower.contains(" schrieb "))
            || (lower.hasPrefix("op ") && lower.contains(" schreef ")) { return true }
        // Lotus Notes: `Support <support@desk.example> wrote on 25/11/2026 11:00:00:`.
        if lower.hasSuffix(":"), lower.contains(" wrote on ") || lower.contains(" schrieb am ") { return true }
        // Gmail in Japanese: `2026年11月25日(水) 11:00 Support <support@desk.example>:`.
        return (lower.hasSuffix(">:") || lower.hasSuffix(">：")) && lower.contains("@") && lower.contains(where: \.isNumber)
    }

    private static func isOriginalMessageRule(_ line: String) -> Bool {
        guard line.hasPrefix("-----") else { return false }
        let lower = trim(line.lowercased(), also: [0x2D, 0x5F])
        return [
            "original message", "mensagem original", "mensaje original", "message d'origine", "ursprüngliche nachricht",
            "messaggio originale", "oorspronkelijk bericht", "исходное сообщение", "původní zpráva", "wiadomość oryginalna",
            "originalmeddelande", "alkuperäinen viesti", "原始邮件", "原始郵件", "元のメッセージ", "원본 메시지",
        ].contains(lower)
    }

    /// `From: …` followed within five lines by `Sent:`, `Date:` or their translations (the quoted
    /// header of Outlook, Outlook.com/Hotmail and Lotus Notes), possibly in bold or under underscores.
    private static func isHeaderBlock(at index: Int, in lines: [String]) -> Bool {
        let fromWords = ["from:", "de:", "von:", "da:", "van:", "от:", "od:", "差出人:", "发件人:", "寄件者:", "보낸 사람:", "fra:", "från:", "lähettäjä:"]
        let dateWords = ["sent:", "date:", "enviado:", "enviada em:", "enviado el:", "fecha:", "data:", "gesendet:", "datum:",
                         "envoyé:", "inviato:", "verzonden:", "отправлено:", "дата:", "odesláno:", "wysłano:", "送信日時:",
                         "发送时间:", "日期:", "傳送時間:", "보낸 날짜:", "sendt:", "skickat:", "lähetetty:", "sent on:"]
        guard lines[index].utf8.contains(0x3A) || lines[index].utf8.contains(0x9A),
              fromWords.contains(where: { headerLine(lines[index]).hasPrefix($0) }) else { return false }
        for offset in 1...5 where index + offset < lines.count {
            let later = headerLine(lines[index + offset])
            if dateWords.contains(where: { later.hasPrefix($0) }) { return true }
        }
        return false
    }

    /// A line lower-cased for header matching: no bold stars, `：` and ` :` read as `:`.
    private static func headerLine(_ raw: String) -> String {
        var output = ""
        for character in trim(raw).lowercased().drop(while: { $0 == "*" }) {
            switch character {
            case "：", ":":
                while output.last == " " { output.removeLast() }
                output.append(":")
            case "\t": output.append(" ")
            default: output.append(character)
            }
        }
        return output
    }

    private static func isMobileSignature(_ line: String) -> Bool {
        let lower = line.lowercased()
        return ["sent from my ", "enviado do meu ", "enviado desde mi ", "enviado de meu ", "get outlook for ",
                "sent from yahoo mail", "von meinem iphone gesendet", "envoyé de mon "]
            .contains { lower.hasPrefix($0) }
    }
}
