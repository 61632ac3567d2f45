import Crypto
import _CryptoExtras
import Foundation
import FormrunnerCore

/// Slow salted password hashes: PBKDF2-HMAC-SHA256 with a random 16-byte salt.
///
/// A hash is encoded `pbkdf2-sha256$ITERATIONS$SALT$HASH` with SALT and HASH in standard base64,
/// and is what ``UserRecord/passwordHash`` holds. Passwords are compared after Unicode NFC
/// normalisation, so the same password typed on different keyboards matches. The iteration count
/// defaults to OWASP's 600,000 for PBKDF2-HMAC-SHA256 and is never below 210,000; hashes made with
/// fewer than the current count still verify, and ``needsRehash(_:)`` says when to replace them.
public struct PasswordHasher: Hashable, Sendable {
    /// The smallest iteration count this type makes or accepts.
    public static let minimumIterations = 210_000
    /// The iteration count new hashes use unless told otherwise (OWASP 2023, PBKDF2-HMAC-SHA256).
    public static let defaultIterations = 600_000
    /// The largest iteration count a stored hash may ask for (so a tampered row cannot stall sign-in).
    public static let maximumIterations = 10_000_000
    /// The scheme name at the start of every encoded hash.
    public static let scheme = "pbkdf2-sha256"

    /// The iteration count of new hashes.
    public let iterations: Int

    /// A hasher making hashes with `iterations` (at least ``minimumIterations``).
    public init(iterations: Int = PasswordHasher.defaultIterations) {
        precondition((PasswordHasher.minimumIterations...PasswordHasher.maximumIterations).contains(iterations),
                     "PBKDF2 iterations must be between 210,000 and 10,000,000")
        self.iterations = iterations
    }

    /// The encoded hash of `password` with a new random salt.
    public func hash(_ password: String) throws -> String {
        let salt = SecureRandom.bytes(16)
        let derived = try PasswordHasher.derive(password: PasswordHasher.bytes(of: password), salt: salt,
                                                iterations: iterations, byteCount: 32)
        return [PasswordHasher.scheme, String(iterations), Data(salt).base64EncodedString(),
                Data(derived).base64EncodedString()].joined(separator: "$")
    }

    /// Whether `password` is the one `encoded` was made from; false for an encoding this type cannot
    /// read. The derived hashes are compared in constant time.
    public func verify(_ password: String, against encoded: String) -> Bool {
        guard let parts = PasswordHasher.parse(encoded),
              let derived = try? PasswordHasher.derive(password: PasswordHasher.bytes(of: password), salt: parts.salt,
                                                       iterations: parts.iterations, byteCount: parts.hash.count)
        else { return false }
        return ConstantTime.equal(derived, parts.hash)
    }

    /// Spends the time a verification takes, for a user who does not exist or has no password, so
    /// that the answer's timing does not tell whether the e-mail is known.
    public func simulateVerification(_ password: String) {
        _ = try? PasswordHasher.derive(password: PasswordHasher.bytes(of: password), salt: [UInt8](repeating: 0, count: 16),
                                       iterations: iterations, byteCount: 32)
    }

    /// Whether `encoded` should be replaced by a new hash: unreadable, or made with fewer iterations.
    public func needsRehash(_ encoded: String) -> Bool {
        guard let parts = PasswordHasher.parse(encoded) else { return true }
        return parts.iterations < iterations
    }

    /// Plain PBKDF2-HMAC-SHA256 (RFC 8018) with any iteration count, for test vectors and ``hash(_:)``.
    public static func derive(password: [UInt8], salt: [UInt8], iterations: Int, byteCount: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: password, salt: salt, using: .sha256,
                                                    outputByteCount: byteCount, unsafeUncheckedRounds: iterations)
        return key.withUnsafeBytes { Array($0) }
    }

    /// The bytes hashed for `password`: its UTF-8 in Unicode NFC.
    private static func bytes(of password: String) -> [UInt8] {
        Array(password.precomposedStringWithCanonicalMapping.utf8)
    }

    /// The iterations, salt and hash of an encoded hash, or nil if it is not one this type accepts.
    private static func parse(_ encoded: String) -> (iterations: Int, salt: [UInt8], hash: [UInt8])? {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == scheme, let iterations = Int(parts[1]),
              (minimumIterations...maximumIterations).contains(iterations),
              let salt = Data(base64Encoded: String(parts[2])), salt.count >= 8,
              let hash = Data(base64Encoded: String(parts[3])), (16...64).contains(hash.count)
        else { return nil }
        return (iterations, Array(salt), Array(hash))
    }
}
