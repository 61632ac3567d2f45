/// A mailbox written for a header: `Name <address>`, with the display name left as is when it is
/// plain words, quoted when it holds specials (`,` `;` `"` …), and RFC 2047-encoded when it is not ASCII.
enum Mailbox {
    /// `name <address>`, or the bare address when `name` is empty. Control characters and line
    /// breaks in either part become spaces.
    static func header(name: String, address: String) -> String {
        let address = RenderedEmail.headerSafe(address)
        let name = RenderedEmail.headerSafe(name)
        guard !name.isEmpty else { return address }
        return phrase(name) + " <" + address + ">"
    }

    /// A display name as an RFC 5322 phrase.
    static func phrase(_ name: String) -> String {
        guard name.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }), !name.contains("=?") else {
            // Folded: one encoded-word per line keeps every header line far under 998 characters.
            return EncodedWord.words(name).joined(separator: "\r\n ")
        }
        if name.unicodeScalars.allSatisfy({ isAtomText($0) || $0 == " " }) { return name }
        return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func isAtomText(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }
}
