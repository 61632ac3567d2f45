import Foundation

/// Rewrites JSON's surrogate-pair escapes (`\uD83D\uDE00`) as the YAML escape of the character they
/// make (`\U0001F600`), which the YAML reader accepts; everything else is left as it is.
enum JSONSurrogates {
    /// `data` with each escaped surrogate pair joined, when it looks like JSON (starts with `{` or
    /// `[`, after white space); other data is returned unchanged. Linear in the size of `data`.
    static func joined(in data: Data) -> Data {
        let bytes = [UInt8](data)
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }),
              first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
              bytes.contains(UInt8(ascii: "\\")) else { return data }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                output.append(byte)
                index += 1
                continue
            }
            // An escape: a pair of surrogates becomes one \U escape; any other is copied whole, so that
            // `\\` never makes the next character look escaped.
            if let high = unit(bytes, at: index), (0xD800...0xDBFF).contains(high),
               let low = unit(bytes, at: index + 6), (0xDC00...0xDFFF).contains(low) {
                let scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                output += Array(("\\U" + String(format: "%08X", scalar)).utf8)
                index += 12
            } else {
                output += bytes[index...index + 1]
                index += 2
            }
        }
        return Data(output)
    }

    /// The 16-bit value of a `\uXXXX` escape at `index`, or nil.
    private static func unit(_ bytes: [UInt8], at index: Int) -> Int? {
        guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
        return Int(String(decoding: bytes[index + 2..<index + 6], as: UTF8.self), radix: 16)
    }
}
