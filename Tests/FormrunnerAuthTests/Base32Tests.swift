import FormrunnerAuth
import Testing

@Suite("Base32 (RFC 4648)")
struct Base32Tests {
    static let vectors: [(String, String)] = [
        ("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="), ("foob", "MZXW6YQ="),
        ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI======"),
    ]

    @Test("RFC 4648 §10 vectors encode and decode")
    func vectors() {
        for (plain, encoded) in Self.vectors {
            #expect(Base32.encode(Array(plain.utf8)) == encoded)
            #expect(Base32.decode(encoded) == Array(plain.utf8))
        }
    }

    @Test("decoding tolerates lower case, spaces, hyphens and missing padding")
    func lenient() {
        #expect(Base32.decode("mzxw 6ytb-oi") == Array("foobar".utf8))
        #expect(Base32.encode(Array("foobar".utf8), padded: false) == "MZXW6YTBOI")
        #expect(Base32.decode("JBSWY3DPEHPK3PXP") == Array("Hello!\u{DE}\u{AD}\u{BE}\u{EF}".unicodeScalars.map { UInt8($0.value) }))
    }

    @Test("invalid text is refused", arguments: ["MZXW1", "M", "MZX", "MZXW6Y", "MZ=XQ", "MZXQ=", "MZXW6YTB========", "MZ\u{E9}Q", "MR"])
    func invalid(text: String) {
        #expect(Base32.decode(text) == nil)
    }

    @Test("random bytes round-trip")
    func roundTrip() {
        for count in 0..<40 {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255) }
            #expect(Base32.decode(Base32.encode(bytes)) == bytes)
            #expect(Base32.decode(Base32.encode(bytes, padded: false)) == bytes)
        }
    }
}
