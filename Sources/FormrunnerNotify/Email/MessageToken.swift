/// The id of an outbox message made safe for a Message-ID's local part and a Maildir file name.
///
/// Letters, digits, `-` and `_` are kept; every other byte of the UTF-8 id becomes `%XX`, so
/// distinct ids always give distinct tokens, and no token contains `.`, `/`, `:`, `<`, `>`, `@`,
/// spaces or line breaks.
public enum MessageToken {
    /// The token for `id`.
    public static func token(for id: String) -> String {
        var result = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                result.append(Character(Unicode.Scalar(byte)))
            default:
                result += "%" + hex(byte >> 4) + hex(byte & 0xF)
            }
        }
        return result.isEmpty ? "%" : result
    }

    private static func hex(_ nibble: UInt8) -> String {
        String(Character(Unicode.Scalar(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10)))
    }
}
