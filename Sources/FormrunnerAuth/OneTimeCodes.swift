import Crypto
import Foundation

/// Making, normalising and hashing one-time codes (the codes sent by e-mail or SMS).
public enum OneTimeCodes {
    /// A new code of `digits` decimal digits from the system's secure generator.
    public static func generate(digits: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(digits: digits, using: &generator)
    }

    /// A new code of `digits` decimal digits from `generator`: each digit is drawn uniformly with
    /// `Int.random(in:using:)`, which rejects rather than reduces modulo, so there is no bias.
    public static func generate(digits: Int, using generator: inout some RandomNumberGenerator) -> String {
        precondition((4...12).contains(digits), "one-time codes have 4 to 12 digits")
        return String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }

    /// The code as typed, without the spaces and hyphens people add to read it back.
    public static func normalized(_ entered: String) -> String {
        entered.filter { !$0.isWhitespace && $0 != "-" }
    }

    /// The lower-case hexadecimal SHA-256 of `key`, a zero byte, and `code`: what a
    /// ``FormrunnerCore/OneTimeCodeStore`` keeps. Salting with the key means equal codes for
    /// different keys have different hashes.
    public static func hash(_ code: String, key: String) -> String {
        var hasher = Crypto.SHA256()
        hasher.update(data: Array(key.utf8))
        hasher.update(data: [0])
        hasher.update(data: Array(code.utf8))
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
