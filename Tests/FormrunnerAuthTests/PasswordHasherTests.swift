import Foundation
import FormrunnerAuth
import Testing

@Suite("Password hashing (PBKDF2-HMAC-SHA256)")
struct PasswordHasherTests {
    /// PBKDF2-HMAC-SHA256 vectors: RFC 6070's inputs with SHA-256, and RFC 7914 §11.
    static let vectors: [(password: String, salt: String, iterations: Int, hex: String)] = [
        ("password", "salt", 1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
        ("password", "salt", 2, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"),
        ("password", "salt", 4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
        ("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096,
         "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9"),
        ("passwd", "salt", 1,
         "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"),
        ("Password", "NaCl", 80000,
         "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"),
    ]

    @Test("PBKDF2-HMAC-SHA256 matches the published vectors")
    func knownAnswers() throws {
        for vector in Self.vectors {
            let derived = try PasswordHasher.derive(password: Array(vector.password.utf8), salt: Array(vector.salt.utf8),
                                                    iterations: vector.iterations, byteCount: vector.hex.count / 2)
            #expect(derived.map { String(format: "%02x", $0) }.joined() == vector.hex)
        }
    }

    @Test("a hash is pbkdf2-sha256$iterations$salt$hash with a 16-byte salt and 32-byte hash, salted anew each time")
    func encoding() throws {
        let hasher = PasswordHasher(iterations: PasswordHasher.minimumIterations)
        let first = try hasher.hash("correct horse")
        let parts = first.split(separator: "$").map(String.init)
        #expect(parts.count == 4 && parts[0] == "pbkdf2-sha256" && parts[1] == "210000")
        #expect(Data(base64Encoded: parts[2])?.count == 16 && Data(base64Encoded: parts[3])?.count == 32)
        #expect(try hasher.hash("correct horse") != first)
        #expect(!first.contains("correct horse"))
        #expect(PasswordHasher().iterations == 600_000)
    }

    @Test("verify accepts the password, refuses others and unreadable encodings")
    func verify() throws {
        let hasher = PasswordHasher(iterations: PasswordHasher.minimumIterations)
        let encoded = try hasher.hash("s3cret päss")
        #expect(hasher.verify("s3cret päss", against: encoded))
        #expect(hasher.verify("s3cret pa\u{0308}ss", against: encoded), "NFC-equivalent spelling matches")
        #expect(!hasher.verify("s3cret pass", against: encoded))
        #expect(!hasher.verify("", against: encoded))
        var tampered = encoded.split(separator: "$").map(String.init)
        tampered[1] = "1000"
        #expect(!hasher.verify("s3cret päss", against: tampered.joined(separator: "$")), "too few iterations are refused")
        for bad in ["", "plain", "bcrypt$1$2$3", "pbkdf2-sha256$x$AAAA$AAAA", "pbkdf2-sha256$210000$!!$AAAA"] {
            #expect(!hasher.verify("s3cret päss", against: bad))
        }
    }

    @Test("needsRehash is true below the current iteration count")
    func rehash() throws {
        let old = try PasswordHasher(iterations: 210_000).hash("pw")
        #expect(PasswordHasher(iterations: 300_000).needsRehash(old))
        #expect(!PasswordHasher(iterations: 210_000).needsRehash(old))
        #expect(PasswordHasher(iterations: 210_000).needsRehash("garbage"))
    }
}
