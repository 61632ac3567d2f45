import Foundation

/// Header text encoding: RFC 2047 encoded-words for text that is not plain ASCII.
enum EncodedWord {
    /// The longest UTF-8 run per encoded-word: 45 bytes are 60 Base64 characters, which with
    /// `=?UTF-8?B?` and `?=` stays within the 75 characters RFC 2047 allows.
    static let maxBytesPerWord = 45

    /// `text` as a header value: unchanged when it is short printable ASCII, otherwise as Base64
    /// encoded-words (split on character boundaries) folded onto continuation lines.
    static func encode(_ text: String, plainLimit: Int = 900) -> String {
        let plain = text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
        if plain && !text.contains("=?") && text.utf8.count <= plainLimit { return text }
        return words(text).joined(separator: "\r\n ")
    }

    /// The encoded-words of `text`.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty && chunk.count + bytes.count > maxBytesPerWord {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }
}
