/// Quoted-printable body encoding (RFC 2045), used when a line is too long to send as 8bit.
enum QuotedPrintable {
    /// Encodes `lines` (without line ends) into CRLF-terminated lines of at most 76 characters.
    static func encode(lines: [String]) -> String {
        lines.map(encode(line:)).joined()
    }

    private static func encode(line: String) -> String {
        var output = ""
        var current = ""
        let bytes = Array(line.utf8)
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                || ((byte == 0x20 || byte == 0x09) && !isLast)
            let piece = literal ? String(Character(Unicode.Scalar(byte))) : escape(byte)
            if current.utf8.count + piece.utf8.count > 75 {
                output += current + "=\r\n"
                current = ""
            }
            current += piece
        }
        return output + current + "\r\n"
    }

    private static func escape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}
