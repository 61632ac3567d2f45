import Crypto
import Foundation
import FormrunnerCore

/// Time-based one-time passwords (RFC 6238): the codes authenticator apps show.
///
/// The code for an instant is HOTP (RFC 4226) over the number of whole `period`s since 1970 (the
/// time step). A code is accepted in the step of the instant and `window` steps either side, to
/// allow for clocks that differ and for typing time. Replay protection (refusing a code already
/// used) is the caller's job, using the step ``matchingStep(for:secret:at:)`` returns.
public struct TOTP: Hashable, Sendable {
    /// The HMAC hash function.
    public enum Algorithm: String, CaseIterable, Hashable, Sendable {
        case sha1 = "SHA1"
        case sha256 = "SHA256"
        case sha512 = "SHA512"
    }

    /// The HMAC hash function; authenticator apps default to SHA-1.
    public var algorithm: Algorithm
    /// Digits in a code: 6 or 8.
    public var digits: Int
    /// Seconds in a time step.
    public var period: Int
    /// Steps accepted either side of the current one.
    public var window: Int

    /// The usual settings: SHA-1, 6 digits, 30-second steps, one step either side.
    public init(algorithm: Algorithm = .sha1, digits: Int = 6, period: Int = 30, window: Int = 1) {
        precondition(digits == 6 || digits == 8, "TOTP codes have 6 or 8 digits")
        precondition(period > 0 && window >= 0, "TOTP needs a positive period and a non-negative window")
        self.algorithm = algorithm
        self.digits = digits
        self.period = period
        self.window = window
    }

    /// The time step `date` falls in (0 before 1970).
    public func step(at date: Date) -> Int64 {
        max(0, Int64((date.timeIntervalSince1970 / Double(period)).rounded(.down)))
    }

    /// The code for `secret` at `date`.
    public func code(secret: [UInt8], at date: Date) -> String {
        code(secret: secret, step: step(at: date))
    }

    /// The code for `secret` in time step `step` (HOTP with the step as counter).
    public func code(secret: [UInt8], step: Int64) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Array($0) }
        let key = SymmetricKey(data: secret)
        let mac: [UInt8]
        switch algorithm {
        case .sha1: mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
        case .sha256: mac = Array(HMAC<Crypto.SHA256>.authenticationCode(for: message, using: key))
        case .sha512: mac = Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
        }
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary = UInt32(mac[offset] & 0x7f) << 24 | UInt32(mac[offset + 1]) << 16
            | UInt32(mac[offset + 2]) << 8 | UInt32(mac[offset + 3])
        let modulus = digits == 8 ? 100_000_000 : 1_000_000
        let text = String(binary % UInt32(modulus))
        return String(repeating: "0", count: digits - text.count) + text
    }

    /// The time step whose code `entered` is, among the steps of the window around `date`, or nil
    /// if it is none of them. Spaces in `entered` are ignored; every step is compared in constant time.
    public func matchingStep(for entered: String, secret: [UInt8], at date: Date) -> Int64? {
        let code = entered.filter { $0 != " " }
        let now = step(at: date)
        var found: Int64?
        for offset in -Int64(window)...Int64(window) where now + offset >= 0 {
            if ConstantTime.equal(self.code(secret: secret, step: now + offset), code), found == nil {
                found = now + offset
            }
        }
        return found
    }

    /// A new random secret of `byteCount` bytes (20, as RFC 4226 recommends for SHA-1), in base32
    /// without padding, ready for ``UserRecord/totpSecret``.
    public static func generateSecret(byteCount: Int = 20) -> String {
        Base32.encode(SecureRandom.bytes(byteCount), padded: false)
    }

    /// The `otpauth://` URI authenticator apps read (usually from a QR code) to add this secret.
    public func provisioningURI(base32Secret: String, account: String, issuer: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~@")
        func escape(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        let secret = base32Secret.filter { $0 != " " && $0 != "-" && $0 != "=" }.uppercased()
        return "otpauth://totp/\(escape(issuer)):\(escape(account))?secret=\(secret)&issuer=\(escape(issuer))"
            + "&algorithm=\(algorithm.rawValue)&digits=\(digits)&period=\(period)"
    }
}
