import Foundation

/// Turns the bytes of a text part or an encoded-word into a string, by the charset it declares.
///
/// UTF-8, US-ASCII, ISO-8859-1 (Latin-1), Windows-1252 and UTF-16 are understood by name (any case,
/// common aliases); ISO-8859-15 is read as Windows-1252, which differs from it in eight rare characters. Bytes that are not valid in the declared charset, or an unknown
/// charset, fall back to UTF-8 when the bytes are valid UTF-8 and to Windows-1252 otherwise, so
/// text is never dropped.
enum Charset {
    /// `bytes` decoded as `name`.
    static func decode(_ bytes: [UInt8], name: String?) -> String {
        let data = Data(bytes)
        if let encoding = encoding(named: name), let text = String(data: data, encoding: encoding) { return text }
        if let text = String(bytes: bytes, encoding: .utf8) { return text }
        return String(data: data, encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// The encoding a charset name stands for.
    static func encoding(named name: String?) -> String.Encoding? {
        guard let name else { return nil }
        switch name.trimmingCharacters(in: .whitespaces).lowercased() {
        case "utf-8", "utf8": return .utf8
        case "us-ascii", "ascii", "ansi_x3.4-1968": return .utf8
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1": return .isoLatin1
        case "windows-1252", "cp1252", "iso-8859-15", "iso8859-15", "latin-9": return .windowsCP1252
        case "utf-16": return .utf16
        case "utf-16le": return .utf16LittleEndian
        case "utf-16be": return .utf16BigEndian
        default: return nil
        }
    }
}
