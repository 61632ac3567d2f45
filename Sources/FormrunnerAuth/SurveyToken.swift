import Crypto
import Foundation

/// The token in a satisfaction-survey link: a ticket number and a survey round, signed with
/// HMAC-SHA256, so that only the desk can make a link and no one can change the ticket or round in it.
///
/// A token reads `<ticket>-<round>-<MAC>` (the MAC in unpadded base64url): URL-safe as it is. It does
/// not expire and is not recorded; it is single-use because the desk refuses a second answer to the
/// same round, and a link of an older round once the ticket was solved again
/// (`TicketDesk.answerSurvey`).
public enum SurveyToken {
    /// The HMAC key survey tokens are signed with (32 bytes).
    public struct Key: Sendable {
        /// The key bytes (`SymmetricKey` is not `Sendable` in this swift-crypto).
        let bytes: [UInt8]

        /// A key of exactly these bytes (at least 32).
        public init?(bytes: [UInt8]) {
            guard bytes.count >= 32 else { return nil }
            self.bytes = bytes
        }

        /// The survey key derived with HKDF-SHA256 (info ``info``) from the key of `sealer`, the key
        /// file beside the database: one key file, no second secret to keep.
        public static func derived(from sealer: KeyFileSecretSealer) -> Key {
            Key(derivedFrom: sealer.keyMaterial)
        }

        /// The survey key derived with HKDF-SHA256 (info ``info``) from `material`.
        init(derivedFrom material: [UInt8]) {
            let derived = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: material),
                                                 info: Data(SurveyToken.info.utf8), outputByteCount: 32)
            bytes = derived.withUnsafeBytes { Array($0) }
        }
    }

    /// The HKDF `info` that sets survey keys apart from any other key derived from the same file.
    public static let info = "formrunner survey token"

    /// A token for round `round` of ticket `ticket`.
    public static func issue(ticket: Int64, round: Int, key: Key) -> String {
        let payload = "\(ticket)-\(round)"
        return payload + "-" + base64URL(mac(payload, key: key))
    }

    /// The ticket and round of `token`, or `nil` when it is malformed or its MAC does not match
    /// (compared in constant time).
    public static func verify(_ token: String, key: Key) -> (ticket: Int64, round: Int)? {
        let parts = token.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let ticket = number(parts[0]).flatMap(Int64.init(exactly:)),
              let round = number(parts[1]).flatMap(Int.init(exactly:)),
              let code = data(base64URL: String(parts[2])), code.count == SHA256.byteCount else { return nil }
        let payload = "\(ticket)-\(round)"
        guard HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: Data(payload.utf8),
                                                     using: SymmetricKey(data: key.bytes)) else { return nil }
        return (ticket, round)
    }

    private static func mac(_ payload: String, key: Key) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: SymmetricKey(data: key.bytes)))
    }

    /// A positive decimal number without sign or leading zero, at most 18 digits.
    private static func number(_ text: Substring) -> Int64? {
        guard (1...18).contains(text.count), text.first != "0", text.allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = Int64(text) else { return nil }
        return value
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func data(base64URL text: String) -> Data? {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
