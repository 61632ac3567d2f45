import Foundation
import FormrunnerCore
import Testing

@Suite("SHA-256")
struct SHA256Tests {
    @Test("FIPS 180-4 test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(input: String, digest: String) {
        #expect(SHA256.hexDigest(of: Data(input.utf8)) == digest)
    }

    @Test("text hashes like its UTF-8 bytes", arguments: ["", "abc", "São Paulo 👩‍💻", String(repeating: "x", count: 130)])
    func text(input: String) {
        var hash = SHA256()
        hash.update(utf8: input)
        #expect(hash.hexDigest() == SHA256.hexDigest(of: Data(input.utf8)))
    }

    @Test("a million 'a', fed in uneven pieces")
    func millionA() {
        var hash = SHA256()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 997)
        var fed = 0
        while fed < 1_000_000 {
            let count = min(piece.count, 1_000_000 - fed)
            hash.update(Array(piece[0..<count]))
            fed += count
        }
        #expect(hash.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("block boundaries agree with one-shot hashing")
    func boundaries() {
        let bytes = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        for length in [55, 56, 57, 63, 64, 65, 119, 120, 128, 200] {
            let whole = SHA256.hexDigest(of: Data(bytes[0..<length]))
            var split = SHA256()
            split.update(Array(bytes[0..<(length / 3)]))
            split.update(Array(bytes[(length / 3)..<length]))
            #expect(split.hexDigest() == whole, "length \(length)")
        }
    }

    @Test("files hash like their content")
    func file() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let content = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0) })
        try content.write(to: url)
        #expect(try SHA256.hexDigest(ofFileAt: url) == SHA256.hexDigest(of: content))
    }

    @Test("digest shape")
    func shape() {
        #expect(SHA256.isHexDigest(String(repeating: "a", count: 64)))
        #expect(!SHA256.isHexDigest(String(repeating: "A", count: 64)))
        #expect(!SHA256.isHexDigest("../" + String(repeating: "a", count: 61)))
        #expect(!SHA256.isHexDigest("abc"))
    }
}
