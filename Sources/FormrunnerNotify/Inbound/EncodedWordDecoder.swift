/// Decodes RFC 2047 encoded-words (`=?charset?B|Q?text?=`) in an unfolded header value.
///
/// Whitespace between two adjacent encoded-words is dropped, as the RFC asks; a word that is not
/// well formed is left as it is.
enum EncodedWordDecoder {
    /// `value` with every encoded-word decoded.
    static func decode(_ value: String) -> String {
        var output = ""
        var rest = Substring(value)
        var pendingSpace = ""
        var lastWasEncoded = false
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (text, length) = word(at: rest) {
                if !lastWasEncoded { output += pendingSpace }
                output += text
                pendingSpace = ""
                lastWasEncoded = true
                rest = rest.dropFirst(length)
                continue
            }
            let character = rest.removeFirst()
            if character == " " || character == "\t" {
                pendingSpace.append(character)
                continue
            }
            output += pendingSpace
            pendingSpace = ""
            output.append(character)
            lastWasEncoded = false
        }
        return output + pendingSpace
    }

    /// The decoded text of the encoded-word at the start of `text`, and how many characters it spans.
    private static func word(at text: Substring) -> (String, Int)? {
        let parts = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("="), !parts[0].isEmpty,
              !parts[2].contains(" ") else { return nil }
        let charset = parts[0].split(separator: "*").first.map(String.init) // RFC 2231 language suffix
        let bytes = Array(parts[2].utf8)
        let decoded: [UInt8]
        switch parts[1].lowercased() {
        case "b": decoded = TransferDecoding.base64(bytes)
        case "q": decoded = TransferDecoding.quotedPrintable(bytes, underscoreIsSpace: true)
        default: return nil
        }
        let length = 2 + parts[0].count + 1 + parts[1].count + 1 + parts[2].count + 2
        return (Charset.decode(decoded, name: charset), length)
    }
}
