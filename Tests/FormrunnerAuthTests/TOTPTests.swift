import Foundation
import FormrunnerAuth
import Testing

@Suite("TOTP (RFC 6238)")
struct TOTPTests {
    static let seeds: [TOTP.Algorithm: [UInt8]] = [
        .sha1: Array("12345678901234567890".utf8),
        .sha256: Array("12345678901234567890123456789012".utf8),
        .sha512: Array("1234567890123456789012345678901234567890123456789012345678901234".utf8),
    ]

    /// RFC 6238 Appendix B: time, then the 8-digit codes for SHA-1, SHA-256 and SHA-512.
    static let appendixB: [(time: Double, sha1: String, sha256: String, sha512: String)] = [
        (59, "94287082", "46119246", "90693936"),
        (1_111_111_109, "07081804", "68084774", "25091201"),
        (1_111_111_111, "14050471", "67062674", "99943326"),
        (1_234_567_890, "89005924", "91819424", "93441116"),
        (2_000_000_000, "69279037", "90698825", "38618901"),
        (20_000_000_000, "65353130", "77737706", "47863826"),
    ]

    @Test("every Appendix B vector", arguments: appendixB.indices)
    func appendixBVector(index: Int) throws {
        let vector = Self.appendixB[index]
        let date = Date(timeIntervalSince1970: vector.time)
        for (algorithm, expected) in [(TOTP.Algorithm.sha1, vector.sha1), (.sha256, vector.sha256), (.sha512, vector.sha512)] {
            let totp = TOTP(algorithm: algorithm, digits: 8)
            let seed = try #require(Self.seeds[algorithm])
            #expect(totp.code(secret: seed, at: date) == expected, "\(algorithm) at \(vector.time)")
            #expect(totp.matchingStep(for: expected, secret: seed, at: date) == totp.step(at: date))
        }
    }

    @Test("6-digit codes are the last six digits of the 8-digit ones")
    func sixDigits() throws {
        let seed = try #require(Self.seeds[.sha1])
        #expect(TOTP().code(secret: seed, at: Date(timeIntervalSince1970: 59)) == "287082")
        #expect(TOTP().code(secret: seed, at: Date(timeIntervalSince1970: 1_111_111_109)) == "081804")
    }

    @Test("codes one step either side are accepted, two steps away are not")
    func window() throws {
        let seed = try #require(Self.seeds[.sha1])
        let totp = TOTP()
        let now = Date(timeIntervalSince1970: 1_234_567_890)
        let step = totp.step(at: now)
        #expect(totp.matchingStep(for: totp.code(secret: seed, step: step - 1), secret: seed, at: now) == step - 1)
        #expect(totp.matchingStep(for: totp.code(secret: seed, step: step + 1), secret: seed, at: now) == step + 1)
        let far = [totp.code(secret: seed, step: step - 2), totp.code(secret: seed, step: step + 2)]
        for code in far where ![-1, 0, 1].contains(where: { totp.code(secret: seed, step: step + Int64($0)) == code }) {
            #expect(totp.matchingStep(for: code, secret: seed, at: now) == nil)
        }
        let current = totp.code(secret: seed, step: step)
        #expect(totp.matchingStep(for: String(current.prefix(3)) + " " + String(current.suffix(3)), secret: seed, at: now) == step)
        #expect(totp.matchingStep(for: "", secret: seed, at: now) == nil)
        #expect(TOTP(window: 0).matchingStep(for: totp.code(secret: seed, step: step + 1), secret: seed, at: now) == nil)
    }

    @Test("new secrets are 20 random bytes in unpadded base32; the provisioning URI names them")
    func secrets() throws {
        let secret = TOTP.generateSecret()
        #expect(secret.count == 32 && !secret.contains("="))
        #expect(Base32.decode(secret)?.count == 20)
        #expect(TOTP.generateSecret() != secret)
        let uri = TOTP().provisioningURI(base32Secret: "jbsw y3dp", account: "ana@example.com", issuer: "VTEX Support")
        #expect(uri == "otpauth://totp/VTEX%20Support:ana@example.com?secret=JBSWY3DP&issuer=VTEX%20Support&algorithm=SHA1&digits=6&period=30")
    }
}
