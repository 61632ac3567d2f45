import Foundation

/// Undoes a `Content-Transfer-Encoding`: quoted-printable and Base64; anything else is taken as is.
enum TransferDecoding {
    /// The bytes `body` stands for under `encoding`.
    static func decode(_ body: [UInt8], encoding: String?) -> [UInt8] {
        switch encoding?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "quoted-printable": return quotedPrintable(body)
        case "base64": return base64(body)
        case "x-uuencode", "x-uue", "uuencode": return Uuencode.decode(body)?.content ?? body
        default: return body
        }
    }

    /// Quoted-printable (RFC 2045): `=XX` escapes, `=` at a line end joins lines, trailing spaces
    /// dropped. A malformed escape is kept literally. With `underscoreIsSpace`, `_` is a space (the
    /// `Q` encoding of RFC 2047).
    static func quotedPrintable(_ bytes: [UInt8], underscoreIsSpace: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") {
                var next = index + 1
                while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
                if next < bytes.count, bytes[next] == 0x0D || bytes[next] == 0x0A {
                    index = next + (bytes[next] == 0x0D && next + 1 < bytes.count && bytes[next + 1] == 0x0A ? 2 : 1)
                    continue
                }
                if next == bytes.count && next > index + 1 {
                    index = next
                    continue
                }
                if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
                output.append(byte)
            } else if byte == UInt8(ascii: "_") && underscoreIsSpace {
                output.append(0x20)
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    /// Base64, ignoring line breaks and any character outside the alphabet. Padding may be missing
    /// or appear in the middle (concatenated encodings); a last group of two or three characters
    /// gives its one or two bytes, and a single character left over (a stray letter) is dropped
    /// rather than losing the whole part.
    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 4 * 3)
        var group: UInt32 = 0
        var count = 0
        func flush() {
            switch count {
            case 2: output.append(UInt8(truncatingIfNeeded: group >> 4))
            case 3:
                output.append(UInt8(truncatingIfNeeded: group >> 10))
                output.append(UInt8(truncatingIfNeeded: group >> 2))
            default: break
            }
            group = 0
            count = 0
        }
        for byte in bytes {
            let value: UInt32
            switch byte {
            case 0x41...0x5A: value = UInt32(byte - 0x41)
            case 0x61...0x7A: value = UInt32(byte - 0x61 + 26)
            case 0x30...0x39: value = UInt32(byte - 0x30 + 52)
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="):
                flush()
                continue
            default: continue
            }
            group = group << 6 | value
            count += 1
            if count == 4 {
                output.append(UInt8(truncatingIfNeeded: group >> 16))
                output.append(UInt8(truncatingIfNeeded: group >> 8))
                output.append(UInt8(truncatingIfNeeded: group))
                group = 0
                count = 0
            }
        }
        flush()
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
