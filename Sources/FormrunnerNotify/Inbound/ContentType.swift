import Foundation

/// A `Content-Type` or `Content-Disposition` value: the main value and its parameters.
///
/// Parameter names are lower-cased; values are unquoted; RFC 2231 forms (`name*=utf-8''…` and
/// continuations `name*0=`, `name*1*=`) are put back together and decoded.
struct ContentType: Hashable, Sendable {
    /// `text/plain`, `multipart/mixed`, `attachment`…, lower-cased.
    var value: String
    /// Parameters by lower-cased name.
    var parameters: [String: String]

    /// `text/plain; charset=us-ascii` when the header is absent.
    static let plainText = ContentType(value: "text/plain", parameters: ["charset": "us-ascii"])

    init(value: String, parameters: [String: String]) {
        self.value = value
        self.parameters = parameters
    }

    /// Reads a header value.
    init(parsing text: String) {
        let pieces = Self.splitOnSemicolons(text)
        value = (pieces.first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var plain: [String: String] = [:]
        var extended: [String: [(index: Int, encoded: Bool, text: String)]] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let key = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var raw = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") {
                raw = String(raw.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                    .replacingOccurrences(of: "\\\\", with: "\\")
            }
            guard let star = key.firstIndex(of: "*") else {
                plain[key] = raw
                continue
            }
            let base = String(key[..<star])
            let suffix = key[key.index(after: star)...]
            let encoded = suffix.isEmpty || suffix.hasSuffix("*")
            let index = Int(suffix.trimmingCharacters(in: CharacterSet(charactersIn: "*"))) ?? 0
            extended[base, default: []].append((index, encoded, raw))
        }
        for (base, parts) in extended {
            plain[base] = Self.joinExtended(parts.sorted { $0.index < $1.index })
        }
        parameters = plain
    }

    /// A parameter, with RFC 2047 encoded-words (which some mailers use in file names) decoded.
    subscript(parameter: String) -> String? {
        parameters[parameter].map(EncodedWordDecoder.decode)
    }

    /// RFC 2231 parts joined: the first encoded part names the charset (`utf-8'lang'…`).
    private static func joinExtended(_ parts: [(index: Int, encoded: Bool, text: String)]) -> String {
        var charset: String?
        var bytes: [UInt8] = []
        for (position, part) in parts.enumerated() {
            var text = part.text
            if part.encoded && position == 0 {
                let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    charset = String(pieces[0])
                    text = String(pieces[2])
                }
            }
            bytes += part.encoded ? percentDecoded(text) : Array(text.utf8)
        }
        return Charset.decode(bytes, name: charset ?? "utf-8")
    }

    private static func percentDecoded(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16) {
                output.append(value)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    /// Splits on `;` outside quoted strings.
    private static func splitOnSemicolons(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in text {
            if escaped {
                escaped = false
            } else if character == "\\" && quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                pieces.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces
    }
}
